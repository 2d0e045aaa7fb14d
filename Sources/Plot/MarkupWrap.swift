/// Breaks Pango markup into lines no wider than a limit, at spaces outside any
/// element, so a title, axis title or annotation an author wrote longer than
/// the figure is wrapped rather than clipped. Spaces inside an element (a
/// subscript `Ȳ<sub>healthy controls</sub>`) never break, so the markup of
/// every line stays well formed.
enum MarkupWrap {
    /// The pieces of `markup` between breakable spaces.
    static func words(_ markup: String) -> [String] {
        var words: [String] = [], current = ""
        var depth = 0, tag = "", inTag = false
        for c in markup {
            if inTag {
                tag.append(c)
                current.append(c)
                if c == ">" {
                    inTag = false
                    if tag.hasPrefix("</") { depth -= 1 } else if !tag.hasSuffix("/>") { depth += 1 }
                }
                continue
            }
            if c == "<" { inTag = true; tag = "<"; current.append(c); continue }
            if c == " " && depth == 0 {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            current.append(c)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `markup` with newlines at breakable spaces, filled greedily so no line
    /// is wider than `width` unless a single word is; unchanged when it fits.
    static func wrap(_ markup: String, width: Double, measure: (String) -> Double) -> String {
        guard width > 0, measure(markup) > width else { return markup }
        var lines: [String] = []
        var line = ""
        for word in words(markup) {
            let candidate = line.isEmpty ? word : line + " " + word
            // A line never starts with "=" or an operator: it stays with its left side.
            let binds = ["=", "−", "+", "≈", "<", ">", "≤", "≥"].contains(word) || word.hasPrefix("=")
            if line.isEmpty || binds || measure(candidate) <= width {
                line = candidate
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}

extension Canvas {
    /// `markup` wrapped to `width` in `style` (see `MarkupWrap`).
    func wrapped(_ markup: String, style: TextStyle, width: Double) -> String {
        MarkupWrap.wrap(markup, width: width) { measure(markup: $0, style: style).width }
    }
}
