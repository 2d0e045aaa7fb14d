import Foundation

/// A course repository: the folder that holds the author's `lessons/` (or a
/// `course.yaml`), found from any folder inside it the way git finds its
/// repository, so `glmviz check` run from `lessons/` or `book/` checks the
/// course and writes `output/` and `check-report/` where they belong.
public struct Course: Sendable, Equatable {
    /// The course's top folder, standardized.
    public let root: URL

    /// The folder of the course's lesson specs.
    public var lessonsFolder: URL { root.appendingPathComponent("lessons", isDirectory: true) }

    /// Where rendered outputs go unless `--out` says otherwise.
    public var defaultOutput: URL { root.appendingPathComponent("output", isDirectory: true) }

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

    static func isCourse(_ folder: URL) -> Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent(markerName).path) { return true }
        let lessons = folder.appendingPathComponent("lessons", isDirectory: true).path
        let specs = (try? manager.contentsOfDirectory(atPath: lessons)) ?? []
        return specs.contains { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
    }
}
