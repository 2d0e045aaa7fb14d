/// User text (column and level names, formulas, model names) as LaTeX source,
/// for the `.tex` files a course `\input`s. A name must print as written and
/// must never become TeX: no command, no group, no line that leaves a comment.
///
/// Both functions work on Unicode scalars, not `Character`s: a backslash or a
/// brace followed by a combining mark is one `Character` in Swift but two
/// characters to TeX, and would slip past a per-`Character` match.
public enum LaTeXText {
    /// Text for running text, a table cell or `\text{…}`: every character TeX
    /// treats specially becomes a command that prints it; line breaks become
    /// spaces (a blank line would end the paragraph or the table row); control
    /// characters, which stop LaTeX as "invalid", print in TeX's `^^@`
    /// notation; and ligatures a name did not mean (`--`, `''`, `!``) are
    /// broken with `{}` so the PDF shows the characters typed.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if let previous, breaksLigature(previous, scalar) { out += "{}" }
            previous = scalar
            if scalar.isLineBreak {
                out += " "
            } else if scalar.isOtherControl {
                out += escaped(scalar.caretNotation)
            } else {
                out += character(scalar)
            }
        }
        return out
    }

    /// Text for the rest of a `%` comment line. TeX ignores everything after
    /// `%` up to the end of the line, so the one danger is a line break: after
    /// CR or LF a name would be live TeX (`\input{/etc/passwd}`, `\write18`).
    /// Every line break becomes a space and every other control character is
    /// shown as `^^@`-style text, which is inert inside a comment, so the whole
    /// name stays on the one comment line.
    public static func comment(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isLineBreak {
                out += " "
            } else if scalar.isOtherControl {
                out += scalar.caretNotation
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One printable scalar in running text.
    static func character(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\\": return "\\textbackslash{}"
        case "{", "}", "$", "&", "#", "_", "%": return "\\" + String(scalar)
        case "~": return "\\textasciitilde{}"
        case "^": return "\\textasciicircum{}"
        // OT1 fonts print these as ¡, ¿ and —; the text commands work in any encoding.
        case "<": return "\\textless{}"
        case ">": return "\\textgreater{}"
        case "|": return "\\textbar{}"
        // A `[` or `*` right after `\\` (the row before a table cell) or after
        // a command with options would be taken as that command's argument.
        case "[", "]", "*": return "{" + String(scalar) + "}"
        default: return String(scalar)
        }
    }

    /// Pairs TeX fonts join into one glyph (en dash, curly quotes, ¡, ¿, „).
    static func breaksLigature(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        switch (first, second) {
        case ("-", "-"), ("`", "`"), ("'", "'"), (",", ","), ("!", "`"), ("?", "`"): return true
        default: return false
        }
    }
}
