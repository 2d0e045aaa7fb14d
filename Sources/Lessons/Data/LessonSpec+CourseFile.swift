import Foundation

extension LessonSpec {
    /// A path the spec names (a CSV, an event file, an image) as a URL, relative
    /// to the spec's folder, refused at `location` when it lies outside the
    /// course root (`CourseRoot`) unless `--allow-outside-root` was given.
    /// `what` names the file in the message ("data file"), `kind` what to keep
    /// inside the course folder ("data").
    func courseFile(_ path: String, what: String, kind: String, at location: SourceLocation) throws -> URL {
        let base = baseDirectory ?? FileManager.default.currentDirectoryPath
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL
        let root = CourseRoot(specDirectory: base)
        guard allowsPathsOutsideCourseRoot || root.contains(url) else {
            throw LessonError(.badSpec, at: location,
                              message: "\(what) '\(path)' lies outside the course root '\(root.displayName)'",
                              suggestion: "keep \(kind) inside the course folder (paths are relative to the spec's folder), "
                                  + "or pass --allow-outside-root if you trust this spec")
        }
        return url
    }
}
