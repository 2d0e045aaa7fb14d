import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decides whether glmviz may replace what is at `OUT/NAME`. A render replaces
/// the lesson's folder whole, so it must be certain the folder and everything
/// in it are its own: a course's `data/` folder, a notes file or a symbolic
/// link that happens to sit where the output goes must never be deleted.
///
/// A folder is glmviz's when its `OutputMarker` names the lesson and lists
/// every file in it, or, for folders written before markers existed, when a
/// glmviz manifest records the lesson and every file is one a figure of it
/// makes. An empty folder holds nothing to lose.
enum OutputOwnership {
    enum Verdict: Equatable {
        /// Nothing is there.
        case absent
        /// glmviz's own folder (or an empty one): it may be replaced.
        case owned
        /// Something glmviz did not write; the reason is in words.
        case foreign(String)
    }

    static func verdict(for folder: URL, lesson: String, record: LessonRecord?) -> Verdict {
        var info = stat()
        guard lstat(folder.path, &info) == 0 else {
            // ENOTDIR: a parent is a file, so nothing is there (creating the
            // folder then fails with its own message).
            return errno == ENOENT || errno == ENOTDIR
                ? .absent : .foreign("cannot be inspected: \(String(cString: strerror(errno)))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: return .foreign("is a symbolic link")
        case S_IFREG: return .foreign("is a file")
        default: return .foreign("is a special file")
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return .foreign("cannot be listed: \(String(cString: strerror(errno)))")
        }
        let present = Set(entries).subtracting(OutputMarker.systemFiles)
        if present.isEmpty { return .owned }

        let known: (String) -> Bool
        if let marker = OutputMarker.read(in: folder) {
            guard marker.lesson == lesson else {
                return .foreign("holds the outputs of lesson '\(marker.lesson)', not '\(lesson)'")
            }
            let listed = Set(marker.files).union([OutputMarker.fileName])
            known = { listed.contains($0) }
        } else if let record {
            known = { name in name == "fits.json" || record.figures.keys.contains { Self.isOutput(name, ofFigure: $0) } }
        } else {
            return .foreign("is a folder glmviz did not write (it has no \(OutputMarker.fileName), and "
                            + "manifest.json has no entry for it)")
        }
        let strangers = present.filter { !known($0) || !isRegularFile(folder.appendingPathComponent($0)) }.sorted()
        guard strangers.isEmpty else {
            let shown = strangers.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            let more = strangers.count > 3 ? " and \(strangers.count - 3) more" : ""
            return .foreign("holds \(strangers.count == 1 ? "a file" : "files") glmviz did not write: \(shown)\(more)")
        }
        return .owned
    }

    /// Throws unless what is at `folder` may be replaced by lesson `lesson`'s outputs.
    static func refuseForeign(_ folder: URL, lesson: String, record: LessonRecord?) throws {
        guard case .foreign(let reason) = verdict(for: folder, lesson: lesson, record: record) else { return }
        throw LessonError(.cannotCreateOutput, file: folder.path,
                          message: "\(reason); glmviz replaces only what it wrote, so nothing was changed",
                          suggestion: "move it out of the way, rename the lesson's spec file, or choose another folder with --out")
    }

    /// Whether `name` is a file a figure called `figure` writes: an image or an export.
    static func isOutput(_ name: String, ofFigure figure: String) -> Bool {
        guard name.hasPrefix(figure + ".") else { return false }
        return ["png", "svg", "pdf", "gif", "myst.md", "tex"].contains(String(name.dropFirst(figure.count + 1)))
    }

    private static func isRegularFile(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Refuses an output folder that would hold or replace what the lesson reads
    /// or where it runs: its spec, its data, its course root, the working
    /// directory. Checked before anything is fitted, with paths resolved through
    /// symbolic links.
    static func refuseCollisions(final: URL, spec: LessonSpec, specFile: String?) throws {
        guard let target = resolved(final) else { return }
        var inputs: [(path: String, what: String)] = [
            (FileManager.default.currentDirectoryPath, "the working directory"),
        ]
        if let specFile {
            let specURL = URL(fileURLWithPath: specFile)
            inputs.append((specURL.path, "the lesson's spec"))
            let folder = specURL.deletingLastPathComponent().path
            inputs.append((folder, "the folder that holds the lesson's spec"))
            inputs.append((CourseRoot(specDirectory: folder).path, "the course folder"))
        }
        let base = spec.baseDirectory ?? FileManager.default.currentDirectoryPath
        for path in spec.inputFiles {
            inputs.append((URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base, isDirectory: true)).path,
                           "the lesson's data '\(path)'"))
        }
        for input in inputs {
            guard let real = resolved(URL(fileURLWithPath: input.path)),
                  CourseRoot.isPath(real, inside: target) else { continue }
            throw LessonError(.cannotCreateOutput, file: final.path,
                              message: "the output folder would replace \(input.what) ('\(input.path)')",
                              suggestion: "rename the lesson's spec file or choose another folder with --out")
        }
    }

    /// `url` with symbolic links resolved as far as it exists, the rest appended.
    static func resolved(_ url: URL) -> String? {
        var existing = url.standardizedFileURL
        var tail: [String] = []
        while CourseRoot.realPath(existing.path) == nil {
            guard existing.path != "/" else { return nil }
            tail.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        let head = CourseRoot.realPath(existing.path) ?? existing.path
        return tail.reduce(head) { ($0 == "/" ? "" : $0) + "/" + $1 }
    }
}
