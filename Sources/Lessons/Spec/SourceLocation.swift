import Yams

/// A position in a spec file, carried by every parsed value so later stages
/// (formula parsing, data loading) can still point at the line that caused a problem.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    init(file: String, node: Node) {
        self.init(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// The location `offset` characters further along the same line; used to
    /// point inside a scalar such as a formula.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }

    public var description: String { "\(file):\(line):\(column)" }
}
