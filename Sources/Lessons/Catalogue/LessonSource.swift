import Foundation

/// The text of one lesson spec and where it came from.
public struct LessonSource: Sendable {
    public var name: String
    /// How messages name the file: a path, or `NAME.yaml (built in)`.
    public var file: String
    public var text: String
    /// Folder relative data paths are resolved against; nil for bundled lessons.
    public var baseDirectory: String?
    public var isBundled: Bool

    public func parse() throws -> LessonSpec {
        try LessonSpecParser.parse(yaml: text, file: file, name: name, baseDirectory: baseDirectory)
    }
}
