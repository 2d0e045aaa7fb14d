import Foundation

/// What an `OutputTransaction` in progress is doing, written before its first
/// rename: enough for the next command to finish or undo it after a kill.
/// Names are entries of the output root; the inodes let recovery make sure a
/// folder it moves or removes is the very one the transaction staged or
/// retired, and not something put there since.
struct OutputJournal: Codable, Equatable {
    var lesson: String
    /// The staged folder (`.NAME.partial-…`), renamed to `NAME` at step 4.
    var staging: String
    /// Where the previous `NAME` goes at step 4 (`.NAME.retired-…`).
    var retired: String
    /// The new manifest (`.manifest.json.pending-…`); once it is gone, it was
    /// renamed over `manifest.json` and the transaction has committed.
    var pendingManifest: String
    var stagingInode: UInt64
    /// The inode of the previous `NAME` folder, nil when there was none.
    var previousInode: UInt64?

    static let prefix = ".glmviz-journal-"

    static func url(in root: URL, lesson: String) -> URL {
        root.appendingPathComponent("\(prefix)\(lesson).json")
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }
}
