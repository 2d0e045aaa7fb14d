import Foundation

/// Writes one lesson's outputs into a fresh sibling folder and swaps it into
/// place only when everything is written, so a failure part-way leaves the
/// previous outputs untouched and no half-written files behind.
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
        Self.recoverLeftovers(root: root, name: name)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw LessonError(.cannotCreateOutput, file: root.path,
                              message: "cannot create the output folder: \(Self.reason(creating: root, error))",
                              suggestion: "check that the path is a writable directory or choose another with --out")
        }
    }

    /// Why `folder` cannot be created, in words: Foundation's own description of
    /// the error is often just an error domain and number.
    static func reason(creating folder: URL, _ error: Error) -> String {
        var ancestor = folder.standardizedFileURL
        while ancestor.path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { return "'\(ancestor.path)' is a file, not a folder" }
                if !FileManager.default.isWritableFile(atPath: ancestor.path) {
                    return "'\(ancestor.path)' is not writable"
                }
                break
            }
            ancestor.deleteLastPathComponent()
        }
        return error.localizedDescription
    }

    func url(for fileName: String) -> URL {
        staging.appendingPathComponent(fileName)
    }

    func write(_ data: Data, to fileName: String) throws {
        do {
            try data.write(to: url(for: fileName))
        } catch {
            throw LessonError(.cannotCreateOutput, file: final.appendingPathComponent(fileName).path,
                              message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Replaces the previous outputs with the staged ones.
    func commit() throws {
        let manager = FileManager.default
        let retired = final.deletingLastPathComponent()
            .appendingPathComponent(".\(final.lastPathComponent).retired-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            if manager.fileExists(atPath: final.path) { try manager.moveItem(at: final, to: retired) }
            try manager.moveItem(at: staging, to: final)
            try? manager.removeItem(at: retired)
        } catch {
            if !manager.fileExists(atPath: final.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: final)
            }
            discard()
            throw LessonError(.cannotCreateOutput, file: final.path,
                              message: "cannot move the new outputs into place: \(error.localizedDescription)")
        }
    }

    /// Cleans up after a run that was killed part-way (the only way the folders
    /// below can outlive their process): staging folders are deleted, and a retired
    /// folder goes back into place if the kill fell between the two renames of
    /// `commit()`. Folders of processes still running are left alone.
    static func recoverLeftovers(root: URL, name: String) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: root.path) else { return }
        let final = root.appendingPathComponent(name)
        for entry in entries.sorted() {
            for (marker, isStaging) in [(".\(name).partial-", true), (".\(name).retired-", false)]
            where entry.hasPrefix(marker) {
                let pidText = entry.dropFirst(marker.count).prefix { $0 != "-" }
                guard let pid = pid_t(pidText), !isRunning(pid) else { continue }
                let leftover = root.appendingPathComponent(entry)
                if !isStaging, !manager.fileExists(atPath: final.path) {
                    try? manager.moveItem(at: leftover, to: final)
                } else {
                    try? manager.removeItem(at: leftover)
                }
            }
        }
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// Removes the staging folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
