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
        }
        var text = "\(what) at column \(column) of label \"\(source)\"\n  \(source)\n  "
            + String(repeating: " ", count: max(0, column - 1)) + "^"
        if let suggestion { text += "\n  did you mean '\\\(suggestion)'?" }
        return text
    }
}
