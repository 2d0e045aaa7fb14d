import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so readers see either the old content or the new, never a
/// half: bytes go to a hidden temporary file in the target's directory (same
/// file system, so `rename` is atomic), are flushed, then renamed into place.
///
/// Figures (Plot), manifests, check reports and the gallery (Lessons) are all
/// written this way, so it lives below both rather than inside Plot.
public enum AtomicFile {
    /// Why a write failed: the path it was for and the C library's reason.
    /// The description reads like the message a user sees ("cannot write …").
    public struct Failure: Error, CustomStringConvertible, Equatable, Sendable {
        public var path: String
        public var message: String
        public var description: String { "cannot write \(path): \(message)" }
    }

    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure(path: url.path, message: String(cString: strerror(errno))) }
        var failure: String? = nil
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno)); return
                }
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil && rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw Failure(path: url.path, message: failure)
        }
    }
}
