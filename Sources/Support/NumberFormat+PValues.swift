/// p-values as statistics texts print them.
///
/// Three decimals and a floor of 0.001: "0.2", "0.03", "0.026", "< 0.001".
/// Below 0.001 the digits describe the tail of a model more than the data (a
/// p of 10⁻²⁰ is not more informative than "< 0.001"), and R, MINITAB
/// (Kutner et al., Figure 2.2 prints 0.026 and 0.000) and APA all stop there.
/// Trailing zeros are dropped: "0.2" is the value, and a p-value's last digit
/// states no precision the way an estimate's does. A p that rounds to 1 is
/// "> 0.999", since p = 1 would claim the data match the null exactly.
/// NaN, and anything outside [0, 1], is "NA" rather than a refusal: a render
/// should not fail on one undefined test.
extension NumberFormat {
    /// p-values below this print as "< 0.001".
    public static let pFloor = 0.001

    /// The p-value as a table cell: "0.03", "< 0.001"; APA: ".03", "< .001".
    public static func pValue(_ p: Double, style: NumberStyle = .unicode) -> String {
        let (relation, value) = pParts(p, style: style)
        guard let relation else { return style.output == .latex ? "$" + value + "$" : value }
        switch style.output {
        case .unicode: return relation + "\u{00A0}" + value  // no line break between "<" and the number
        case .ascii: return relation + " " + value
        case .texMath: return relation + value
        case .latex: return "$" + relation + value + "$"
        }
    }

    /// The p-value as a clause: "p = 0.03", "p < 0.001"; APA: "p = .03".
    /// TeX forms are math source ("p = 0.03" sets p in italic).
    public static func pClause(_ p: Double, style: NumberStyle = .unicode) -> String {
        let (relation, value) = pParts(p, style: style)
        let text = "p " + (relation ?? "=") + " " + value
        return style.output == .latex ? "$" + text + "$" : text
    }

    /// The relation ("<", ">" or nil for "=") and the number as written.
    static func pParts(_ p: Double, style: NumberStyle) -> (String?, String) {
        var inner = style
        if style.output == .latex { inner.output = .texMath }
        guard p.isFinite, p >= 0, p <= 1 else { return (nil, FormattedNumber.notAvailable.text(inner)) }
        func written(_ value: DecimalDigits) -> String {
            let text = FormattedNumber(value, decimals: value.decimalsNeeded).text(inner)
            return style.pValues == .apa && text.hasPrefix("0.") ? String(text.dropFirst()) : text
        }
        if p < pFloor { return ("<", written(DecimalDigits(pFloor))) }
        let rounded = DecimalDigits(p).rounded(toDecimals: 3)
        // 0.9995 and up round to 1.
        if rounded.point >= 1 { return (">", written(DecimalDigits(0.999))) }
        return (nil, written(rounded))
    }
}
