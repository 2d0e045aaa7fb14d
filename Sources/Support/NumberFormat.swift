/// How many digits a quantity gets.
public enum Precision: Sendable, Equatable {
    /// Exactly this many places after the point, trailing zeros kept: the
    /// caller is stating a precision (a table column, an estimate next to its
    /// standard error). Negative rounds to tens, hundreds, …: an estimate of
    /// 2 500 000 with an SE of 134 000 is known to the hundreds at best.
    case decimals(Int)
    /// This many significant digits, trailing zeros dropped: a label that says
    /// how large something is ("σ̂ = 0.8", not "0.8000", which would claim
    /// four digits of precision nobody measured).
    case significant(Int)
}

/// The one place glmviz decides how many digits a number gets and when it
/// needs a power of ten. Everything returns `FormattedNumber` (parts), which
/// `FormattedNumber.text(_:)` writes as Unicode, ASCII, TeX math or LaTeX.
///
/// Rules, each because a statistician would otherwise correct the figure:
/// - never zero for a non-zero value: a slope of 0.00012 does not print as
///   "0.00" (more significant digits, or scientific form below 10⁻³);
/// - never "−0";
/// - scientific form (×10ⁿ) for labels below 10⁻³ or from 10⁹ on, where
///   positional form becomes a row of zeros, and for fixed decimals past six;
/// - digits are rounded as the written decimal is rounded (`DecimalDigits`),
///   with no dependence on the locale or the platform's printf.
public enum NumberFormat {
    /// Magnitudes below this are tiny: labels and axes state them with ×10ⁿ.
    public static let tiny = 1e-3
    /// From this power of ten on, a label is written in scientific form;
    /// below it, positional form with thousands grouping stays readable
    /// ("250 000 000").
    public static let largeLabelExponent = 9
    /// Fixed decimals past this go to scientific form: "0.00012003" has more
    /// leading zeros than digits, "1.2003×10⁻⁴" does not.
    public static let maximumDecimals = 6
    /// Significant digits used when the requested rounding would show a
    /// non-zero value as zero.
    public static let rescueDigits = 2

    /// `value` rounded as `precision` says, with the rules above.
    public static func number(_ value: Double, _ precision: Precision) -> FormattedNumber {
        if value.isNaN { return .notAvailable }
        if value.isInfinite { return FormattedNumber(kind: .infinity, negative: value < 0, integer: "") }
        let digits = DecimalDigits(value)
        switch precision {
        case .decimals(let places):
            if digits.isZero { return FormattedNumber(digits, decimals: max(0, places)) }
            let rounded = digits.rounded(toDecimals: places)
            if rounded.isZero { return number(value, .significant(rescueDigits)) }
            if places > maximumDecimals {
                let exponent = rounded.leadingExponent
                return FormattedNumber(rounded.scaled(byPowerOfTen: -exponent), decimals: max(0, places + exponent),
                                       powerOfTen: exponent)
            }
            return FormattedNumber(rounded, decimals: max(0, places))
        case .significant(let count):
            if digits.isZero { return FormattedNumber(digits, decimals: 0) }
            let rounded = digits.rounded(toSignificant: count)
            let exponent = rounded.leadingExponent
            if exponent < -3 || exponent >= largeLabelExponent {
                let mantissa = rounded.scaled(byPowerOfTen: -exponent)
                return FormattedNumber(mantissa, decimals: mantissa.decimalsNeeded, powerOfTen: exponent)
            }
            return FormattedNumber(rounded, decimals: rounded.decimalsNeeded)
        }
    }

    /// A quantity shown on its own, in a label or a caption, to `significant`
    /// digits without trailing zeros: σ̂ = 48.82, σ̂ = 0.8, σ̂ = 250 000.
    /// Significant digits of a number standing alone in a figure's label.
    public static let labelDigits = 4

    public static func label(_ value: Double, significant: Int = labelDigits) -> FormattedNumber {
        number(value, .significant(significant))
    }
}
