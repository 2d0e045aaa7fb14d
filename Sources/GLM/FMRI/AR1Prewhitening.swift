/// A GLM fitted with AR(1) prewhitening, as nilearn's `run_glm(noise_model="ar1")`
/// fits one voxel: ordinary least squares first; the lag-1 Yule–Walker
/// coefficient ρ of its residuals; ρ truncated to a grid of 1/bins (nilearn groups
/// voxels by that value; `bins` 100 by default); then least squares of the
/// whitened series on the whitened design, where whitening subtracts ρ times the
/// previous scan from every scan after the first (the first is kept as it is).
///
/// Why nilearn's model rather than SPM's ReML: it is one voxel's own closed-form
/// estimate, reproducible by a short script anyone can run (the committed nilearn
/// fixture checks it to 1e-6), whereas SPM's ReML pools the autocorrelation over
/// the voxels that pass an F threshold and needs the whole brain; for a single
/// time series in a course, what a reader can recompute wins.
public struct AR1Prewhitening: Sendable {
    /// The ordinary least-squares fit the coefficient is estimated from.
    public let ordinary: Fit
    /// The lag-1 Yule–Walker coefficient of the OLS residuals, before binning.
    public let estimatedCoefficient: Double
    /// The coefficient used to whiten: `estimatedCoefficient` truncated toward 0 to a
    /// multiple of 1/bins (as nilearn does), or itself when no bins are given.
    public let coefficient: Double
    /// The fit of the whitened series on the whitened design; its t values are the
    /// prewhitened ones.
    public let whitened: Fit
    public let whitenedDesign: Matrix
    public let whitenedResponse: [Double]

    /// Fits `y` on `x` with AR(1) prewhitening. `bins` nil keeps the estimate unbinned.
    public init(x: Matrix, y: [Double], columnNames: [String], hasIntercept: Bool = true, bins: Int? = 100) throws {
        let ordinary = try Fit(x: x, y: y, columnNames: columnNames, hasIntercept: hasIntercept)
        let rho = AR1Prewhitening.yuleWalkerLag1(ordinary.residuals)
        var used = rho
        if let bins, bins > 0 { used = (rho * Double(bins)).rounded(.towardZero) / Double(bins) }
        var wx = x
        for j in 0..<x.columns {
            let column = AR1Prewhitening.whiten(x.column(j), coefficient: used)
            for i in 0..<x.rows { wx[i, j] = column[i] }
        }
        let wy = AR1Prewhitening.whiten(y, coefficient: used)
        self.ordinary = ordinary
        self.estimatedCoefficient = rho
        self.coefficient = used
        self.whitenedDesign = wx
        self.whitenedResponse = wy
        self.whitened = try Fit(x: wx, y: wy, columnNames: columnNames, hasIntercept: hasIntercept)
    }

    /// nilearn's `_yule_walker` at order 1: with y the series minus its mean,
    /// [∑ yₜyₜ₊₁ / (n − 1)] / [∑ yₜ² / n].
    /// Generic so the voxelwise fit runs it on a slice of its residual buffer
    /// without copying.
    public static func yuleWalkerLag1<Series: RandomAccessCollection>(_ series: Series) -> Double
    where Series.Element == Double, Series.Index == Int {
        let n = series.count
        guard n > 1 else { return 0 }
        let start = series.startIndex
        let mean = series.reduce(0, +) / Double(n)
        var r0 = 0.0, r1 = 0.0
        for t in 0..<n {
            let y = series[start + t] - mean
            r0 += y * y
            if t + 1 < n { r1 += y * (series[start + t + 1] - mean) }
        }
        guard r0 > 0 else { return 0 }
        return (r1 / Double(n - 1)) / (r0 / Double(n))
    }

    /// vₜ − ρ·vₜ₋₁ for t ≥ 1, v₀ unchanged (nilearn's `ARModel.whiten`).
    public static func whiten(_ v: [Double], coefficient rho: Double) -> [Double] {
        guard !v.isEmpty else { return v }
        var out = v
        for t in 1..<v.count { out[t] = v[t] - rho * v[t - 1] }
        return out
    }
}

/// The sample autocorrelation of a series: what the `autocorrelation` figure draws
/// for residuals before and after prewhitening.
public enum Autocorrelation {
    /// r(k) = ∑ (yₜ − ȳ)(yₜ₊ₖ − ȳ) / ∑ (yₜ − ȳ)² for k = 0 … maxLag (r(0) = 1).
    public static func values(_ series: [Double], maxLag: Int) -> [Double] {
        let n = series.count
        guard n > 1 else { return [1] }
        let mean = series.reduce(0, +) / Double(n)
        let y = series.map { $0 - mean }
        let total = y.reduce(0) { $0 + $1 * $1 }
        guard total > 0 else { return [Double](repeating: 0, count: max(0, min(maxLag, n - 1)) + 1) }
        return (0...max(0, min(maxLag, n - 1))).map { k in
            var s = 0.0
            for t in 0..<(n - k) { s += y[t] * y[t + k] }
            return s / total
        }
    }
}

extension FMRIDesign {
    /// OLS then AR(1)-prewhitened fit of `y` on this design (see `AR1Prewhitening`).
    public func fitAR1(_ y: [Double], bins: Int? = 100) throws -> AR1Prewhitening {
        guard y.count == x.rows else {
            throw Diagnostic(
                .badData, "the time series has \(y.count) values but the design has \(x.rows) scans",
                suggestion: "give one value per scan, runs one after another")
        }
        return try AR1Prewhitening(x: x, y: y, columnNames: columnNames, bins: bins)
    }
}
