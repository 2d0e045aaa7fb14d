import Support

extension LaTeXText {
    /// A matrix entry: whole numbers without decimals (dummy codes stay 0 and
    /// 1), others with up to six significant digits and no trailing zeros,
    /// with a decimal point whatever the process locale.
    static func entry(_ value: Double) -> String {
        guard value.isFinite else { return "\\text{NA}" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let text = String(posixFormat: "%.6g", value)
        // 1.5e-07 becomes 1.5 \times 10^{-7}, as a reader expects in print.
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        return "\(text[..<e]) \\times 10^{\(exponent)}"
    }
}
