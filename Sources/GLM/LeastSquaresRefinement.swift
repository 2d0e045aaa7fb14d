/// Iterative refinement of a double-precision least-squares answer (the LAPACK path)
/// with residuals computed in double-double.
///
/// Why: Householder QR in double precision leaves β̂ with an error of about κ·u (plus
/// κ²·u·‖r‖/‖ŷ‖), where κ is the condition number of the equilibrated design and
/// u = 2⁻⁵³. On diamonds' `price ~ carat * cut * color` (κ ≈ 316) that is 12.4 digits
/// of the exact answer, below R's 12.5 (`DiamondsAccuracyTests`). Each step here computes r = y − Xβ̂ and the gradient X′r beyond
/// double precision, then corrects β̂ by δ = (X′X)⁻¹X′r with the (X′X)⁻¹ the fit already
/// has (corrected semi-normal equations). The error shrinks by about κ²·u per step,
/// so a few steps reach the double-precision limit of the answer itself.
///
/// Two rules keep it honest and cheap:
/// - It runs only where double precision cannot be trusted to about 14 digits,
///   κ·ε > 10⁻¹⁴, and where it converges, κ²·ε < 0.01 (`isWanted`). Well-conditioned
///   designs — the benchmark's 10⁶ × 11 regression has κ ≈ 1.6 — never pay for it, and
///   Filip as given (κ ≈ 5·10⁹) keeps its unrefined answer.
/// - A step is kept only when it shrinks the normal-equation defect, measured in
///   double-double as the size of the next correction (see `refine`), so refinement
///   never makes an answer worse by that measure.
///
/// The exact products use Dekker's split rather than fused multiply–add: the package
/// is built for baseline x86-64, where `fma` is a library call per product, while the
/// split is plain multiplies and adds that vectorise (`SIMD4`).
enum LeastSquaresRefinement {
    /// Refine when the equilibrated condition number exceeds this: κ·ε > 10⁻¹⁴, where
    /// a double-precision QR answer may keep fewer than about 14 digits.
    static let conditionLimit = 1e-14 / Double.ulpOfOne

    /// Refine only below this condition number: κ²·ε < 0.01, where each step gains at
    /// least two digits. Beyond it the double-precision (X′X)⁻¹ that solves for the
    /// corrections has no correct digits, and the decision to keep a step cannot be
    /// trusted either (on Filip as given, κ ≈ 5·10⁹, refinement moved β̂ from 8.0 to
    /// 7.6 digits of NIST's values).
    static let convergenceLimit = (0.01 / Double.ulpOfOne).squareRoot()

    /// Correction steps at most; each costs one pass over X (residual and gradient
    /// together).
    static let maximumSteps = 4

    /// Rows per block: a block of X is read for the residual and again, from cache, for
    /// the gradient.
    static let blockRows = 512

    static func isWanted(conditionNumber: Double) -> Bool {
        conditionNumber > conditionLimit && conditionNumber < convergenceLimit
    }

    /// The residual r = y − Xβ (as hi + lo) and the gradient X′r, both in double-double.
    struct Pass {
        var residualHi: [Double]
        var residualLo: [Double]
        var gradient: [Double]
    }

    /// Refined coefficients, and the double-double residual they leave.
    ///
    /// A step β + δ is kept only when the correction it would need next is smaller than
    /// δ, both measured in equilibrated units (‖D⁻¹δ‖): δ = (X′X)⁻¹X′r is the error
    /// estimate of β̂, so this is the normal-equation defect in the metric of the answer.
    /// (‖X′r‖ itself is no guide near convergence: it is dominated by the largest
    /// singular direction and sits at its rounding floor while the small coefficients
    /// still improve, as on Wampler2.)
    ///
    /// - Parameters:
    ///   - gram: (X′X)⁻¹ in the units of `x`, used to solve for each correction.
    ///   - scale: the equilibrating column scale (1/‖x_j‖).
    static func refine(
        _ x: Matrix, _ y: [Double], beta initial: [Double], gram: Matrix, scale: [Double]
    ) -> (beta: [Double], pass: Pass, steps: Int) {
        let p = x.columns
        func correction(_ pass: Pass) -> (delta: [Double], size: Double) {
            var delta = [Double](repeating: 0, count: p)
            var size = 0.0
            for j in 0..<p {
                for k in 0..<p { delta[j] += gram[j, k] * pass.gradient[k] }
                let scaled = delta[j] / scale[j]
                size += scaled * scaled
            }
            return (delta, size.squareRoot())
        }
        var beta = initial
        var current = pass(x, y, beta)
        var step = correction(current)
        var steps = 0
        for _ in 0..<maximumSteps {
            guard step.size > 0, step.size.isFinite else { break }
            // A correction within two units in the last place of every coefficient
            // would buy nothing but another pass over X.
            if (0..<p).allSatisfy({ Swift.abs(step.delta[$0]) <= 2 * Double.ulpOfOne * Swift.abs(beta[$0]) }) { break }
            let candidate = (0..<p).map { beta[$0] + step.delta[$0] }
            if candidate == beta { break }
            let next = pass(x, y, candidate)
            let nextStep = correction(next)
            guard nextStep.size < step.size else { break }
            beta = candidate
            current = next
            step = nextStep
            steps += 1
        }
        return (beta, current, steps)
    }

    /// One pass over X, block by block: residuals of the block's rows, then their
    /// contribution to X′r while the block is still in cache.
    static func pass(_ x: Matrix, _ y: [Double], _ beta: [Double]) -> Pass {
        let n = x.rows, p = x.columns
        var hi = y
        var lo = [Double](repeating: 0, count: n)
        var gradientHi = [Double](repeating: 0, count: p)
        var gradientLo = [Double](repeating: 0, count: p)
        x.storage.withUnsafeBufferPointer { xs in
            hi.withUnsafeMutableBufferPointer { hi in
                lo.withUnsafeMutableBufferPointer { lo in
                    var start = 0
                    while start < n {
                        let end = Swift.min(start + blockRows, n)
                        for j in 0..<p {
                            subtractProducts(
                                column: xs.baseAddress! + j * n, coefficient: beta[j],
                                hi: hi.baseAddress!, lo: lo.baseAddress!, rows: start..<end)
                        }
                        normalize(hi: hi.baseAddress!, lo: lo.baseAddress!, rows: start..<end)
                        for j in 0..<p {
                            let (s, e) = dot(
                                column: xs.baseAddress! + j * n,
                                hi: hi.baseAddress!, lo: lo.baseAddress!, rows: start..<end)
                            let sum = twoSum(gradientHi[j], s)
                            gradientHi[j] = sum.s
                            gradientLo[j] += sum.e + e
                        }
                        start = end
                    }
                }
            }
        }
        return Pass(
            residualHi: hi, residualLo: lo,
            gradient: (0..<p).map { gradientHi[$0] + gradientLo[$0] })
    }

    // MARK: - Kernels

    /// (hi, lo)[i] −= column[i]·b for i in rows, the product exact and its rounding
    /// errors gathered in lo.
    private static func subtractProducts(
        column: UnsafePointer<Double>, coefficient b: Double,
        hi: UnsafeMutablePointer<Double>, lo: UnsafeMutablePointer<Double>, rows: Range<Int>
    ) {
        guard b != 0 else { return }
        let (bHi, bLo) = split(b)
        let bv = SIMD4(repeating: b), bvHi = SIMD4(repeating: bHi), bvLo = SIMD4(repeating: bLo)
        var i = rows.lowerBound
        while i + 4 <= rows.upperBound {
            let a = load(column + i)
            let (p, pe) = twoProduct(a, bv, bHi: bvHi, bLo: bvLo)
            let (s, e) = twoSum(load(hi + i), -p)
            store(s, hi + i)
            store(load(lo + i) + (e - pe), lo + i)
            i += 4
        }
        while i < rows.upperBound {
            let (p, pe) = twoProduct(column[i], b, bHi: bHi, bLo: bLo)
            let (s, e) = twoSum(hi[i], -p)
            hi[i] = s
            lo[i] += e - pe
            i += 1
        }
    }

    /// hi + lo renormalised so that |lo| ≤ ½ulp(hi).
    private static func normalize(
        hi: UnsafeMutablePointer<Double>, lo: UnsafeMutablePointer<Double>, rows: Range<Int>
    ) {
        for i in rows {
            let s = hi[i] + lo[i]
            lo[i] = lo[i] - (s - hi[i])
            hi[i] = s
        }
    }

    /// Σ column[i]·(hi[i] + lo[i]) over rows, as an unevaluated sum (s, e).
    private static func dot(
        column: UnsafePointer<Double>, hi: UnsafePointer<Double>, lo: UnsafePointer<Double>,
        rows: Range<Int>
    ) -> (Double, Double) {
        var sums = SIMD4<Double>(repeating: 0)
        var errors = SIMD4<Double>(repeating: 0)
        var i = rows.lowerBound
        while i + 4 <= rows.upperBound {
            let a = load(column + i)
            let r = load(hi + i)
            let (p, pe) = twoProduct(a, r)
            let (s, e) = twoSum(sums, p)
            sums = s
            errors += e + pe + a * load(lo + i)
            i += 4
        }
        var total = (s: 0.0, e: 0.0)
        for lane in 0..<4 {
            let t = twoSum(total.s, sums[lane])
            total = (t.s, total.e + t.e + errors[lane])
        }
        while i < rows.upperBound {
            let (bHi, bLo) = split(hi[i])
            let (p, pe) = twoProduct(column[i], hi[i], bHi: bHi, bLo: bLo)
            let t = twoSum(total.s, p)
            total = (t.s, total.e + t.e + pe + column[i] * lo[i])
            i += 1
        }
        return total
    }

    // MARK: - Error-free transformations

    /// Veltkamp's constant 2²⁷ + 1: a·c splits a 53-bit significand into two 26-bit halves.
    private static let splitter = 134_217_729.0

    @inline(__always)
    private static func split(_ a: Double) -> (Double, Double) {
        let t = splitter * a
        let hi = t - (t - a)
        return (hi, a - hi)
    }

    @inline(__always)
    private static func split(_ a: SIMD4<Double>) -> (SIMD4<Double>, SIMD4<Double>) {
        let t = splitter * a
        let hi = t - (t - a)
        return (hi, a - hi)
    }

    /// a·b = p + e exactly (Dekker), with b already split.
    @inline(__always)
    private static func twoProduct(_ a: Double, _ b: Double, bHi: Double, bLo: Double) -> (Double, Double) {
        let p = a * b
        let (aHi, aLo) = split(a)
        let e = ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo
        return (p, e)
    }

    @inline(__always)
    private static func twoProduct(
        _ a: SIMD4<Double>, _ b: SIMD4<Double>, bHi: SIMD4<Double>, bLo: SIMD4<Double>
    ) -> (SIMD4<Double>, SIMD4<Double>) {
        let p = a * b
        let (aHi, aLo) = split(a)
        let e = ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo
        return (p, e)
    }

    @inline(__always)
    private static func twoProduct(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> (SIMD4<Double>, SIMD4<Double>) {
        let (bHi, bLo) = split(b)
        return twoProduct(a, b, bHi: bHi, bLo: bLo)
    }

    /// a + b = s + e exactly (Knuth).
    @inline(__always)
    private static func twoSum(_ a: Double, _ b: Double) -> (s: Double, e: Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    @inline(__always)
    private static func twoSum(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> (SIMD4<Double>, SIMD4<Double>) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    private static func load(_ pointer: UnsafeMutablePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    private static func store(_ value: SIMD4<Double>, _ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Double>.self)
    }
}
