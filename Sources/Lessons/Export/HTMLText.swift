/// Text placed in HTML, escaped so a caption or a term name can never become markup.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A relative link to a file inside the output root; each path segment is
    /// percent-encoded so names with spaces or `#` still resolve offline.
    static func link(_ segments: String...) -> String {
        segments.map { segment in
            segment.unicodeScalars.map { scalar -> String in
                let c = Character(scalar)
                if c.isASCII, c.isLetter || c.isNumber || "-_.~".contains(c) { return String(c) }
                return String(scalar).utf8.map { byte in
                    "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }.joined()
            }.joined()
        }.joined(separator: "/")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
