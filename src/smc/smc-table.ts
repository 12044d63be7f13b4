import * as arrow from "apache-arrow";
import { dictionaryVector, float64Vector, int32Vector } from "../core/arrow-vectors.js";
import type { SmcStructure, SmcZone } from "./smc-structure.js";

/**
 * Returns an Arrow table of Smart Money Concepts structures, one row each in the given order: kind
 * (dictionary string), ts and knownAt (Float64 epoch ms UTC), index and knownIndex (Int32 rows), top
 * and bottom (Float64). When any structure is a zone (has `mitigatedAt`), or `zones` is true, the
 * columns mitigatedAt (Float64) and mitigatedIndex (Int32) follow, null while a zone is open.
 * @example smcTable(collectStructures(table, new FairValueGapDetector())).numRows
 */
export function smcTable(structures: readonly SmcStructure[], zones?: boolean): arrow.Table {
  const n = structures.length;
  const withZones = zones ?? (n > 0 && "mitigatedAt" in structures[0]!);
  const kinds: string[] = [];
  const codeOf = new Map<string, number>();
  const kind = new Int32Array(n), index = new Int32Array(n), knownIndex = new Int32Array(n), mitigatedIndex = new Int32Array(n);
  const ts = new Float64Array(n), knownAt = new Float64Array(n), top = new Float64Array(n), bottom = new Float64Array(n), mitigatedAt = new Float64Array(n);
  structures.forEach((s, i) => {
    let code = codeOf.get(s.kind);
    if (code === undefined) codeOf.set(s.kind, (code = kinds.push(s.kind) - 1));
    kind[i] = code;
    ts[i] = s.ts;
    knownAt[i] = s.knownAt;
    index[i] = s.index;
    knownIndex[i] = s.knownIndex;
    top[i] = s.top;
    bottom[i] = s.bottom;
    const z = s as Partial<SmcZone>;
    mitigatedAt[i] = z.mitigatedAt ?? Number.NaN;
    mitigatedIndex[i] = z.mitigatedIndex ?? -1;
  });
  const columns: Record<string, arrow.Vector> = {
    kind: dictionaryVector(kind, kinds), ts: float64Vector(ts), knownAt: float64Vector(knownAt),
    index: int32Vector(index), knownIndex: int32Vector(knownIndex), top: float64Vector(top), bottom: float64Vector(bottom),
  };
  if (withZones) {
    columns.mitigatedAt = float64Vector(mitigatedAt, true);
    columns.mitigatedIndex = int32Vector(mitigatedIndex, true);
  }
  return new arrow.Table(columns);
}
