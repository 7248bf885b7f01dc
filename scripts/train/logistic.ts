/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares) on standardised features: deterministic (no random start, no sampling), exact to the
 * optimum, and small enough to read. Used by `npm run train` and by the evaluation's
 * cross-validation; the app itself only applies the fitted weights (src/lib/domain/alignment/fact-model.ts).
 */

/** Fitted parameters over standardised features. */
export interface LogisticFit {
	mean: number[];
	scale: number[];
	weights: number[];
	bias: number;
}

/** Solves A x = b for a small symmetric positive definite A (Gaussian elimination, pivoting). */
function solve(A: number[][], b: number[]): number[] {
	const n = b.length;
	const M = A.map((row, i) => [...row, b[i]]);
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
		[M[c], M[p]] = [M[p], M[c]];
		for (let r = c + 1; r < n; r++) {
			const f = M[r][c] / M[c][c];
			for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let r = n - 1; r >= 0; r--) {
		let s = M[r][n];
		for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
		x[r] = s / M[r][r];
	}
	return x;
}

/**
 * Fits P(y=1|x) = σ(bias + w·z), z the standardised x, minimising log loss + l2/2·|w|² (the
 * bias is not penalised).
 * @example fitLogistic([[0],[1],[2],[3]], [0,0,1,1]).weights[0] > 0 // true
 */
export function fitLogistic(
	X: readonly (readonly number[])[],
	y: readonly number[],
	{ l2 = 1, iterations = 30 }: { l2?: number; iterations?: number } = {}
): LogisticFit {
	const n = X.length;
	const d = X[0]?.length ?? 0;
	const mean = new Array<number>(d).fill(0);
	const scale = new Array<number>(d).fill(0);
	for (const x of X) for (let j = 0; j < d; j++) mean[j] += x[j] / n;
	for (const x of X) for (let j = 0; j < d; j++) scale[j] += (x[j] - mean[j]) ** 2 / n;
	for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) || 1;
	const Z = X.map((x) => [1, ...x.map((v, j) => (v - mean[j]) / scale[j])]);
	const beta = new Array<number>(d + 1).fill(0);
	for (let it = 0; it < iterations; it++) {
		const grad = new Array<number>(d + 1).fill(0);
		const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
		for (let i = 0; i < n; i++) {
			const z = Z[i];
			let s = 0;
			for (let j = 0; j <= d; j++) s += beta[j] * z[j];
			const p = 1 / (1 + Math.exp(-s));
			const w = Math.max(p * (1 - p), 1e-9);
			const r = p - y[i];
			for (let j = 0; j <= d; j++) {
				grad[j] += r * z[j];
				const wz = w * z[j];
				for (let k = j; k <= d; k++) H[j][k] += wz * z[k];
			}
		}
		for (let j = 0; j <= d; j++) {
			for (let k = 0; k < j; k++) H[j][k] = H[k][j];
			if (j > 0) {
				grad[j] += l2 * beta[j];
				H[j][j] += l2;
			}
		}
		const step = solve(H, grad);
		let size = 0;
		for (let j = 0; j <= d; j++) {
			beta[j] -= step[j];
			size = Math.max(size, Math.abs(step[j]));
		}
		if (size < 1e-8) break;
	}
	return { mean, scale, weights: beta.slice(1), bias: beta[0] };
}

/** Probability from a fit (same formula as the app's factProbability). */
export function predictLogistic(fit: LogisticFit, x: readonly number[]): number {
	let s = fit.bias;
	for (let j = 0; j < x.length; j++) s += fit.weights[j] * ((x[j] - fit.mean[j]) / fit.scale[j]);
	return 1 / (1 + Math.exp(-s));
}
