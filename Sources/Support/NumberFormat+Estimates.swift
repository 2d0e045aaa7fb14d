/// Estimates, standard errors, test statistics and intervals, to the digits a
/// regression table prints them.
///
/// The standard error decides: it is printed to four significant digits (its
/// leading digit and three more) and the estimate to the same decimal place,
/// because digits of an estimate far below its standard error are noise. This
/// is how Kutner et al., Applied Linear Statistical Models (5th ed.), print the
/// Toluca fit in §2.1–2.2 and the MINITAB output of Figure 2.2:
/// b₀ = 62.37 with s{b₀} = 26.18, b₁ = 3.5702 with s{b₁} = 0.3470.
extension NumberFormat {
    /// Significant digits of a standard error in a table.
    public static let standardErrorDigits = 4
    /// Decimals of t and F statistics: "t = 10.29" (Kutner §2.1, APA).
    public static let statisticDecimals = 2

    /// The decimal places that show `standardError` to `significantDigits`
    /// significant digits (negative for tens, hundreds, …); nil when the
    /// standard error is zero, negative or not finite and so says nothing.
    public static func decimals(forStandardError standardError: Double,
                                significantDigits: Int = standardErrorDigits) -> Int? {
        guard standardError.isFinite, standardError > 0 else { return nil }
        // Rounded first, so 0.09996 counts as 0.1000 (leading digit 10⁻¹).
        let rounded = DecimalDigits(standardError).rounded(toSignificant: significantDigits)
        return significantDigits - 1 - rounded.leadingExponent
    }

    /// The precision of an estimate whose standard error is `standardError`;
    /// four significant digits when there is none (a coefficient that is not
    /// estimable, a fit with no residual degrees of freedom).
    public static func precision(forStandardError standardError: Double?) -> Precision {
        standardError.flatMap { decimals(forStandardError: $0) }.map(Precision.decimals) ?? .significant(4)
    }

    /// An estimate at the decimal place of its standard error.
    public static func estimate(_ value: Double, standardError: Double?) -> FormattedNumber {
        number(value, precision(forStandardError: standardError))
    }

    /// A standard error to four significant digits, trailing zeros kept
    /// ("0.3470": the zero is the fourth digit, not decoration).
    public static func standardError(_ value: Double) -> FormattedNumber {
        number(value, precision(forStandardError: value))
    }

    /// A t or F statistic to two decimals.
    public static func statistic(_ value: Double) -> FormattedNumber {
        number(value, .decimals(statisticDecimals))
    }

    /// "[lower, upper]" with both bounds at `precision` — the estimate's, so an
    /// interval never mixes "8.214" with "116.52". Bounds are written in
    /// `style` and, for LaTeX, the whole interval is one `$…$`.
    public static func interval(_ lower: Double, _ upper: Double, _ precision: Precision,
                                style: NumberStyle) -> String {
        var inner = style
        if style.output == .latex { inner.output = .texMath }
        let text = "[" + number(lower, precision).text(inner) + ", " + number(upper, precision).text(inner) + "]"
        return style.output == .latex ? "$" + text + "$" : text
    }
}
