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
    var residualDF: Int
}

/// One run's design applied to blocks of voxel time series: two BLAS level-3
/// products per block (β̂ = X⁺Y, then R = Y − Xβ̂), and under AR(1) the same on the
/// whitened series of each group of voxels that share a coefficient. Whitened
/// designs are factorised once per coefficient value and kept for later blocks.
final class VoxelBlockFitter {
    let design: FactorisedDesign
    let contrasts: [Matrix]
    let noise: FMRINoiseModel
    private var whitenedDesigns: [Int: FactorisedDesign] = [:]

    init(x: Matrix, contrasts: [Matrix], noise: FMRINoiseModel) throws {
        self.design = try FactorisedDesign(x: x, contrasts: contrasts)
        self.contrasts = contrasts
        self.noise = noise
    }

    var scans: Int { design.x.rows }
    var regressors: Int { design.x.columns }

    /// Fits the b series in `y` (n × b, column-major; left unchanged).
    func fit(_ y: [Double], voxels b: Int) throws -> VoxelBlockResult {
        let n = scans, p = regressors
        var result = VoxelBlockResult(
            beta: [Double](repeating: 0, count: p * b), sigma2: [Double](repeating: 0, count: b),
            arCoefficient: [Double](repeating: 0, count: b),
            effects: contrasts.map { [Double](repeating: 0, count: $0.rows * b) },
            variances: contrasts.map { _ in [Double](repeating: 0, count: b) },
            residualDF: design.residualDF)
        var residuals = y
        let rss = Self.leastSquares(design, y: y, residuals: &residuals, voxels: b, beta: &result.beta)
        switch noise {
        case .ols:
            for v in 0..<b { result.sigma2[v] = design.residualDF > 0 ? rss[v] / Double(design.residualDF) : .nan }
            Self.contrasts(design, beta: result.beta, sigma2: result.sigma2, range: 0..<b, into: &result, slots: nil)
        case .ar1(let bins):
            var groups: [Int: [Int]] = [:]
            for v in 0..<b {
                let rho = residuals.withUnsafeBufferPointer { r in
                    AR1Prewhitening.yuleWalkerLag1(UnsafeBufferPointer(rebasing: r[(v * n)..<((v + 1) * n)]))
                }
                let key = bins > 0 ? Int((rho * Double(bins)).rounded(.towardZero)) : 0
                groups[key, default: []].append(v)
            }
            for key in groups.keys.sorted() {
                let members = groups[key]!
                let rho = bins > 0 ? Double(key) / Double(bins) : 0
                let whitened: FactorisedDesign
                if let known = whitenedDesigns[key] {
                    whitened = known
                } else {
                    var wx = design.x
                    for j in 0..<p {
                        for t in stride(from: n - 1, through: 1, by: -1) { wx[t, j] -= rho * design.x[t - 1, j] }
                    }
                    whitened = try FactorisedDesign(x: wx, contrasts: contrasts)
                    whitenedDesigns[key] = whitened
                }
                let m = members.count
                var wy = [Double](repeating: 0, count: n * m)
                for (slot, v) in members.enumerated() {
                    let base = v * n, out = slot * n
                    wy[out] = y[base]
                    for t in 1..<n { wy[out + t] = y[base + t] - rho * y[base + t - 1] }
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
                result.residualDF = whitened.residualDF
            }
        }
        return result
    }

    /// β̂ = X⁺Y into `beta`, R = Y − Xβ̂ into `residuals` (which holds Y on entry);
    /// returns each voxel's residual sum of squares.
    private static func leastSquares(
        _ d: FactorisedDesign, y: [Double], residuals: inout [Double], voxels b: Int, beta: inout [Double]
    ) -> [Double] {
        let n = d.x.rows, p = d.x.columns
        d.pseudoInverse.withUnsafeBufferPointer { pinv in
            y.withUnsafeBufferPointer { yy in
                beta.withUnsafeMutableBufferPointer { bb in
                    BLASMatrixProduct.multiply(
                        transposeA: false, transposeB: false, m: p, n: b, k: n, a: pinv.baseAddress!, lda: p,
                        b: yy.baseAddress!, ldb: n, c: bb.baseAddress!, ldc: p)
                }
            }
        }
        d.x.storage.withUnsafeBufferPointer { xx in
            beta.withUnsafeBufferPointer { bb in
                residuals.withUnsafeMutableBufferPointer { rr in
                    BLASMatrixProduct.multiply(
                        transposeA: false, transposeB: false, m: n, n: b, k: p, alpha: -1, a: xx.baseAddress!,
                        lda: n, b: bb.baseAddress!, ldb: p, beta: 1, c: rr.baseAddress!, ldc: n)
                }
            }
        }
        var rss = [Double](repeating: 0, count: b)
        residuals.withUnsafeBufferPointer { r in
            for v in 0..<b {
                var s = 0.0
                let base = v * n
                for t in 0..<n { s += r[base + t] * r[base + t] }
                rss[v] = s
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
