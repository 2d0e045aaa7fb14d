import Foundation

/// Plain text and numbers as LaTeX source.
enum LaTeXText {
    /// Escapes the characters LaTeX treats as commands in running text, so a
    /// term like `group_b` or `50%` prints as written.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "_", "%": out += "\\\(character)"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(character)
            }
        }
        return out
    }

    /// A matrix entry: whole numbers without decimals (dummy codes stay 0 and
    /// 1), others with up to six significant digits and no trailing zeros.
    static func entry(_ value: Double) -> String {
        guard value.isFinite else { return "\\text{NA}" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let text = String(format: "%.6g", value)
        // 1.5e-07 becomes 1.5 \times 10^{-7}, as a reader expects in print.
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        return "\(text[..<e]) \\times 10^{\(exponent)}"
    }
}
