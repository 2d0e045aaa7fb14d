import Support

/// A user-facing error from reading data, parsing a formula or building a design.
///
/// Every problem a user can cause (a ragged CSV row, a typo in a formula, a level
/// that does not exist) becomes one `Diagnostic` rather than a crash, so the command
/// line can print a single clear message and pick an exit code from `category`.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of input was wrong; the command line maps this to an exit code.
    public enum Category: Equatable, Sendable {
        /// The file does not exist or cannot be opened.
        case missingFile
        /// The data is malformed or does not fit the model (CSV, levels, values).
        case badData
        /// The model formula or a contrast cannot be parsed or refers to unknown names.
        case badFormula
        /// The caller asked for something inconsistent (e.g. conflicting options).
        case usage
    }

    /// Where in a file a problem sits; every field is optional because not every
    /// source has all of them (in-memory frames have no file).
    public struct Location: Equatable, Sendable {
        public var file: String?
        /// 1-based line number, as an editor shows it.
        public var line: Int?
        /// 1-based character column within the line, when meaningful.
        public var column: Int?
        /// The CSV column (variable) name involved.
        public var columnName: String?

        public init(file: String? = nil, line: Int? = nil, column: Int? = nil, columnName: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.columnName = columnName
        }
    }

    /// A line of source text (a formula or contrast) with the offending span marked.
    public struct Excerpt: Equatable, Sendable {
        public var text: String
        /// 0-based character offset of the first offending character.
        public var offset: Int
        /// Number of characters to underline (at least one caret is drawn).
        public var length: Int

        public init(text: String, offset: Int, length: Int = 1) {
            self.text = text
            self.offset = offset
            self.length = length
        }
    }

    public var category: Category
    public var message: String
    public var location: Location?
    public var excerpt: Excerpt?
    public var suggestion: String?

    public init(
        _ category: Category, _ message: String, location: Location? = nil,
        excerpt: Excerpt? = nil, suggestion: String? = nil
    ) {
        self.category = category
        self.message = message
        self.location = location
        self.excerpt = excerpt
        self.suggestion = suggestion
    }

    /// The text to print: `file:line:col: column "name": message`, then the excerpt
    /// with carets under the offending span (see `CaretExcerpt` in Support), then a
    /// hint when there is one.
    public var description: String {
        var head = ""
        if let location {
            var place: [String] = []
            if let file = location.file { place.append(file) }
            if let line = location.line { place.append(String(line)) }
            if let column = location.column, location.line != nil { place.append(String(column)) }
            if !place.isEmpty { head += place.joined(separator: ":") + ": " }
            if let name = location.columnName { head += "column \"\(name)\": " }
        }
        var out = head + message
        if let excerpt {
            let shown = CaretExcerpt.lines(text: excerpt.text, offset: excerpt.offset, length: excerpt.length)
            out += "\n    " + shown.text + "\n    " + shown.carets
        }
        if let suggestion { out += "\nhint: " + suggestion }
        return out
    }

    /// The conventional exit status (sysexits): 65 for bad data or formula,
    /// 66 for a missing input file, 2 for a usage error.
    public var exitCode: Int32 {
        switch category {
        case .missingFile: return 66
        case .badData, .badFormula: return 65
        case .usage: return 2
        }
    }
}
