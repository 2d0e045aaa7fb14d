import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Repairs an output root after runs that were killed: finishes or undoes each
/// journalled transaction, and removes the staging folders and temporary files
/// of processes that no longer run. Called with `OutputRootLock` held, so any
/// journal found belongs to a dead process.
///
/// Nothing is moved or removed unless it is provably the transaction's own:
/// hidden names only glmviz makes, and for the lesson folder itself the inode
/// the journal recorded.
enum OutputRecovery {
    static func repair(root: URL) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: root.path) else { return }
        var referenced: Set<String> = []
        for entry in entries.sorted() where entry.hasPrefix(OutputJournal.prefix) {
            let url = root.appendingPathComponent(entry)
            guard entry.hasSuffix(".json"), let data = manager.contents(atPath: url.path),
                  let journal = try? JSONDecoder().decode(OutputJournal.self, from: data) else { continue }
            referenced.formUnion([journal.staging, journal.retired, journal.pendingManifest])
            if exists(root.appendingPathComponent(journal.pendingManifest)) {
                rollBack(journal, root: root)
            } else {
                finish(journal, root: root)
            }
        }
        // Leftovers with no journal: staged folders and manifests of runs killed
        // before their journal was written, and retired folders of older glmviz
        // versions, which swapped without one.
        for entry in entries.sorted() where !referenced.contains(entry) && entry.hasPrefix(".") {
            guard let (kind, lesson, pid) = leftover(entry), !isRunning(pid) else { continue }
            let url = root.appendingPathComponent(entry)
            switch kind {
            case "partial", "pending", "tmp":
                try? manager.removeItem(at: url)
            default:
                let final = root.appendingPathComponent(lesson)
                if exists(final) { try? manager.removeItem(at: url) } else { try? manager.moveItem(at: url, to: final) }
            }
        }
    }

    /// After the commit point: removes what the swap left aside.
    static func finish(_ journal: OutputJournal, root: URL) {
        let retired = root.appendingPathComponent(journal.retired)
        if let previous = journal.previousInode, inode(of: retired) == previous {
            try? FileManager.default.removeItem(at: retired)
        }
        let staging = root.appendingPathComponent(journal.staging)
        if inode(of: staging) == journal.stagingInode { try? FileManager.default.removeItem(at: staging) }
        unlink(OutputJournal.url(in: root, lesson: journal.lesson).path)
        OutputTransaction.syncFolder(root)
    }

    /// Before the commit point: puts the previous folder back and throws the new one away.
    static func rollBack(_ journal: OutputJournal, root: URL) {
        let manager = FileManager.default
        let final = root.appendingPathComponent(journal.lesson)
        let staging = root.appendingPathComponent(journal.staging)
        let retired = root.appendingPathComponent(journal.retired)
        if inode(of: final) == journal.stagingInode {
            // The staged folder was already swapped in: it goes back aside first.
            _ = rename(final.path, staging.path)
        }
        if let previous = journal.previousInode, inode(of: retired) == previous, !exists(final) {
            _ = rename(retired.path, final.path)
        }
        if inode(of: staging) == journal.stagingInode { try? manager.removeItem(at: staging) }
        unlink(root.appendingPathComponent(journal.pendingManifest).path)
        unlink(OutputJournal.url(in: root, lesson: journal.lesson).path)
        OutputTransaction.syncFolder(root)
    }

    /// `(kind, lesson, pid)` for `.NAME.partial-PID-N`, `.NAME.retired-PID-N`,
    /// `.manifest.json.pending-PID-N`, and the temporary files of atomic writes
    /// at the root (`.FILE.PID.tmp` and `.FILE.PID.N.tmp`: the journal, the
    /// manifest, the gallery).
    static func leftover(_ entry: String) -> (String, String, pid_t)? {
        if entry.hasSuffix(".tmp") {
            // Only temporaries of the files glmviz writes at the root: with
            // `--out .` the root is the course folder, and a user's own
            // `.notes.123.tmp` there is not glmviz's to remove.
            let owners = [".\(OutputManifest.fileName).", ".\(HTMLGallery.fileName).", ".\(OutputJournal.prefix)"]
            guard owners.contains(where: entry.hasPrefix) else { return nil }
            let parts = entry.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 3 else { return nil }
            // The random suffix of `.FILE.PID.N.tmp` can exceed a pid's range:
            // tell the two forms apart by digits, then read the pid.
            func isNumber(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) }
            let last = parts[parts.count - 1], previous = parts[parts.count - 2]
            guard isNumber(last), let pid = pid_t(isNumber(previous) ? previous : last) else { return nil }
            return ("tmp", "", pid)
        }
        for kind in ["partial", "retired", "pending"] {
            guard let range = entry.range(of: ".\(kind)-", options: .backwards) else { continue }
            let lesson = String(entry[entry.index(after: entry.startIndex)..<range.lowerBound])
            if kind == "pending", lesson != OutputManifest.fileName { continue }
            guard let pid = pid_t(entry[range.upperBound...].prefix { $0 != "-" }) else { continue }
            return (kind, lesson, pid)
        }
        return nil
    }

    static func isRunning(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    static func inode(of url: URL) -> UInt64? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }
}
