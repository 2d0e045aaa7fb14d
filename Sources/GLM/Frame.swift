/// A table of named, equally long columns: the data a model formula refers to.
///
/// Frames come from a CSV file (`Frame.read(csv:)`) or from columns built in memory
/// (lessons with inline data or generated samples). Column order is kept, since it
/// is the order a user sees in their file.
public struct Frame: Sendable, Equatable {
    public let names: [String]
    public let columns: [Column]
    public let rowCount: Int
    /// Where the data came from (a file path), used to make messages specific.
    public var source: String?
    /// Column index by name, so lookups stay constant-time on files with
    /// thousands of columns (`y ~ .` looks every one of them up).
    private let positions: [String: Int]

    /// Builds a frame from named columns. Names must be distinct and non-empty, and
    /// every column must have the same length.
    public init(columns named: [(name: String, column: Column)], source: String? = nil) throws {
        var seen = Set<String>()
        for entry in named {
            if entry.name.isEmpty {
                throw Diagnostic(.badData, "a column has an empty name", location: source.map { .init(file: $0) })
            }
            if !seen.insert(entry.name).inserted {
                throw Diagnostic(
                    .badData, "duplicate column name \"\(entry.name)\"",
                    location: source.map { .init(file: $0) },
                    suggestion: "rename one of the columns so every name is distinct")
            }
        }
        let count = named.first?.column.count ?? 0
        if let odd = named.first(where: { $0.column.count != count }) {
            throw Diagnostic(
                .badData,
                "column \"\(odd.name)\" has \(odd.column.count) values but \"\(named[0].name)\" has \(count)",
                location: source.map { .init(file: $0) })
        }
        self.names = named.map(\.name)
        self.positions = Dictionary(uniqueKeysWithValues: named.enumerated().map { ($1.name, $0) })
        self.columns = named.map(\.column)
        self.rowCount = count
        self.source = source
    }

    /// Convenience for literals: `try Frame(["x": .numeric([1, 2]), ...])` keeps the
    /// order written.
    public init(_ named: KeyValuePairs<String, Column>, source: String? = nil) throws {
        try self.init(columns: named.map { (name: $0.key, column: $0.value) }, source: source)
    }

    public subscript(name: String) -> Column? {
        guard let index = positions[name] else { return nil }
        return columns[index]
    }

    /// The column named `name`, or a diagnostic suggesting the nearest existing name.
    public func column(named name: String) throws -> Column {
        if let column = self[name] { return column }
        throw Diagnostic(
            .badFormula, "no column named \"\(name)\"",
            location: source.map { .init(file: $0) },
            suggestion: DiagnosticSuggestion.hint(for: name, in: names, kind: "column"))
    }

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.names == rhs.names && lhs.columns == rhs.columns
    }
}
