import { invalid } from "../core/check.js";

/**
 * Returns the lower-triangular Cholesky factor L of a correlation matrix (L x Lᵀ = matrix) after checking
 * that the matrix is square, symmetric, has a unit diagonal and entries in [-1, 1], and is positive
 * definite; otherwise throws `invalid <name>` naming the offending entry. Uses the Cholesky-Banachiewicz
 * order (row by row).
 * @see Golub & Van Loan, "Matrix Computations", 4th ed., algorithm 4.2.1.
 * @example choleskyOfCorrelation("correlation", [[1, 0.5], [0.5, 1]]) // [[1, 0], [0.5, 0.866...]]
 */
export function choleskyOfCorrelation(name: string, matrix: unknown, size?: number): number[][] {
  const k = Array.isArray(matrix) ? matrix.length : 0;
  if (!Array.isArray(matrix) || k === 0 || (size !== undefined && k !== size)) {
    invalid(name, matrix, `a ${size ?? "k"}x${size ?? "k"} correlation matrix (an array of rows)`, size !== undefined ? `one row per symbol, ${size} symbols` : "");
  }
  const m = matrix as unknown[];
  m.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== k) invalid(`${name}[${i}]`, row, `a row of ${k} numbers (the matrix must be square)`);
    row.forEach((v, j) => {
      if (typeof v !== "number" || !(v >= -1 && v <= 1)) invalid(`${name}[${i}][${j}]`, v, "a correlation in [-1, 1]");
    });
  });
  const a = m as number[][];
  for (let i = 0; i < k; i++) {
    if (Math.abs(a[i]![i]! - 1) > 1e-12) invalid(`${name}[${i}][${i}]`, a[i]![i], "1 (a correlation matrix has a unit diagonal)");
    for (let j = 0; j < i; j++) {
      if (Math.abs(a[i]![j]! - a[j]![i]!) > 1e-12) {
        invalid(`${name}[${i}][${j}]`, a[i]![j], `${a[j]![i]} like ${name}[${j}][${i}] (the matrix must be symmetric)`);
      }
    }
  }
  const l = a.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let p = 0; p < j; p++) sum -= l[i]![p]! * l[j]![p]!;
      if (i === j) {
        if (!(sum > 1e-12)) {
          invalid(name, a, "a positive definite matrix", `the correlations are inconsistent (pivot ${i} is ${sum.toPrecision(3)}); e.g. A~B and B~C strongly positive cannot go with A~C strongly negative`);
        }
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  return l;
}
