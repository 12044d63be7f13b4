/**
 * The browser-safe surface of regime-lab: everything that runs in a page as well as in Node (no file
 * system, no kernel, no virtual DOM). `src/index.ts` re-exports all of it and adds the Node and
 * notebook parts.
 */

// core
export type { Bar, BarColumns, BarField, ExitReason, RoundTrip, Side, SymbolInfo } from "./core/types.js";
export { BAR_FIELDS, PRICE_FIELDS } from "./core/types.js";
export {
  CancelledError, EngineError, EngineStateError, InvalidOptionError, LookaheadError, NotEnoughDataError, QueueError, SchemaError, UnsortedStreamError,
  type DataIssue, type ErrorCode,
} from "./core/errors.js";
export {
  checkTimeZone, intervalMs, isTimeZone, localDate, parseTimestamp, toIso, wallClock, zonedToUtc, zoneOffsetMs,
  type ParsedTimestamp, type WallClock,
} from "./core/time.js";

// data
export { BAR_METADATA, barSchema } from "./data/bar-schema.js";
export { allocateBarColumns, barAt, barColumns, barInfo, makeBarTable, type MakeBarTableOptions } from "./data/bar-table.js";
export { findBarIssues, type FindBarIssuesOptions } from "./data/validate-bars.js";
export { DataHandler, type BarInput } from "./data/data-handler.js";
export { MergeCursor, mergeBars, type MergePendingEntry } from "./data/merge-bars.js";
export { parseBarsCsv, type ParseBarsCsvOptions } from "./data/parse-bars-csv.js";
export { readBarsArrow, type ReadBarsArrowOptions } from "./data/read-bars-arrow.js";
export { writeBarsArrow } from "./data/write-bars-arrow.js";
export { repairBars, type RepairBarsOptions, type RepairedBars, type RepairOptions, type RepairRecord } from "./data/repair-bars.js";
export type { BarLoadResult } from "./data/bar-load-result.js";
export type { CsvBarColumns } from "./data/csv-bar-columns.js";
export type { TradingSession } from "./data/bar-time-parser.js";
export { isTimeField } from "./data/time-field.js";

// synthetic data
export { createRng, type Rng } from "./synthetic/random.js";
export {
  DEFAULT_REGIME_DYNAMICS, DEFAULT_REGIME_TRANSITIONS, SYNTHETIC_REGIMES, type RegimeDynamics, type SyntheticRegime,
} from "./synthetic/synthetic-regimes.js";
export { regimeSwitchingBars, type RegimeSwitchingBarsOptions, type RegimeSwitchingBarsResult } from "./synthetic/regime-switching-bars.js";
export { correlatedBars, type CorrelatedBarsOptions, type CorrelatedBarsResult } from "./synthetic/correlated-bars.js";
export {
  intradaySessionBars, type IntradaySessionBarsOptions, type IntradaySessionBarsResult, type IntradaySymbolSpec,
} from "./synthetic/intraday-session-bars.js";
export { SESSION_PRESETS, type DailySessionSpec, type SessionPreset, type SessionSpec, type WeeklySessionSpec } from "./synthetic/session-spec.js";
export { sessionWindows, type SessionWindow, type SessionWindowsOptions } from "./synthetic/session-windows.js";

// metrics
export { metrics } from "./metrics/metrics.js";
export type { ComputeMetricsOptions, EquityCurve, Metrics } from "./metrics/compute-metrics.js";
export type { CorrelationMatrix, CorrelationMatrixOptions, ReturnSeries } from "./metrics/correlation-matrix.js";
export type { DrawdownSpell } from "./metrics/drawdown-spells.js";

// charts (Plot options and marks; render them with Plot.plot in a page, or renderSvg in Node)
export { priceChart, type PriceChartOptions } from "./charts/price-chart.js";
export { priceMarkLabels, priceMarks, type PriceMarksOptions } from "./charts/price-marks.js";
export { equityCurvesChart, type EquityCurvesChartOptions, type EquityCurvesInput } from "./charts/equity-curves-chart.js";
export { drawdownChart, type DrawdownChartOptions } from "./charts/drawdown-chart.js";
export { correlationHeatmap, type CorrelationHeatmapOptions } from "./charts/correlation-heatmap.js";
export { tradeMarks, TRADE_COLORS, type TradeMarksOptions } from "./charts/trade-marks.js";
export { selectFills, type SelectFillsOptions, type TradeFill } from "./charts/select-fills.js";
export { regimeMarks, regimeColorScale, type RegimeMarksOptions } from "./charts/regime-marks.js";
export { regimePriceChart, type RegimePriceChartOptions } from "./charts/regime-price-chart.js";
export { regimeProbabilityChart, type RegimeProbabilityChartOptions } from "./charts/regime-probability-chart.js";
export { regimeTimelineChart, type RegimeTimelineChartOptions } from "./charts/regime-timeline-chart.js";
export { heatGauge, HEAT_COLORS, type HeatGaugeInput, type HeatGaugeOptions } from "./charts/heat-gauge.js";
export { sizingBreakdownChart, type SizingBreakdownChartOptions } from "./charts/sizing-breakdown-chart.js";
export { dailyRiskUsageChart, DAILY_RISK_USAGE_COLUMNS, type DailyRiskUsageChartOptions } from "./charts/daily-risk-usage-chart.js";
export { heatChart, HEAT_CHART_COLUMNS, type HeatChartOptions } from "./charts/heat-chart.js";
export { drawdownScaleChart, DRAWDOWN_SCALE_COLUMNS, type DrawdownScaleChartOptions } from "./charts/drawdown-scale-chart.js";
export { zoneMarks, type ZoneMarksOptions } from "./charts/zone-marks.js";
export { swingMarks, type SwingMarksOptions } from "./charts/swing-marks.js";
export { structureBreakMarks, type StructureBreakMarksOptions } from "./charts/structure-break-marks.js";
export { liquidityMarks, type LiquidityMarksOptions } from "./charts/liquidity-marks.js";
export { killZoneMarks, killZoneColorScale, type KillZoneMarksOptions } from "./charts/kill-zone-marks.js";
export { candleMarks, type CandleMarksOptions } from "./charts/candle-marks.js";
export { smcChart, type SmcChartOptions, type SmcOverlays } from "./charts/smc-chart.js";
export { SMC_COLORS, KILL_ZONE_COLORS, killZoneColors } from "./charts/smc-colors.js";
export type { SmcMarksOptions } from "./charts/smc-marks-options.js";

// regimes (issue 4): named regimes, the classifier interface, timelines
export { REGIMES, REGIME_COLORS, REGIME_DESCRIPTIONS, isRegime, regimeOfSyntheticLabel, type Regime } from "./regime/regimes.js";
export type { RegimeClassifier, RegimeInspection } from "./regime/regime-classifier.js";
export { RegimeHistory, probabilityColumn } from "./regime/regime-history.js";
export { NullClassifier, type NullClassifierOptions } from "./regime/null-classifier.js";
export { regimeRuns, timelineColumns, type RegimeRun, type RegimeTimeline } from "./regime/regime-runs.js";
export { trueRegimeTimeline } from "./regime/true-regime-timeline.js";
export { RuleBasedClassifier, RULE_BASED_FEATURES, type RuleBasedInspection } from "./regime/rule-based-classifier.js";
export { RULE_BASED_DEFAULTS, type RuleBasedClassifierOptions } from "./regime/rule-based-options.js";
export { applyRegimeRules, type RegimeRuleFeatures } from "./regime/regime-rules.js";
export { confusionMatrix, type ConfusionMatrix, type ClassScores, type ConfusionMatrixOptions } from "./regime/confusion-matrix.js";
export { HmmClassifier } from "./regime/hmm-classifier.js";
export type { HmmClassifierOptions } from "./regime/hmm/hmm-classifier-options.js";
export { fitGaussianHmm, type FitGaussianHmmOptions } from "./regime/hmm/fit-gaussian-hmm.js";
export { checkGaussianHmmModel, type GaussianHmmModel, type GaussianHmmFitSummary } from "./regime/hmm/gaussian-hmm-model.js";
export { HmmFilter, filterProbabilities } from "./regime/hmm/hmm-filter.js";
export { HmmFeatures, hmmObservations, type HmmFeaturesOptions, type HmmFeatureSet } from "./regime/hmm/hmm-features.js";
export { stateRegimes } from "./regime/hmm/state-regimes.js";
export { sampleGaussianHmm } from "./regime/hmm/sample-gaussian-hmm.js";

// the regime gate and per-regime metrics
export { RegimeGatedStrategy, type RegimeGatedStrategyOptions } from "./strategy/regime-gated-strategy.js";
export type { ClassifierSource } from "./strategy/classifier-pool.js";
export type { RegimeAllowList } from "./strategy/regime-allow-list.js";
export type { GateAction, GateCode, GateDecision, SuppressedSignal } from "./strategy/gate-decision.js";
export { gateDecisionTable, suppressedSignalTable } from "./strategy/gate-decision-table.js";
export { shadowTrades, type ShadowTradesOptions, type ShadowTradeReport, type DecisionSource } from "./strategy/shadow-trades.js";
export { shadowTradeTable, type ShadowTrade } from "./strategy/shadow-trade.js";
export type { ShadowTradeStats, ShadowTradeSummary } from "./strategy/shadow-trade-summary.js";
export { regimeMetrics, type RegimeKey, type RegimeMetricsInput, type RegimeMetricsOptions, type RegimeMetricsReport, type RegimeMetricsRow, type RegimeTradeStats } from "./metrics/regime-metrics.js";
export { regimeMetricsTable } from "./metrics/regime-metrics-table.js";

// analysis
export { toArquero } from "./analysis/to-arquero.js";

// indicators (streaming classes for the engine, column functions for analysis)
export { StreamingIndicator } from "./indicators/streaming-indicator.js";
export { SMA, smaColumn } from "./indicators/sma.js";
export { EMA, emaColumn, type EmaOptions } from "./indicators/ema.js";
export { ATR, atrColumn, type AtrOptions } from "./indicators/atr.js";
export { ADX, adxColumns, type AdxColumns } from "./indicators/adx.js";
export { RealizedVolatility, realizedVolatilityColumn, type RealizedVolatilityOptions } from "./indicators/realized-volatility.js";
export { PercentileRank, percentileRankColumn, type PercentileRankOptions } from "./indicators/percentile-rank.js";
export { LinearSlope, linearSlopeColumn } from "./indicators/linear-slope.js";

// engine (issue 3, in progress): events, the step-wise engine, portfolio, execution, the risk slot, strategies
export { BacktestEngine, type RunOptions, type RunProgress, type ResultsOptions } from "./engine/backtest-engine.js";
export type { DeniedEvent, EngineEvent, FillEvent, MarketEvent, OrderEvent, OrderSide, OrderType, SignalDirection, SignalEvent } from "./engine/events.js";
export type { EnginePeek, EngineSnapshot, StepReport, StopReason } from "./engine/engine-snapshot.js";
export { until, type EventPredicate, type StepTarget, type StepUntilOptions } from "./engine/step-target.js";
export type { BacktestResult, BacktestSummary } from "./engine/backtest-result.js";
export { eventRows, describeEvent, type EventRow } from "./engine/event-rows.js";
export { Portfolio, type PortfolioOptions } from "./portfolio/portfolio.js";
export type { PendingOrders, PortfolioView, PositionSnapshot } from "./portfolio/portfolio-view.js";
export { ExecutionHandler, type ExecutionHandlerOptions } from "./execution/execution-handler.js";
export { LinearCommission, type LinearCommissionOptions } from "./execution/linear-commission.js";
export { BpsSlippage, type BpsSlippageOptions } from "./execution/bps-slippage.js";
export type { RiskCheck, RiskManager } from "./risk/risk-manager.js";
export { FixedFractionRisk, type FixedFractionRiskOptions } from "./risk/fixed-fraction-risk.js";
export type { RiskContext, RiskView } from "./risk/risk-context.js";
export type { RiskDecision } from "./risk/risk-manager.js";
export { KellyPositionSizer, type KellyPositionSizerOptions, type KellySizing, type NonPositiveEdgePolicy } from "./risk/kelly-position-sizer.js";
export { drawdownScaleFactor, type DrawdownScaleOptions } from "./risk/drawdown-scale-factor.js";
export { PortfolioHeatMonitor, type PortfolioHeatMonitorOptions, type PortfolioHeat, type PositionHeat } from "./risk/portfolio-heat-monitor.js";
export { DailyRiskBudget, type DailyRiskBudgetOptions } from "./risk/daily-risk-budget.js";
export { stopDistance, type StopSource } from "./risk/stop-distance.js";
export { PortfolioRiskManager, type ExplainedRiskDecision } from "./risk/portfolio-risk-manager.js";
export type { PortfolioRiskManagerOptions, SizingMethod } from "./risk/risk-parts.js";
export type { RiskExplanation, CapStep, CapRule, RiskRule } from "./risk/risk-explanation.js";
export { FixedFractionalRisk, type FixedFractionalRiskOptions } from "./risk/fixed-fractional-risk.js";
export { riskPreset, RISK_PRESETS, type RiskPreset, type RiskPresetOptions } from "./risk/risk-preset.js";
export { decisionTable, DECISION_COLUMNS } from "./risk/decision-table.js";
export { explanationSteps, type ExplanationStep } from "./risk/explanation-steps.js";
export { maxFillQuantity } from "./risk/max-fill-quantity.js";
export { RiskTimeline } from "./risk/risk-timeline.js";
export { riskView, type RiskViewSources } from "./portfolio/risk-view.js";
export { NullRisk, type NullRiskOptions } from "./risk/null-risk.js";
export type { Strategy } from "./strategy/strategy.js";
export { SmaCrossStrategy, type SmaCrossStrategyOptions } from "./strategy/sma-cross-strategy.js";
export { BuyAndHoldStrategy } from "./strategy/buy-and-hold-strategy.js";
export { BarBuffer } from "./strategy/bar-buffer.js";

// Smart Money Concepts (issue 6): causal detectors, incremental and batch
export type { SmcStructure, SmcZone, SmcDetector, SmcBar, SmcZoneDetector } from "./smc/smc-structure.js";
export { SwingDetector, detectSwings, type SwingOptions, type SwingPoint, type SwingCandidate } from "./smc/swing-detector.js";
export { FairValueGapDetector, detectFairValueGaps, type FairValueGapOptions, type FairValueGap } from "./smc/fair-value-gap-detector.js";
export { StructureBreakDetector, detectStructureBreaks, type StructureBreakOptions, type StructureBreak, type StructureDirection } from "./smc/structure-break-detector.js";
export { OrderBlockDetector, detectOrderBlocks, type OrderBlockOptions, type OrderBlock } from "./smc/order-block-detector.js";
export type { ZoneMitigation } from "./smc/zone-book.js";
export { collectStructures } from "./smc/collect-structures.js";
export { smcTable } from "./smc/smc-table.js";
export { EqualLevelDetector, detectEqualLevels, type EqualLevel } from "./smc/equal-level-detector.js";
export { SweepDetector, detectSweeps, type Sweep } from "./smc/sweep-detector.js";
export type { LiquidityOptions } from "./smc/liquidity-options.js";
export type { LiquidityLevel } from "./smc/liquidity-level-book.js";
export { PreviousPeriodLevels, previousPeriodColumns, type PreviousPeriodOptions, type PreviousPeriodValues, type PreviousPeriodLevel, type PeriodBar } from "./smc/previous-period-levels.js";
export { SmcStrategy, type SmcStrategyOptions } from "./strategy/smc-strategy.js";

// sessions and ICT kill zones (New York time by default)
export { killZones, DEFAULT_KILL_ZONES, type KillZoneOptions, type KillZoneWindowSpec, type KillZone, type KillZoneSet } from "./sessions/kill-zones.js";
export { killZoneOf } from "./sessions/kill-zone-of.js";
export { killZoneWindows, type KillZoneWindowsOptions, type KillZoneInterval } from "./sessions/kill-zone-windows.js";
export { killZoneColumn } from "./sessions/kill-zone-column.js";

// parameter sweeps and walk-forward (issue 8): the plan, one run, executors and result tables
export type { SweepSpec, SweepAxisSpec, SweepSearch, SweepValue } from "./sweep/sweep-spec.js";
export { SWEEP_PARAMETERS, SWEEP_STRATEGIES, SWEEP_GATES, parametersOf, sweepParameter, type SweepParameter, type SweepParameterKind, type SweepStrategyName } from "./sweep/sweep-parameters.js";
export { planSweep, sweepRunAt, comboParams, type SweepPlan, type SweepRun, type SweepSettings, type ExcludedCombination } from "./sweep/sweep-plan.js";
export { SWEEP_METRICS, SELECTION_METRICS, REGIME_COLUMNS, regimePrefix, type SweepMetric, type SelectionMetric } from "./sweep/sweep-columns.js";
export { runSweepRun, runSweepItem, type RunWindow, type SweepRow } from "./sweep/run-sweep-run.js";
export type { SweepExecutor, SweepItem, SweepOutcome, ExecuteOptions, EquitySeries } from "./sweep/sweep-executor.js";
export { inProcessExecutor } from "./sweep/in-process-executor.js";
export { runSweep, sweepInProcess, type SweepRunOptions } from "./sweep/sweep-in-process.js";
export { sweepTable, sweepColumnNames, SWEEP_TABLE_FORMAT } from "./sweep/sweep-table.js";
export type { SweepResult, SweepSummary, SweepProgress } from "./sweep/sweep-result.js";
export { sweepBars } from "./sweep/sweep-bars.js";
export { runWalkForward, type WalkForwardResult } from "./sweep/walk-forward.js";
export { resolveWalkForward, walkForwardWindows, MIN_TEST_BARS, type WalkForwardSpec, type ResolvedWalkForward, type WalkForwardWindow } from "./sweep/walk-forward-windows.js";
export type { WalkForwardSymbolSummary } from "./sweep/walk-forward-tables.js";
export { pickBest } from "./sweep/pick-best.js";
export { stitchCurves, type StitchedCurve } from "./sweep/stitch-curves.js";
export { TradeFromStrategy } from "./strategy/trade-from-strategy.js";
export { parameterHeatmap, type ParameterHeatmapOptions } from "./charts/parameter-heatmap.js";
export { parameterCells, type CellAggregate, type ParameterCell, type ParameterGrid, type ParameterCellsOptions } from "./charts/parameter-cells.js";
export { walkForwardChart, type WalkForwardChartInput, type WalkForwardChartOptions } from "./charts/walk-forward-chart.js";
