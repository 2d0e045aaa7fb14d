/// A running sum of squares kept in extended precision, so sums of squared residuals
/// and of y² keep their digits when the terms span many orders of magnitude.
///
/// `Float80` where the platform has it (x86), `Double` with Kahan compensation elsewhere.
struct ExtendedSum {
    #if arch(x86_64) || arch(i386)
    private var sum: Float80 = 0
    static var zero: ExtendedSum { ExtendedSum() }
    mutating func add(_ value: Double) { sum += Float80(value) }
    mutating func add(square value: Double) { let v = Float80(value); sum += v * v }
    var value: Double { Double(sum) }
    #else
    private var sum = 0.0
    private var compensation = 0.0
    static var zero: ExtendedSum { ExtendedSum() }
    mutating func add(_ value: Double) {
        let y = value - compensation
        let t = sum + y
        compensation = (t - sum) - y
        sum = t
    }
    mutating func add(square value: Double) { add(value * value) }
    var value: Double { sum }
    #endif
}
