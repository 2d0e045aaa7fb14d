/// Tick labels for one axis, with a power of ten stated once.
///
/// "0.5×10⁷  1.0×10⁷  1.5×10⁷  2.0×10⁷" repeats what the reader needs once and
/// crowds the axis; a statistics text prints "0.5  1.0  1.5  2.0" and puts
/// "×10⁷" in the axis title or at the end of the axis. That is done when the
/// largest tick is at least 10⁵ (six digits and more no longer read at a
/// glance) or below 10⁻³ (the ticks would be mostly leading zeros), with the
/// power of the largest tick, so the mantissas run up to 1…9.99.
///
/// All labels get the same decimals, the fewest that write every tick
/// exactly: ticks are read as a set, so "0.5 1.0 1.5" rather than "0.5 1 1.5".
/// Floating-point noise in tick positions (0.30000000000000004) is rounded
/// away at twelve significant digits of the largest tick.
public struct AxisScale: Sendable, Equatable {
    /// The power of ten stated once; nil when the ticks are printed as they are.
    public var powerOfTen: Int?
    /// The tick labels, in tick order (mantissas when `powerOfTen` is set).
    public var labels: [FormattedNumber]

    /// Ticks from this magnitude on are scaled.
    public static let large = 1e5

    public init(ticks: [Double]) {
        let finite = ticks.filter(\.isFinite)
        let largest = finite.map(\.magnitude).max() ?? 0
        var power: Int?
        if largest >= Self.large || (largest > 0 && largest < NumberFormat.tiny) {
            power = DecimalDigits(largest).leadingExponent
        }
        let scaled = ticks.map { tick in tick.isFinite ? DecimalDigits(tick).scaled(byPowerOfTen: -(power ?? 0)) : nil }
        let top = scaled.compactMap { $0 }.filter { !$0.isZero }.map(\.leadingExponent).max() ?? 0
        let cleaned = scaled.map { $0?.rounded(toDecimals: 11 - top) }
        let decimals = cleaned.compactMap { $0?.decimalsNeeded }.max() ?? 0
        powerOfTen = power
        labels = zip(ticks, cleaned).map { tick, digits in
            guard let digits else { return NumberFormat.number(tick, .decimals(0)) }  // NA or ∞
            return FormattedNumber(digits, decimals: decimals)
        }
    }

    /// The tick labels written in `style`.
    public func labels(_ style: NumberStyle) -> [String] {
        labels.map { $0.text(style) }
    }

    /// The factor to state once, "×10⁷" (TeX: `\times 10^{7}`); empty when
    /// the ticks are not scaled. An axis title reads "Lot size (×10⁵)".
    public func factor(_ style: NumberStyle) -> String {
        guard let powerOfTen else { return "" }
        switch style.output {
        case .unicode: return "×10" + FormattedNumber.superscript(powerOfTen)
        case .ascii: return "x1e" + String(powerOfTen)
        case .texMath: return "\\times 10^{\(powerOfTen)}"
        case .latex: return "$\\times 10^{\(powerOfTen)}$"
        }
    }
}
