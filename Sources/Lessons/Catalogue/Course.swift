import Foundation
import Yams

/// A course repository: the folder that holds the author's `lessons/` (or a
/// `course.yaml`), found from any folder inside it the way git finds its
/// repository, so `glmviz check` run from `lessons/` or `book/` checks the
/// course and writes `output/` and `check-report/` where they belong.
public struct Course: Sendable, Equatable {
    /// The course's top folder, standardized.
    public let root: URL

    /// The folder of the course's lesson specs.
    public var lessonsFolder: URL { root.appendingPathComponent("lessons", isDirectory: true) }

    /// Where rendered outputs go unless `--out` says otherwise: `course.yaml`'s
    /// `output`, else `output/`.
    public func defaultOutput(_ settings: CourseSettings) -> URL {
        root.appendingPathComponent(settings.output ?? "output", isDirectory: true)
    }

    /// Where a failed check's report goes unless `--report` says otherwise.
    public var defaultReport: URL { root.appendingPathComponent("check-report", isDirectory: true) }

    /// The marker file an author may add to make a folder a course before it
    /// has any lesson.
    public static let markerName = "course.yaml"

    /// The nearest folder at or above `directory` that is a course: it holds
    /// `course.yaml`, or a `lessons/` folder with at least one `.yaml` spec.
    /// The search stops at the top of a git repository (a folder with `.git`),
    /// so a stray `lessons/` above the repository is never taken for it, and
    /// at the file system's root.
    public static func find(from directory: String) -> Course? {
        var folder = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let manager = FileManager.default
        while true {
            if isCourse(folder) { return Course(root: folder) }
            if manager.fileExists(atPath: folder.appendingPathComponent(".git").path) { return nil }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// What `course.yaml` says, or the defaults when there is none. It may say
    /// where the outputs go (`output: book/figures`, relative to the course's
    /// top), so that `glmviz lesson --all` and `glmviz check` need no `--out`
    /// when the figures live inside the book.
    public func settings() throws -> CourseSettings {
        let file = root.appendingPathComponent(Self.markerName)
        guard let data = FileManager.default.contents(atPath: file.path) else { return CourseSettings() }
        let shown = LessonCatalogue.shown(file.path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(.badSpec, file: shown, line: 1, column: 1, message: "course.yaml is not UTF-8 text",
                              suggestion: "re-save it as UTF-8")
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text, .basic) } catch let error as YamlError {
            throw LessonSpecParser.yamlError(error, yaml: text, file: shown)
        }
        guard let node else { return CourseSettings() }
        let mapping = try SpecNode(node: node, file: shown).mapping("course.yaml")
        try mapping.allowOnly(["output"])
        var settings = CourseSettings()
        if let value = mapping["output"] {
            let path = try value.string("'output' (the folder outputs go to, relative to the course)")
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw value.fail("'output' must be a folder inside the course, relative to course.yaml, found '\(path)'",
                                 suggestion: "e.g. output: book/figures")
            }
            settings.output = path
        }
        return settings
    }

    static func isCourse(_ folder: URL) -> Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent(markerName).path) { return true }
        let lessons = folder.appendingPathComponent("lessons", isDirectory: true).path
        let specs = (try? manager.contentsOfDirectory(atPath: lessons)) ?? []
        return specs.contains { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
    }
}

/// A course's `course.yaml`.
public struct CourseSettings: Sendable, Equatable {
    /// The output folder, relative to the course's top.
    public var output: String?

    public init(output: String? = nil) { self.output = output }
}
