/// Exact power-of-two scaling of the response and of each design column, applied
/// before any sum of squares is formed.
///
/// Why: a least-squares fit squares its data. Values near 10¹⁵⁴ overflow when squared
/// (σ̂, SE, t and p came out undefined, with a "perfect fit" warning), and values near
/// 10⁻¹⁶¹ square into subnormals that keep only a few bits (σ̂ off by 2·10⁻⁴ with no
/// warning; at 10⁻¹⁷⁰ σ̂ was 0). Scaling y by 2^−e_y and column j by 2^−e_j, so that each
/// one's largest magnitude lies in [½, 1), puts every square safely inside the range of
/// a double. Powers of two change only exponents, so the scaled problem holds exactly
/// the same significands: the fit is the same fit, and β̂, SE, σ̂ and the rest are
/// unscaled exactly at the end (`LeastSquaresSolution.unscaled(by:)`).
///
/// Data whose magnitudes lie within 2^±`window` are not copied at all: there the sums
/// of squares of up to 2⁴⁰ terms neither overflow nor approach the subnormal range, and
/// the 10⁶-row fits keep their speed (a scaled copy of a 10⁶ × 11 design would cost
/// about a fifth of the fit).
struct LeastSquaresScaling: Sendable, Equatable {
    /// e_y: the response is divided by 2^e_y.
    let responseExponent: Int
    /// e_j: design column j is divided by 2^e_j.
    let columnExponents: [Int]

    /// Largest |log₂| of a column's or the response's largest magnitude that is left
    /// unscaled. 2^±128 (about 10^±38) keeps squares of n ≤ 2⁴⁰ terms below 2^297 and
    /// dominant squares above 2^−256, far from both ends of the double range.
    static let window = 128

    /// No scaling: every exponent is zero.
    var isIdentity: Bool { responseExponent == 0 && columnExponents.allSatisfy { $0 == 0 } }

    /// Whether every column is scaled by the same factor. A uniform scaling keeps the
    /// minimum-norm solution of a rank-deficient design the same solution (per-column
    /// scaling would change which β̂ has the smallest norm).
    var isUniformOverColumns: Bool { Set(columnExponents).count <= 1 }

    init(responseExponent: Int, columnExponents: [Int]) {
        self.responseExponent = responseExponent
        self.columnExponents = columnExponents
    }

    /// The scaling for `x` and `y`: the identity when every magnitude lies within the
    /// window, otherwise each column and the response scaled to a largest magnitude in
    /// [½, 1).
    ///
    /// - Throws: `LeastSquaresError` for a value that is not finite (one scan finds
    ///   both the largest magnitudes and any NaN or infinity).
    init(_ x: Matrix, _ y: [Double]) throws {
        let n = x.rows
        var exponents = [Int](repeating: 0, count: x.columns)
        var inWindow = true
        for j in 0..<x.columns {
            let largest = x.storage.withUnsafeBufferPointer { Self.largestMagnitude(of: $0[(j * n)..<((j + 1) * n)]) }
            // NaN compares false with everything, so `!(a <= max)` catches it with ±∞.
            guard largest <= Double.greatestFiniteMagnitude else {
                let row = (0..<n).first { !x.storage[$0 + j * n].isFinite } ?? 0
                throw LeastSquaresError.nonFiniteDesign(row: row, column: j)
            }
            exponents[j] = Self.exponent(ofLargest: largest)
            if Swift.abs(exponents[j]) > Self.window { inWindow = false }
        }
        let largestResponse = y.withUnsafeBufferPointer { Self.largestMagnitude(of: $0[...]) }
        guard largestResponse <= Double.greatestFiniteMagnitude else {
            throw LeastSquaresError.nonFiniteResponse(row: y.firstIndex { !$0.isFinite } ?? 0)
        }
        let responseExponent = Self.exponent(ofLargest: largestResponse)
        if Swift.abs(responseExponent) > Self.window { inWindow = false }
        if inWindow {
            self.init(responseExponent: 0, columnExponents: [Int](repeating: 0, count: x.columns))
        } else {
            self.init(responseExponent: responseExponent, columnExponents: exponents)
        }
    }

    /// The same response scaling with every column scaled by the factor of the largest
    /// column, for rank-deficient designs (see `isUniformOverColumns`).
    var uniformOverColumns: LeastSquaresScaling {
        let common = columnExponents.max() ?? 0
        return LeastSquaresScaling(
            responseExponent: responseExponent,
            columnExponents: [Int](repeating: common, count: columnExponents.count))
    }

    func scaled(_ x: Matrix) -> Matrix {
        var storage = x.storage
        for j in 0..<x.columns where columnExponents[j] != 0 {
            let e = -columnExponents[j]
            for i in (j * x.rows)..<((j + 1) * x.rows) { storage[i] = Self.times(storage[i], powerOfTwo: e) }
        }
        return Matrix(rows: x.rows, columns: x.columns, columnMajor: storage)
    }

    func scaled(_ y: [Double]) -> [Double] {
        responseExponent == 0 ? y : y.map { Self.times($0, powerOfTwo: -responseExponent) }
    }

    /// The largest |v|, or NaN or +∞ when some value is not finite: one branch-free
    /// pass, since this runs over every entry of a 10⁶-row design.
    static func largestMagnitude(of values: Slice<UnsafeBufferPointer<Double>>) -> Double {
        var largest = 0.0
        var invalid = false
        for v in values {
            let magnitude = Swift.abs(v)
            invalid = invalid || !magnitude.isFinite
            largest = Swift.max(largest, magnitude)
        }
        return invalid ? .infinity : largest
    }

    /// The exponent e with largest/2^e in [½, 1); 0 for an all-zero vector.
    static func exponent(ofLargest largest: Double) -> Int {
        largest > 0 ? Int(largest.exponent) + 1 : 0
    }

    /// v·2^k, rounded once (exact unless the result leaves the normal range).
    static func times(_ v: Double, powerOfTwo k: Int) -> Double {
        k == 0 ? v : Double(sign: .plus, exponent: k, significand: v)
    }

    /// Writes c_j·2^(k_j) as values_j·2^exponent with the largest |values_j| in [1, 2),
    /// so weights on columns of very different scales can be combined without the
    /// factors themselves overflowing. An all-zero c gives zeros and exponent 0.
    static func normalized(_ c: [Double], exponents k: [Int]) -> (values: [Double], exponent: Int) {
        var common = Int.min
        for j in c.indices where c[j] != 0 { common = Swift.max(common, Int(c[j].exponent) + k[j]) }
        guard common != Int.min else { return (c.map { _ in 0 }, 0) }
        return (c.indices.map { times(c[$0], powerOfTwo: k[$0] - common) }, common)
    }
}
