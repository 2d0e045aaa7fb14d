import Foundation

/// Writes one lesson's outputs into a fresh hidden sibling folder; `commit`
/// swaps it into place (see `OutputTransaction`) only when everything is
/// written, so a failure part-way leaves the previous outputs untouched and no
/// half-written files behind.
struct OutputDirectory {
    let final: URL
    let staging: URL

    /// Prepares `root/name` for writing; nothing visible changes until `commit()`.
    init(root: URL, name: String) throws {
        // The name comes from the spec's file name; it must stay one plain folder
        // inside the root (a spec saved as `..yaml` must not replace the root itself).
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\u{0}") else {
            throw LessonError(.badSpec, file: name.isEmpty ? "(unnamed lesson)" : name,
                              message: "the lesson name '\(name)' cannot be used as an output folder name",
                              suggestion: "rename the spec file to something like 'my-lesson.yaml'")
        }
        final = root.appendingPathComponent(name, isDirectory: true)
        staging = root.appendingPathComponent(".\(name).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))",
                                              isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw LessonError(.cannotCreateOutput, file: root.path, message: "the output root is a file, not a folder",
                              suggestion: "choose a folder with --out")
        }
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw LessonError(.cannotCreateOutput, file: root.path,
                              message: "cannot create the output folder: \(SystemErrorText.words(creatingFolder: root.path, error: error))",
                              suggestion: "check that the path is a writable directory or choose another with --out")
        }
    }

    func url(for fileName: String) -> URL {
        staging.appendingPathComponent(fileName)
    }

    func write(_ data: Data, to fileName: String) throws {
        do {
            try OutputTransaction.writeNew(data, to: url(for: fileName), flush: false)
        } catch {
            throw LessonError(.cannotCreateOutput, file: final.appendingPathComponent(fileName).path,
                              message: OutputTransaction.describe(error),
                              suggestion: "check the free space and permissions of '\(final.deletingLastPathComponent().path)'")
        }
    }

    /// Writes the marker listing `files`, then swaps the staged folder into
    /// place and records `record` in the manifest, as one transaction.
    func commit(files: [String], record: LessonRecord) throws {
        try write(OutputMarker(lesson: final.lastPathComponent, files: files).encoded(), to: OutputMarker.fileName)
        try OutputTransaction(root: final.deletingLastPathComponent(), lesson: final.lastPathComponent, staging: staging)
            .commit(record)
    }

    /// Removes the staging folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
