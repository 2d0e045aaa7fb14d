import Foundation
import Plot
#if canImport(Glibc)
import Glibc
import Support
#endif

/// Reads and updates `ROOT/manifest.json`. A render changes it only inside
/// `OutputTransaction`, together with the lesson's folder; `update` is for
/// changes to the manifest alone. Both hold `OutputRootLock` and land by an
/// atomic rename (so a reader never sees half a file).
public struct ManifestStore: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public var url: URL { root.appendingPathComponent(OutputManifest.fileName) }

    /// The manifest, or an empty one when the folder has none yet. A manifest
    /// that exists but cannot be read, or is not glmviz's, is an error: taking
    /// it for empty would drop every other lesson's entry on the next write.
    public func read() throws -> OutputManifest {
        let data: Data
        switch Self.contents(of: url) {
        case .absent: return OutputManifest()
        case .unreadable(let reason):
            throw LessonError(.cannotCreateOutput, file: url.path, message: "cannot read the manifest: \(reason)",
                              suggestion: "check its permissions")
        case .bytes(let bytes): data = bytes
        }
        let notOurs = LessonError(.cannotCreateOutput, file: url.path,
                                  message: "this manifest.json was not written by glmviz, which keeps its record of the outputs "
                                      + "under this name",
                                  suggestion: "move the file elsewhere, or choose another output folder with --out")
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["schema"] is NSNumber, object["lessons"] is [String: Any] else { throw notOurs }
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
            throw LessonError(.badData, file: url.path, message: "the manifest is damaged: \(Self.describe(error))",
                              suggestion: "delete it and re-render with 'glmviz lesson --all'")
        }
    }

    enum FileContents { case absent, unreadable(String), bytes(Data) }

    /// A file's bytes, telling a missing file from one that cannot be read.
    static func contents(of url: URL) -> FileContents {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            // ENOTDIR: a parent is a file, so there is no manifest (the output
            // folder's own check then says why it cannot be created).
            return errno == ENOENT || errno == ENOTDIR ? .absent : .unreadable(String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable(String(cString: strerror(errno)))
            }
            if count == 0 { return .bytes(data) }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Replaces one lesson's entry, leaving every other entry as it was.
    public func record(_ record: LessonRecord, for lesson: String) throws {
        try update { $0.lessons[lesson] = record }
    }

    /// Applies `change` to the current manifest and writes the result, under the
    /// output root's lock (`OutputRootLock`), so parallel renders and other
    /// glmviz processes never lose each other's entries.
    public func update(_ change: (inout OutputManifest) -> Void) throws {
        try OutputRootLock.withExclusiveLock(on: root) {
            var manifest = try read()
            change(&manifest)
            do {
                try AtomicFile.write([UInt8](try manifest.encoded()), to: url)
            } catch {
                throw LessonError(.cannotCreateOutput, file: url.path,
                                  message: "cannot write the manifest: \(OutputTransaction.describe(error))")
            }
        }
    }

    /// Decoding errors in words, naming the key path that failed, which is what
    /// a reader needs (the decoder's own text names Swift's `CodingKeys`).
    static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return OutputTransaction.describe(error) }
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        func place(_ keys: [CodingKey]) -> String { keys.isEmpty ? "" : "at \(path(keys)): " }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath))the key '\(key.stringValue)' is missing"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(place(context.codingPath))expected \(Self.typeName(type))"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "\(place(context.codingPath))\(underlying ?? "not valid JSON")"
        @unknown default:
            return "not valid JSON"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "a list"
        default: return "an object"
        }
    }
}
