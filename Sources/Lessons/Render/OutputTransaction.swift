import Foundation
import Support
#if canImport(Glibc)
import Glibc
#endif

/// Puts a staged lesson folder and the manifest entry that describes it into
/// place as one transaction: afterwards either both are new or both are as
/// they were, whatever fails and wherever the process is killed.
///
/// Under `OutputRootLock`:
/// 1. the manifest is read (a foreign one refuses the render before anything
///    moves) and what is at `OUT/NAME` is checked to be glmviz's (`OutputOwnership`);
/// 2. the new manifest is written beside the old one, flushed;
/// 3. a journal naming the staged, previous and pending files is written;
/// 4. the previous folder is renamed aside, the staged one into place;
/// 5. the new manifest is renamed over the old one: the commit point;
/// 6. the previous folder and the journal are removed.
/// A failure before step 5 undoes steps 2–4 at once; a kill leaves the journal,
/// and the next command that takes the lock (`lesson` or `check`) finishes the
/// transaction if step 5 happened and undoes it otherwise (`OutputRecovery`).
/// Every rename is within one folder, so each is atomic.
struct OutputTransaction {
    let root: URL
    let lesson: String
    let staging: URL

    var final: URL { root.appendingPathComponent(lesson, isDirectory: true) }

    /// Swaps `staging` into place as `OUT/NAME` and records `record` for it.
    func commit(_ record: LessonRecord) throws {
        try OutputRootLock.withExclusiveLock(on: root) {
            OutputRecovery.repair(root: root)
            let store = ManifestStore(root: root)
            var manifest = try store.read()
            try OutputOwnership.refuseForeign(final, lesson: lesson, record: manifest.lessons[lesson])
            manifest.lessons[lesson] = record
            try swap(in: manifest)
        }
    }

    private func swap(in manifest: OutputManifest) throws {
        let suffix = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var journal = OutputJournal(lesson: lesson, staging: staging.lastPathComponent,
                                    retired: ".\(lesson).retired-\(suffix)",
                                    pendingManifest: ".\(OutputManifest.fileName).pending-\(suffix)",
                                    stagingInode: try Self.inode(of: staging), previousInode: nil)
        let manifestURL = root.appendingPathComponent(OutputManifest.fileName)
        let pending = root.appendingPathComponent(journal.pendingManifest)
        let retired = root.appendingPathComponent(journal.retired)
        var committed = false
        do {
            try Self.writeNew(try manifest.encoded(), to: pending)
            try FaultInjection.reach(.manifestStaged)
            journal.previousInode = try? Self.inode(of: final)
            try AtomicFile.write([UInt8](journal.encoded()), to: OutputJournal.url(in: root, lesson: lesson))
            try FaultInjection.reach(.journalWritten)
            if journal.previousInode != nil {
                try Self.rename(final, to: retired)
                try FaultInjection.reach(.previousRetired)
            }
            try Self.rename(staging, to: final)
            try FaultInjection.reach(.folderSwapped)
            try Self.rename(pending, to: manifestURL)
            committed = true
            Self.syncFolder(root)
            try FaultInjection.reach(.manifestCommitted)
            OutputRecovery.finish(journal, root: root)
            try FaultInjection.reach(.previousRemoved)
        } catch {
            if committed {
                // The new outputs and manifest are in place; only tidying failed,
                // and the next command finishes it from the journal.
                return
            }
            OutputRecovery.rollBack(journal, root: root)
            throw LessonError(.cannotCreateOutput, file: final.path,
                              message: "cannot put the new outputs in place: \(Self.describe(error)); "
                                  + "the previous outputs and manifest are unchanged",
                              suggestion: "check the free space and permissions of '\(root.path)'")
        }
    }

    /// An error in words (see `SystemErrorText`), including this file's own.
    static func describe(_ error: Error) -> String {
        if let error = error as? POSIXFailure { return error.description }
        if let error = error as? FaultInjection.InjectedFailure { return error.description }
        if let error = error as? AtomicFile.Failure { return error.message }
        return SystemErrorText.words(for: error)
    }

    struct POSIXFailure: Error, CustomStringConvertible {
        var what: String
        var code: Int32
        var description: String { "\(what): \(String(cString: strerror(code)))" }
    }

    static func inode(of url: URL) throws -> UInt64 {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { throw POSIXFailure(what: "cannot inspect '\(url.path)'", code: errno) }
        return UInt64(info.st_ino)
    }

    static func rename(_ from: URL, to: URL) throws {
        guard Glibc.rename(from.path, to.path) == 0 else {
            throw POSIXFailure(what: "cannot rename '\(from.lastPathComponent)' to '\(to.lastPathComponent)'", code: errno)
        }
    }

    /// Writes `bytes` to a new file, flushed to disk unless `flush` is false
    /// (files inside a staged folder: a kill keeps what the kernel holds, and
    /// flushing each figure would slow every render). Atomic replacement of an
    /// existing file goes through `AtomicFile` instead.
    static func writeNew(_ bytes: Data, to url: URL, flush: Bool = true) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXFailure(what: "cannot create '\(url.lastPathComponent)'", code: errno) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, flush, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(url.path)
            throw POSIXFailure(what: "cannot write '\(url.lastPathComponent)'", code: failure)
        }
    }

    /// Flushes a folder's entries, so renames in it survive a power cut.
    static func syncFolder(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
