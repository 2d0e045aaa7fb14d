/// User text as a JSON string literal, for the few places glmviz shows a JSON
/// value as text (a `glmviz check` message naming a value in `fits.json`).
/// Whole files (`fits.json`, the manifest, `report.json`) go through
/// `JSONEncoder`, which does the same for every string it writes.
public enum JSONText {
    /// `text` between double quotes: the quote and the backslash escaped,
    /// control characters as `\n`, `\t`… or `\u00XX` (JSON forbids them raw),
    /// and LINE/PARAGRAPH SEPARATOR as `\u2028`/`\u2029`, which JSON allows
    /// but JavaScript string literals before ES2019 and many terminals take as
    /// line ends. U+FEFF too: Foundation's reader drops a byte-order mark
    /// even inside a string.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.isLineBreak || scalar.isOtherControl || scalar == "\u{FEFF}" {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
