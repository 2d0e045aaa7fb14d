/// User text in a MyST Markdown directive (the `{figure}` snippets a course
/// pastes into a Jupyter Book):
///
/// ````
/// ```{figure} ARGUMENT
/// :alt: OPTION VALUE
///
/// PARAGRAPH
/// ```
/// ````
///
/// A caption must print as written and must never add an option line, close
/// the fence (```` ``` ````, `:::`), start a block (`#`, `-`, `>`, `%`,
/// `(label)=`, `+++`) or become a role, math or HTML.
public enum MySTText {
    /// A directive option value: one line (option values end at the line
    /// break, and a new line starting `:name:` would be a new option). MyST
    /// reads option blocks as YAML, so anything beyond plain words is written
    /// as a double-quoted YAML string, which keeps `#`, `: `, quotes and a
    /// leading `|`, `>` or `*` literal.
    public static func optionValue(_ text: String) -> String {
        let line = singleLine(text)
        if let first = line.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first),
           line.unicodeScalars.allSatisfy(isPlain) {
            return line
        }
        var out = "\""
        for scalar in line.unicodeScalars {
            if scalar == "\\" || scalar == "\"" { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }

    /// A paragraph of plain text (a caption): one line, with every character
    /// Markdown or MyST could read as inline markup backslash-escaped, and the
    /// first character too when it is punctuation (a block marker only counts
    /// at the start of a line), as well as the `.` or `)` of a leading number
    /// (an ordered list). CommonMark guarantees `\` before ASCII punctuation
    /// prints that character.
    public static func paragraph(_ text: String) -> String {
        let line = singleLine(text)
        var out = ""
        out.reserveCapacity(line.utf8.count)
        var atStart = true, inLeadingDigits = true
        for scalar in line.unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            if scalar.isASCIIPunctuation,
               atStart || inlineMarkup.unicodeScalars.contains(scalar) || (inLeadingDigits && (scalar == "." || scalar == ")")) {
                out += "\\"
            }
            out.unicodeScalars.append(scalar)
            inLeadingDigits = inLeadingDigits && isDigit
            atStart = false
        }
        return out
    }

    /// A directive argument (the image path after ```` ```{figure} ````): it
    /// shares the fence's line, where a line break would end the fence line and
    /// a backtick would stop the line being a fence at all. Those characters
    /// and other controls are percent-encoded, as in a URI; the image names
    /// glmviz writes never contain them.
    public static func argument(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "`" || scalar == "%" || scalar.isLineBreak || scalar.isOtherControl {
                out += scalar.percentEncoded
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Characters that start or end inline markup anywhere in a line:
    /// emphasis, code, links, HTML, dollar math, roles (`{role}`), tables,
    /// headings, substitutions, entities, strike-through, and the backslash.
    static let inlineMarkup = "\\`*_[]<>$#|{}~&"

    /// Option values left unquoted: words, spaces and mild punctuation.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " -_.,()/".unicodeScalars.contains(scalar)
    }

    /// The text on one line: every run of line breaks, tabs, controls and
    /// spaces becomes one space, and the ends are trimmed (leading spaces
    /// would make an indented code block, trailing ones a hard break).
    static func singleLine(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isLineBreak || scalar.isOtherControl || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out += " "; pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
