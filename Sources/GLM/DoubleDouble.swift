/// A value carried as an unevaluated sum hi + lo of two doubles (about 106 bits), with
/// error-free sums and products built on fused multiply–add.
///
/// Used only where the extended-precision solver needs more digits than `Float80`
/// holds: residuals y − Xβ̂ and gradients X′r during refinement, and exact powers of
/// polynomial columns. Each operation is a handful of `Double` instructions, so it also
/// works where `Float80` does not exist.
struct DoubleDouble: Equatable {
    var hi: Double
    var lo: Double

    init(_ value: Double) {
        hi = value
        lo = 0
    }

    init(hi: Double, lo: Double) {
        self.hi = hi
        self.lo = lo
    }

    /// a + b exactly, as (rounded sum, rounding error).
    static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        return DoubleDouble(hi: s, lo: (a - (s - bb)) + (b - bb))
    }

    /// a · b exactly, using fused multiply–add for the rounding error.
    static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        return DoubleDouble(hi: p, lo: (-p).addingProduct(a, b))
    }

    private static func normalized(_ hi: Double, _ lo: Double) -> DoubleDouble {
        let s = hi + lo
        return DoubleDouble(hi: s, lo: lo - (s - hi))
    }

    static func + (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let s = twoSum(x.hi, y.hi)
        return normalized(s.hi, s.lo + x.lo + y.lo)
    }

    static prefix func - (x: DoubleDouble) -> DoubleDouble {
        DoubleDouble(hi: -x.hi, lo: -x.lo)
    }

    static func - (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        x + (-y)
    }

    static func * (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let p = twoProduct(x.hi, y.hi)
        return normalized(p.hi, p.lo + (x.hi * y.lo + x.lo * y.hi))
    }

    /// x^k by repeated multiplication (k ≥ 1); relative error about k·2⁻¹⁰⁴.
    static func power(_ x: Double, _ k: Int) -> DoubleDouble {
        var result = DoubleDouble(x)
        for _ in 1..<k { result = result * DoubleDouble(x) }
        return result
    }

    var doubleValue: Double { hi + lo }

    #if arch(x86_64) || arch(i386)
    init(_ value: Float80) {
        let hi = Double(value)
        self.init(hi: hi, lo: Double(value - Float80(hi)))
    }

    var float80Value: Float80 { Float80(hi) + Float80(lo) }
    #endif
}
