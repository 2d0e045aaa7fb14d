/// Recognises design columns that are powers of another column (`I(x^2)`, …) and
/// re-forms them in double-double precision from their base column.
///
/// Why: on polynomial designs the rounding of x^k to a double, not the solver, limits
/// accuracy. Refitting NIST's Filip in exact rational arithmetic shows it: with its
/// double-precision x and exact powers the solution agrees with the certified values to
/// 14.0 digits; with each power rounded to a double, to only 7.6. A rounded power is
/// the data value's exact power up to that rounding, so restoring the unrounded value
/// changes the design by less than half a unit in the last place of each entry.
///
/// Rule: column j is taken as column b to the power k (2 ≤ k ≤ `maximumExponent`) when
/// in every row it lies within 2k units in the last place of b's k-th power — the
/// spread of the usual ways of computing a power (`pow`, repeated multiplication).
/// When several bases fit, the largest k wins, so x⁴ is built from x, not from a
/// rounded x². Columns of exact integers are unchanged by this.
enum PowerColumns {
    static let maximumExponent = 16

    /// The design's columns as double-double values, with recognised powers re-formed.
    static func exactColumns(of x: Matrix) -> [[DoubleDouble]] {
        (0..<x.columns).map { j in
            guard let (base, k) = powerSource(of: j, in: x) else {
                return x.column(j).map { DoubleDouble($0) }
            }
            return (0..<x.rows).map { DoubleDouble.power(x[$0, base], k) }
        }
    }

    /// The (base column, exponent) that column `j` is a power of, if any.
    static func powerSource(of j: Int, in x: Matrix) -> (Int, Int)? {
        var best: (Int, Int)?
        for b in 0..<x.columns where b != j && !isConstant(b, in: x) {
            for k in stride(from: maximumExponent, through: 2, by: -1) where k > (best?.1 ?? 1) {
                if matches(j, base: b, exponent: k, in: x) {
                    best = (b, k)
                    break
                }
            }
        }
        return best
    }

    private static func isConstant(_ b: Int, in x: Matrix) -> Bool {
        let first = x[0, b]
        return (0..<x.rows).allSatisfy { x[$0, b] == first }
    }

    private static func matches(_ j: Int, base b: Int, exponent k: Int, in x: Matrix) -> Bool {
        for i in 0..<x.rows {
            let power = DoubleDouble.power(x[i, b], k).hi
            let value = x[i, j]
            guard power.isFinite else { return false }
            if power == value { continue }
            if Swift.abs(power - value) > Double(2 * k) * power.ulp { return false }
        }
        return true
    }
}
