import Support

/// A label that is not valid in the supported TeX subset. The message names
/// the problem, the column, shows the label with a caret under the spot, and
/// suggests the nearest known command when one is close.
public struct TeXError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Problem: Equatable, Sendable {
        case unknownCommand(String)
        case missingArgument(command: String)
        case unbalancedBrace
        case unterminatedMath
        case unexpectedCharacter(Character)
        /// Braces, scripts and arguments nested past `limit` (`TeX.maximumNesting`).
        case nestedTooDeep(limit: Int)
    }

    public var problem: Problem
    /// 1-based column (in characters) in `source`.
    public var column: Int
    public var source: String
    public var suggestion: String?

    public var description: String {
        let what: String
        switch problem {
        case .unknownCommand(let name): what = "unknown TeX command '\\\(name)'"
        case .missingArgument(let name): what = "'\\\(name)' expects an argument in braces"
        case .unbalancedBrace: what = "unbalanced brace"
        case .unterminatedMath: what = "math started with '$' is never closed"
        case .unexpectedCharacter(let c): what = "unexpected '\(c)'"
        case .nestedTooDeep(let limit):
            what = "braces, scripts and command arguments nest more than \(limit) levels deep"
        }
        let shown = CaretExcerpt.lines(text: source, offset: column - 1, length: 1)
        // A long label is shown once, cut to a window around the caret.
        let quoted = shown.cut ? " of a \(source.count)-character label" : " of label \"\(source)\""
        var text = "\(what) at column \(column)\(quoted)\n  \(shown.text)\n  \(shown.carets)"
        if let suggestion { text += "\n  did you mean '\\\(suggestion)'?" }
        if case .nestedTooDeep(let limit) = problem {
            text += "\n  hint: flatten the label; a label may nest at most \(limit) levels"
        }
        return text
    }
}
