/// Least squares for small full-rank designs in `Float80` (64-bit significand, about
/// 19 decimal digits), so ill-conditioned designs such as the NIST StRD polynomials
/// keep the digits that double precision loses.
///
/// Steps:
/// 1. Columns that are powers of another column are re-formed exactly
///    (`PowerColumns`), and every column is equilibrated to unit length.
/// 2. Householder QR of the equilibrated design in `Float80`; back-substitution gives
///    a first β̂.
/// 3. Refinement by corrected semi-normal equations: the residual r = y − Xβ̂ and the
///    gradient X′r are accumulated in double-double (about 106 bits), and the
///    correction solves R′R δ = X′r with the `Float80` factor. Computing X′r beyond
///    working precision is what removes the error that grows with the residual size
///    (Wampler5, whose residuals dwarf the fit, went from 9.1 to 15 digits).
/// 4. (X′X)⁻¹ = R⁻¹R⁻ᵀ in `Float80`, scaled back. Its error is about κ·2⁻⁶⁴ (κ the
///    equilibrated condition number), which left Filip's standard errors at 10.8
///    digits. Where κ > 10⁶ each column g_k of (X′X)⁻¹ is refined on the augmented
///    system z + Xg = 0, X′z = −e_k (whose solution is g = (X′X)⁻¹e_k): both residuals
///    in double-double, corrections from the `Float80` QR (Björck's method; it
///    converges by a factor of about κ·2⁻⁶⁴ per step, where refining on X′X itself
///    would need κ²·2⁻⁶⁴ < 1, false for Filip). Filip's SEs reach 14.8 digits.
///
/// The cost is a few nanoseconds per n·p² unit (see
/// `LeastSquares.extendedPrecisionLimit`), which is why large designs use LAPACK.
/// Only x86 has `Float80`; elsewhere `solve` returns nil and the LAPACK answer stands.
enum ExtendedPrecisionLeastSquares {
    /// Refinement steps at most; it stops earlier once a step changes nothing.
    static let maximumRefinementSteps = 6

    /// (X′X)⁻¹ is refined when the equilibrated condition number exceeds this. From the
    /// `Float80` factor alone its error is about κ·2⁻⁶⁴ times a modest factor (10.8
    /// digits of Filip's standard errors at κ ≈ 5·10⁹; 14.9 digits of Longley's at
    /// κ ≈ 4·10⁴); below 10⁶ that leaves 13 digits or more, and refinement, which
    /// costs a few times the QR itself, would only cost time.
    static let inverseRefinementCondition = 1e6

    /// Whether this platform has `Float80` (x86); elsewhere `solve` returns nil.
    static var isAvailable: Bool {
        #if arch(x86_64) || arch(i386)
        return true
        #else
        return false
        #endif
    }

    static func solve(_ x: Matrix, _ y: [Double], rankInformation: LeastSquaresSolution) -> LeastSquaresSolution? {
        #if arch(x86_64) || arch(i386)
        return solveFloat80(x, y, rankInformation: rankInformation)
        #else
        return nil
        #endif
    }

    #if arch(x86_64) || arch(i386)
    private static func solveFloat80(_ x: Matrix, _ y: [Double], rankInformation: LeastSquaresSolution) -> LeastSquaresSolution? {
        typealias Real = Float80
        let n = x.rows, p = x.columns
        guard n >= p, p > 0 else { return nil }
        let columns = PowerColumns.exactColumns(of: x)

        // Equilibrate in extended precision.
        var scale = [Real](repeating: 1, count: p)
        var a = [Real](repeating: 0, count: n * p)
        for j in 0..<p {
            var sum: Real = 0
            for i in 0..<n {
                let v = columns[j][i].float80Value
                a[i + j * n] = v
                sum += v * v
            }
            guard sum > 0 else { return nil }
            scale[j] = 1 / sum.squareRoot()
            for i in 0..<n { a[i + j * n] *= scale[j] }
        }

        // Householder QR in place. Below the diagonal, column k keeps the tail of the
        // reflector v_k; its head is `heads[k]`, and H_k = I − betas[k]·v_k·v_kᵀ.
        var heads = [Real](repeating: 0, count: p)
        var betas = [Real](repeating: 0, count: p)
        var diagonal = [Real](repeating: 0, count: p)
        for k in 0..<p {
            var norm2: Real = 0
            for i in k..<n { norm2 += a[i + k * n] * a[i + k * n] }
            let norm = norm2.squareRoot()
            guard norm > 0 else { return nil }
            let alpha = a[k + k * n] >= 0 ? -norm : norm
            let head = a[k + k * n] - alpha
            heads[k] = head
            // vᵀv = head² + Σ_{i>k} a_ik² = 2‖a‖(‖a‖ + |a_kk|), free of cancellation.
            let vtv = 2 * norm * (norm + Swift.abs(a[k + k * n]))
            betas[k] = 2 / vtv
            diagonal[k] = alpha
            for j in (k + 1)..<max(p, k + 1) {
                var dot = head * a[k + j * n]
                for i in (k + 1)..<n { dot += a[i + k * n] * a[i + j * n] }
                let f = betas[k] * dot
                a[k + j * n] -= f * head
                for i in (k + 1)..<n { a[i + j * n] -= f * a[i + k * n] }
            }
        }
        func r(_ i: Int, _ j: Int) -> Real { i == j ? diagonal[i] : a[i + j * n] }
        func solveUpper(_ b: [Real]) -> [Real] {
            var z = b
            for i in stride(from: p - 1, through: 0, by: -1) {
                var s = z[i]
                for j in (i + 1)..<p { s -= r(i, j) * z[j] }
                z[i] = s / diagonal[i]
            }
            return z
        }
        func solveUpperTransposed(_ b: [Real]) -> [Real] {
            var z = b
            for i in 0..<p {
                var s = z[i]
                for j in 0..<i { s -= r(j, i) * z[j] }
                z[i] = s / diagonal[i]
            }
            return z
        }

        // First solution: β̃ = R⁻¹(Qᵀy)[0..<p] in equilibrated coordinates.
        var qty = y.map { Real($0) }
        for k in 0..<p {
            var dot = heads[k] * qty[k]
            for i in (k + 1)..<n { dot += a[i + k * n] * qty[i] }
            let f = betas[k] * dot
            qty[k] -= f * heads[k]
            for i in (k + 1)..<n { qty[i] -= f * a[i + k * n] }
        }
        var scaledBeta = solveUpper(Array(qty.prefix(p)))

        // r = y − Xβ in double-double, with β = D·β̃.
        func residuals() -> [DoubleDouble] {
            let beta = (0..<p).map { DoubleDouble(scaledBeta[$0] * scale[$0]) }
            return (0..<n).map { i in
                var sum = DoubleDouble(y[i])
                for j in 0..<p { sum = sum - columns[j][i] * beta[j] }
                return sum
            }
        }
        var e = residuals()
        for _ in 0..<maximumRefinementSteps {
            // Equilibrated gradient D·X′r, accumulated in double-double.
            let gradient: [Real] = (0..<p).map { j in
                var sum = DoubleDouble(hi: 0, lo: 0)
                for i in 0..<n { sum = sum + columns[j][i] * e[i] }
                return sum.float80Value * scale[j]
            }
            let correction = solveUpper(solveUpperTransposed(gradient))
            var changed = false
            for j in 0..<p {
                let updated = scaledBeta[j] + correction[j]
                if updated != scaledBeta[j] { changed = true }
                scaledBeta[j] = updated
            }
            e = residuals()
            if !changed { break }
        }

        // (A′A)⁻¹ = R⁻¹R⁻ᵀ, then undo the scaling.
        var rInverse = [Real](repeating: 0, count: p * p)  // column-major, upper
        for c in 0..<p {
            rInverse[c + c * p] = 1 / diagonal[c]
            for i in stride(from: c - 1, through: 0, by: -1) {
                var s: Real = 0
                for j in (i + 1)...c { s += r(i, j) * rInverse[j + c * p] }
                rInverse[i + c * p] = -s / diagonal[i]
            }
        }
        var scaledGram = [Real](repeating: 0, count: p * p)  // (A′A)⁻¹, column-major
        for c in 0..<p {
            for row in 0...c {
                var s: Real = 0
                for k in c..<p { s += rInverse[row + k * p] * rInverse[c + k * p] }
                scaledGram[row + c * p] = s
                scaledGram[c + row * p] = s
            }
        }
        var gram80 = [Real](repeating: 0, count: p * p)  // (X′X)⁻¹, column-major
        for c in 0..<p {
            for row in 0..<p { gram80[row + c * p] = scaledGram[row + c * p] * scale[row] * scale[c] }
        }
        if let condition = rankInformation.conditionNumber, condition > inverseRefinementCondition {
            // Refine each column of (X′X)⁻¹ on the augmented system (step 4 above).
            func applyQ(_ v: inout [Real], transposed: Bool) {
                for k in (transposed ? Array(0..<p) : Array((0..<p).reversed())) {
                    var dot = heads[k] * v[k]
                    for i in (k + 1)..<n { dot += a[i + k * n] * v[i] }
                    let f = betas[k] * dot
                    v[k] -= f * heads[k]
                    for i in (k + 1)..<n { v[i] -= f * a[i + k * n] }
                }
            }
            for k in 0..<p {
                var g = Array(gram80[(k * p)..<((k + 1) * p)])
                // z = −Xg = −Q·[R⁻ᵀD·e_k; 0] from the factor, without a pass over X.
                var unit = [Real](repeating: 0, count: p)
                unit[k] = scale[k]
                var z = [Real](repeating: 0, count: n)
                for (i, v) in solveUpperTransposed(unit).enumerated() { z[i] = -v }
                applyQ(&z, transposed: false)
                var previousSize = Real.infinity
                for _ in 0..<maximumRefinementSteps {
                    // Residuals of z + Xg = 0 and X′z = −e_k, in double-double.
                    let gd = g.map { DoubleDouble($0) }
                    var f = (0..<n).map { i -> Real in
                        var sum = -DoubleDouble(z[i])
                        for j in 0..<p { sum = sum - columns[j][i] * gd[j] }
                        return sum.float80Value
                    }
                    let h = (0..<p).map { j -> Real in
                        var sum = DoubleDouble(hi: j == k ? -1 : 0, lo: 0)
                        for i in 0..<n { sum = sum - columns[j][i] * DoubleDouble(z[i]) }
                        return sum.float80Value * scale[j]
                    }
                    // With X = Q·R·D⁻¹: Rᵀu = D·h, δg = D·R⁻¹(f₁ − u), δz = Q·[u; f₂].
                    applyQ(&f, transposed: true)
                    let u = solveUpperTransposed(h)
                    let dg = solveUpper((0..<p).map { f[$0] - u[$0] })
                    var size: Real = 0
                    for j in 0..<p { size += dg[j] * dg[j] }
                    // A correction larger than the last one means the iteration no
                    // longer converges: keep what we have. One within a quarter of a
                    // double's last place changes nothing the fit reports.
                    guard size < previousSize else { break }
                    previousSize = size
                    if (0..<p).allSatisfy({ Swift.abs(dg[$0] * scale[$0]) <= 0x1p-55 * Swift.abs(g[$0]) }) { break }
                    var dz = f
                    for i in 0..<p { dz[i] = u[i] }
                    applyQ(&dz, transposed: false)
                    for j in 0..<p { g[j] += dg[j] * scale[j] }
                    for i in 0..<n { z[i] += dz[i] }
                }
                for j in 0..<p { gram80[j + k * p] = g[j] }
            }
            for c in 0..<p {
                for row in 0..<c {
                    let mean = (gram80[row + c * p] + gram80[c + row * p]) / 2
                    gram80[row + c * p] = mean
                    gram80[c + row * p] = mean
                }
            }
        }
        var gram = Matrix(rows: p, columns: p)
        for c in 0..<p {
            for row in 0..<p { gram[row, c] = Double(gram80[row + c * p]) }
        }

        var rss: Real = 0
        for v in e { let r80 = v.float80Value; rss += r80 * r80 }
        return rankInformation.replacing(
            coefficients: (0..<p).map { Double(scaledBeta[$0] * scale[$0]) },
            fitted: (0..<n).map { (DoubleDouble(y[$0]) - e[$0]).doubleValue },
            residuals: e.map(\.doubleValue),
            residualSumOfSquares: Double(rss), pseudoInverseGram: gram,
            method: .extendedPrecisionQR)
    }

    #endif
}
