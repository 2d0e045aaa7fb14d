import Foundation
import Plot
#if canImport(Glibc)
import Glibc
import Support
#endif

/// Reads and updates `ROOT/manifest.json`. Each update is a read-modify-write
/// under an exclusive lock on the output folder (so `glmviz lesson --all`,
/// which renders in parallel, and two glmviz processes never lose each other's
/// entries) and lands by an atomic rename (so a reader never sees half a file).
public struct ManifestStore: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public var url: URL { root.appendingPathComponent(OutputManifest.fileName) }

    /// The manifest, or an empty one when the folder has none yet.
    public func read() throws -> OutputManifest {
        guard let data = FileManager.default.contents(atPath: url.path) else { return OutputManifest() }
        do {
            let manifest = try JSONDecoder().decode(OutputManifest.self, from: data)
            guard manifest.schema == OutputManifest.currentSchema else {
                throw LessonError(.badData, file: url.path,
                                  message: "manifest schema \(manifest.schema) is not the one this glmviz writes (\(OutputManifest.currentSchema))",
                                  suggestion: "re-render with 'glmviz lesson --all' to rewrite it")
            }
            return manifest
        } catch let error as LessonError {
            throw error
        } catch {
            throw LessonError(.badData, file: url.path, message: "not a glmviz manifest: \(Self.describe(error))",
                              suggestion: "delete it and re-render with 'glmviz lesson --all'")
        }
    }

    /// Replaces one lesson's entry, leaving every other entry as it was.
    public func record(_ record: LessonRecord, for lesson: String) throws {
        try update { $0.lessons[lesson] = record }
    }

    /// Applies `change` to the current manifest and writes the result.
    public func update(_ change: (inout OutputManifest) -> Void) throws {
        try withExclusiveLock {
            var manifest = try read()
            change(&manifest)
            do {
                try AtomicFile.write([UInt8](manifest.encoded()), to: url)
            } catch {
                throw LessonError(.cannotCreateOutput, file: url.path, message: "cannot write the manifest: \(error)")
            }
        }
    }

    /// Serialises updates: an in-process lock for the parallel renders of one
    /// run, and `flock` on the output folder itself (which, unlike the manifest,
    /// is never replaced) for other processes.
    private func withExclusiveLock<T>(_ body: () throws -> T) throws -> T {
        Self.processLock.lock()
        defer { Self.processLock.unlock() }
        let descriptor = open(root.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else {
            throw LessonError(.cannotCreateOutput, file: root.path,
                              message: "cannot open the output folder to update the manifest: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw LessonError(.cannotCreateOutput, file: root.path,
                                  message: "cannot lock the output folder: \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    private static let processLock = NSLock()

    /// Decoding errors name the key path that failed, which is what a reader needs.
    static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
             .valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? context.debugDescription : "at \(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
