import Foundation

/// The folder a lesson spec may read data from. Specs arrive in pull requests and
/// run in CI, so a spec must not be able to read `/etc/passwd` or a secret two
/// folders up and have it echoed in an error message or a figure.
///
/// The root is the folder that holds the spec's `lessons/` folder when the spec
/// lives in one (so `lessons/a.yaml` may read `../data/a.csv`), otherwise the
/// spec's own folder. Bundled lessons use the working directory.
public struct CourseRoot: Sendable, Equatable {
    /// The root as a standardized absolute path.
    public let path: String

    public init(path: String) {
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The course root of a spec in `specDirectory`.
    public init(specDirectory: String) {
        let folder = URL(fileURLWithPath: specDirectory).standardizedFileURL
        self.init(path: folder.lastPathComponent == "lessons" ? folder.deletingLastPathComponent().path : folder.path)
    }

    /// Whether `url` lies inside the root, both as written and after following
    /// symbolic links (a link inside the root that points out does not count).
    public func contains(_ url: URL) -> Bool {
        let lexical = url.standardizedFileURL.path
        guard Self.isPath(lexical, inside: path) else { return false }
        let realRoot = Self.realPath(path) ?? path
        guard let realTarget = Self.realPath(lexical) else {
            // A file that does not exist cannot leak anything; the caller reports it missing.
            return true
        }
        return Self.isPath(realTarget, inside: realRoot)
    }

    /// How messages show the root: relative to the working directory when inside it.
    public var displayName: String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if path == current { return "." }
        if Self.isPath(path, inside: current) { return String(path.dropFirst(current.count + (current == "/" ? 0 : 1))) }
        return path
    }

    static func isPath(_ candidate: String, inside root: String) -> Bool {
        if candidate == root { return true }
        return candidate.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
