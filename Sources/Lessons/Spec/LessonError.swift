/// A refusal with enough context for a course author to fix the input: which
/// file, where in it, what was expected, and (when one is known) what to write
/// instead. Every failure of the lesson pipeline is one of these, so the command
/// line can map it to a stable exit code without inspecting message text.
public struct LessonError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, coarse enough to choose an exit status from.
    public enum Category: Sendable, Equatable {
        /// The lesson spec itself is malformed or inconsistent.
        case badSpec
        /// The data the spec points at cannot be used (bad CSV, impossible generator).
        case badData
        /// A file or lesson that was named does not exist.
        case missingInput
        /// Output could not be written.
        case cannotCreateOutput
    }

    public var category: Category
    /// The file the problem is in, as the user named it (or the bundled lesson's name).
    public var file: String
    /// 1-based line, when the problem has a position.
    public var line: Int?
    /// 1-based column, when the problem has a position.
    public var column: Int?
    public var message: String
    /// A concrete fix, e.g. the nearest valid word for a misspelling.
    public var suggestion: String?

    public init(_ category: Category, file: String, line: Int? = nil, column: Int? = nil,
                message: String, suggestion: String? = nil) {
        self.category = category
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    init(_ category: Category, at location: SourceLocation, message: String, suggestion: String? = nil) {
        self.init(category, file: location.file, line: location.line, column: location.column,
                  message: message, suggestion: suggestion)
    }

    /// `file:line:column: message — suggestion`, the shape compilers use so
    /// editors and CI logs can jump to the spot.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        var text = "\(place): \(message)"
        if let suggestion { text += " — \(suggestion)" }
        return text
    }
}
