/// The noise model of a voxelwise fit.
public enum FMRINoiseModel: Sendable, Equatable {
    /// Ordinary least squares: scans independent.
    case ols
    /// AR(1) prewhitening as nilearn's `ar1` (see `AR1Prewhitening`): each voxel's
    /// lag-1 coefficient from its OLS residuals, truncated to a grid of 1/bins;
    /// voxels sharing a value share one whitened design, factorised once.
    case ar1(bins: Int = 100)

    public var name: String {
        switch self {
        case .ols: return "ols"
        case .ar1: return "ar1"
        }
    }
}

/// What one run's fit gives for one block of voxels (b voxels, p regressors).
struct VoxelBlockResult {
    /// β̂, p × b column-major (voxel v's coefficients at v·p …).
    var beta: [Double]
    /// σ̂² = RSS / df per voxel (of the whitened fit under AR(1)).
    var sigma2: [Double]
    /// The AR(1) coefficient used per voxel (0 under OLS).
    var arCoefficient: [Double]
    /// Per contrast and voxel, in nilearn's form: for one row Cβ̂ and its variance
    /// σ̂²·C(XᵀX)⁺Cᵀ; for several rows the whitened (C(XᵀX)⁺Cᵀ)^(−1/2)Cβ̂ (q values)
    /// and σ̂² (one value).
    var effects: [[Double]]
    var variances: [[Double]]
}

/// One run's design applied to blocks of voxel time series: two BLAS level-3
/// products per block (β̂ = X⁺Y, then R = Y − Xβ̂, on blocks kept in the image's
/// own voxel-fastest order), and under AR(1) the same on the
/// whitened series of each group of voxels that share a coefficient. Whitened
/// designs are factorised once per coefficient value and kept for later blocks.
///
/// A fitter keeps that cache, so each worker thread of a voxelwise fit has its own;
/// one fitter is never used by two threads at once.
final class VoxelBlockFitter: @unchecked Sendable {
    let design: FactorisedDesign
    let noise: FMRINoiseModel
    private var whitenedDesigns: [Int: FactorisedDesign] = [:]
    /// The residual block, kept from one block to the next: a block is megabytes, and
    /// a fresh one each time was mapped and zeroed page by page.
    private var residualBuffer: [Double] = []

    /// A fitter of a design already factorised (shared by the workers of one run).
    init(design: FactorisedDesign, noise: FMRINoiseModel) {
        self.design = design
        self.noise = noise
    }

    var contrasts: [Matrix] { design.contrasts }

    var scans: Int { design.x.rows }
    var regressors: Int { design.x.columns }

    /// Fits the b series in `y`, stored as NIfTI stores them: scan t of voxel v at
    /// v + t·b (Yᵀ, b × n column-major), so a block is read from the image without
    /// transposing it. `y` is left unchanged.
    func fit(_ y: [Double], voxels b: Int) throws -> VoxelBlockResult {
        let n = scans, p = regressors
        var result = VoxelBlockResult(
            beta: [Double](repeating: 0, count: p * b), sigma2: [Double](repeating: 0, count: b),
            arCoefficient: [Double](repeating: 0, count: b),
            effects: contrasts.map { [Double](repeating: 0, count: $0.rows * b) },
            variances: contrasts.map { _ in [Double](repeating: 0, count: b) })
        var residuals: [Double] = []
        swap(&residuals, &residualBuffer)
        defer { swap(&residuals, &residualBuffer) }
        if residuals.count == y.count {
            residuals.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: y) }
        } else {
            residuals = y
        }
        let rss = Self.leastSquares(design, y: y, residuals: &residuals, voxels: b, beta: &result.beta)
        switch noise {
        case .ols:
            for v in 0..<b { result.sigma2[v] = design.residualDF > 0 ? rss[v] / Double(design.residualDF) : .nan }
            Self.contrasts(design, beta: result.beta, sigma2: result.sigma2, range: 0..<b, into: &result, slots: nil)
        case .ar1(let bins):
            let rhos = Self.lag1Coefficients(residuals, scans: n, voxels: b)
            var groups: [Int: [Int]] = [:]
            for v in 0..<b {
                let key = bins > 0 ? Int((rhos[v] * Double(bins)).rounded(.towardZero)) : 0
                groups[key, default: []].append(v)
            }
            for key in groups.keys.sorted() {
                let members = groups[key]!
                let rho = bins > 0 ? Double(key) / Double(bins) : 0
                let whitened = try whitenedDesign(key: key, coefficient: rho)
                let m = members.count
                // The group's whitened series, in the same voxel-fastest layout.
                var wy = [Double](repeating: 0, count: n * m)
                y.withUnsafeBufferPointer { y in
                    wy.withUnsafeMutableBufferPointer { wy in
                        for (slot, v) in members.enumerated() { wy[slot] = y[v] }
                        for t in 1..<n {
                            let row = t * b, previous = (t - 1) * b, out = t * m
                            for (slot, v) in members.enumerated() { wy[out + slot] = y[row + v] - rho * y[previous + v] }
                        }
                    }
                }
                var wr = wy
                var wbeta = [Double](repeating: 0, count: p * m)
                let wrss = Self.leastSquares(whitened, y: wy, residuals: &wr, voxels: m, beta: &wbeta)
                var wsigma = [Double](repeating: 0, count: m)
                for (slot, v) in members.enumerated() {
                    wsigma[slot] = whitened.residualDF > 0 ? wrss[slot] / Double(whitened.residualDF) : .nan
                    result.sigma2[v] = wsigma[slot]
                    result.arCoefficient[v] = rho
                    for j in 0..<p { result.beta[v * p + j] = wbeta[slot * p + j] }
                }
                Self.contrasts(whitened, beta: wbeta, sigma2: wsigma, range: 0..<m, into: &result, slots: members)
            }
        }
        return result
    }

    /// The design whitened with coefficient ρ (xₜ − ρ·xₜ₋₁, row 0 unchanged),
    /// factorised the first time a block needs it.
    private func whitenedDesign(key: Int, coefficient rho: Double) throws -> FactorisedDesign {
        if let known = whitenedDesigns[key] { return known }
        let n = scans, p = regressors
        var wx = design.x
        for j in 0..<p {
            for t in stride(from: n - 1, through: 1, by: -1) { wx[t, j] -= rho * design.x[t - 1, j] }
        }
        let whitened = try FactorisedDesign(x: wx, contrasts: contrasts)
        whitenedDesigns[key] = whitened
        return whitened
    }

    /// Each voxel's Yule–Walker lag-1 coefficient of its residuals (stored v + t·b),
    /// the same sums in the same order as `AR1Prewhitening.yuleWalkerLag1` makes for
    /// one series, computed for the whole block a scan at a time.
    static func lag1Coefficients(_ r: [Double], scans n: Int, voxels b: Int) -> [Double] {
        guard n > 1 else { return [Double](repeating: 0, count: b) }
        var mean = [Double](repeating: 0, count: b)
        var r0 = [Double](repeating: 0, count: b), r1 = [Double](repeating: 0, count: b)
        r.withUnsafeBufferPointer { r in
            mean.withUnsafeMutableBufferPointer { mean in
                for t in 0..<n { for v in 0..<b { mean[v] += r[t * b + v] } }
                for v in 0..<b { mean[v] /= Double(n) }
                r0.withUnsafeMutableBufferPointer { r0 in
                    r1.withUnsafeMutableBufferPointer { r1 in
                        for t in 0..<n {
                            let row = t * b, next = (t + 1) * b
                            for v in 0..<b {
                                let y = r[row + v] - mean[v]
                                r0[v] += y * y
                                if t + 1 < n { r1[v] += y * (r[next + v] - mean[v]) }
                            }
                        }
                    }
                }
            }
        }
        return (0..<b).map { v in r0[v] > 0 ? (r1[v] / Double(n - 1)) / (r0[v] / Double(n)) : 0 }
    }

    /// β̂ = X⁺Y into `beta` (p × b), and R = Y − Xβ̂ into `residuals`, which holds Y on
    /// entry; both series blocks are stored voxel-fastest (v + t·b). Returns each
    /// voxel's residual sum of squares.
    private static func leastSquares(
        _ d: FactorisedDesign, y: [Double], residuals: inout [Double], voxels b: Int, beta: inout [Double]
    ) -> [Double] {
        let n = d.x.rows, p = d.x.columns
        // β̂ (p × b) = X⁺ (p × n) · Y, with Y the transpose of the stored block.
        d.pseudoInverse.withUnsafeBufferPointer { pinv in
            y.withUnsafeBufferPointer { yy in
                beta.withUnsafeMutableBufferPointer { bb in
                    BLASMatrixProduct.multiply(
                        transposeA: false, transposeB: true, m: p, n: b, k: n, a: pinv.baseAddress!, lda: p,
                        b: yy.baseAddress!, ldb: b, c: bb.baseAddress!, ldc: p)
                }
            }
        }
        // Rᵀ (b × n) = Yᵀ − β̂ᵀXᵀ.
        d.x.storage.withUnsafeBufferPointer { xx in
            beta.withUnsafeBufferPointer { bb in
                residuals.withUnsafeMutableBufferPointer { rr in
                    BLASMatrixProduct.multiply(
                        transposeA: true, transposeB: true, m: b, n: n, k: p, alpha: -1, a: bb.baseAddress!,
                        lda: p, b: xx.baseAddress!, ldb: n, beta: 1, c: rr.baseAddress!, ldc: b)
                }
            }
        }
        var rss = [Double](repeating: 0, count: b)
        residuals.withUnsafeBufferPointer { r in
            rss.withUnsafeMutableBufferPointer { rss in
                for t in 0..<n {
                    let row = t * b
                    for v in 0..<b { rss[v] += r[row + v] * r[row + v] }
                }
            }
        }
        return rss
    }

    /// Cβ̂ and σ̂²·C(XᵀX)⁺Cᵀ for voxels `range` of `beta`, stored at `slots[i]` (or i).
    private static func contrasts(
        _ d: FactorisedDesign, beta: [Double], sigma2: [Double], range: Range<Int>, into result: inout VoxelBlockResult,
        slots: [Int]?
    ) {
        let p = d.x.columns
        for (ci, c) in d.contrasts.enumerated() {
            let q = c.rows
            let whitening = d.contrastWhitening[ci]
            let weights = (0..<q).map { r in (0..<p).compactMap { j in c[r, j] != 0 ? (j, c[r, j]) : nil } }
            var raw = [Double](repeating: 0, count: q)
            // Written through local arrays, swapped out and back, so no element write
            // pays for a uniqueness check of the nested arrays.
            var effects: [Double] = [], variances: [Double] = []
            swap(&effects, &result.effects[ci])
            swap(&variances, &result.variances[ci])
            defer {
                swap(&effects, &result.effects[ci])
                swap(&variances, &result.variances[ci])
            }
            for i in range {
                let v = slots?[i] ?? i
                for r in 0..<q {
                    var e = 0.0
                    for (j, w) in weights[r] { e += w * beta[i * p + j] }
                    raw[r] = e
                }
                if let whitening {
                    for r in 0..<q {
                        var e = 0.0
                        for k in 0..<q { e += whitening[r * q + k] * raw[k] }
                        effects[v * q + r] = e
                    }
                    variances[v] = sigma2[i]
                } else {
                    effects[v] = raw[0]
                    variances[v] = sigma2[i] * d.contrastCovariances[ci][0]
                }
            }
        }
    }
}
