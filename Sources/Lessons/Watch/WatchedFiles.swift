import Foundation

/// The files a lesson is built from — its spec and any CSV data it names —
/// and a snapshot of their modification times and sizes, to notice an edit.
public struct WatchedFiles: Equatable, Sendable {
    public var paths: [String]

    /// The spec's own file and the CSV files its data blocks name. A spec that
    /// no longer parses is still watched, so fixing it triggers a render.
    public init(_ source: LessonSource) {
        var paths: [String] = []
        if !source.isBundled {
            // `file` is how messages name the spec (maybe relative to another
            // folder); the spec itself sits in `baseDirectory`.
            let name = URL(fileURLWithPath: source.file).lastPathComponent
            let folder = source.baseDirectory ?? FileManager.default.currentDirectoryPath
            paths.append(URL(fileURLWithPath: folder).appendingPathComponent(name).standardizedFileURL.path)
        }
        if let spec = try? source.parse() {
            let base = spec.baseDirectory ?? FileManager.default.currentDirectoryPath
            for path in spec.inputFiles {
                let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                    : URL(fileURLWithPath: base).appendingPathComponent(path)
                paths.append(url.standardizedFileURL.path)
            }
        }
        var seen = Set<String>()
        self.paths = paths.filter { seen.insert($0).inserted }
    }

    /// What each file looks like now; a missing file is recorded as missing,
    /// so deleting and re-creating it also counts as a change.
    public func snapshot() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for path in paths { stamps[path] = FileStamp(path: path) }
        return stamps
    }
}

/// A file's modification time and size, or its absence.
public struct FileStamp: Equatable, Sendable {
    public var modified: Date?
    public var size: Int?

    public init(path: String) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        modified = attributes?[.modificationDate] as? Date
        size = (attributes?[.size] as? NSNumber)?.intValue
    }
}
