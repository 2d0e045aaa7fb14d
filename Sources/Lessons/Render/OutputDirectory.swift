import Foundation

/// Writes one lesson's outputs into a fresh sibling folder and swaps it into
/// place only when everything is written, so a failure part-way leaves the
/// previous outputs untouched and no half-written files behind.
struct OutputDirectory {
    let final: URL
    let staging: URL

    /// Prepares `root/name` for writing; nothing visible changes until `commit()`.
    init(root: URL, name: String) throws {
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
                              message: "cannot create the output folder: \(error.localizedDescription)",
                              suggestion: "check that the path is a writable directory or choose another with --out")
        }
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

    /// Removes the staging folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
