import Support

extension LaTeXText {
    /// A matrix entry as TeX math source. Whole numbers are exact (dummy codes
    /// stay 0 and 1, and a count or a year is never rounded); others get six
    /// significant digits without trailing zeros, enough to recognise a
    /// centred or scaled covariate. `NumberFormat` writes ×10ⁿ outside
    /// 10⁻³…10⁹ (1.5e-7 becomes `1.5 \times 10^{-7}`, as a reader expects in
    /// print), groups thousands with `\,`, and NaN as `\mathrm{NA}`.
    static func entry(_ value: Double) -> String {
        let whole = value.isFinite && value == value.rounded() && abs(value) < 1e15
        return NumberFormat.number(value, whole ? .decimals(0) : .significant(6)).text(.texMath)
    }
}
