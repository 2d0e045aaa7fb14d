import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one lock under which anything at an output root changes: a lesson
/// folder swapped into place, `manifest.json` rewritten, a killed run repaired.
///
/// It is `flock` on the output folder itself (which, unlike its contents, is
/// never replaced), so other glmviz processes wait, plus an in-process lock for
/// the parallel renders of `lesson --all` (two descriptors of one process would
/// otherwise block each other). The kernel drops a `flock` when its process
/// dies, so whoever holds the lock knows that any journal it finds belongs to
/// a run that was killed, and can repair it.
enum OutputRootLock {
    private static let processLock = NSLock()

    /// Runs `body` holding the lock on `root`, which must exist.
    static func withExclusiveLock<T>(on root: URL, _ body: () throws -> T) throws -> T {
        processLock.lock()
        defer { processLock.unlock() }
        let descriptor = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw LessonError(.cannotCreateOutput, file: root.path,
                              message: "cannot open the output folder to lock it: \(String(cString: strerror(errno)))",
                              suggestion: "check that the path is a writable folder or choose another with --out")
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
}
