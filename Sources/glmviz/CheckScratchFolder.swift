import Foundation
import ArgumentParser
import Lessons

/// The folder `glmviz check` renders into, under the temporary folder. It is
/// created here, before any lesson is rendered, so that a bad TMPDIR (unset
/// to an unwritable /tmp, pointing nowhere, read-only) is reported as a TMPDIR
/// problem and not as an output folder that cannot be created, which would send
/// the user to `--out`.
enum CheckScratchFolder {
    static func create() throws -> URL {
        let variable = ProcessInfo.processInfo.environment["TMPDIR"]
        let base = FileManager.default.temporaryDirectory
        let scratch = base.appendingPathComponent(
            "glmviz-check-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        // Not `withIntermediateDirectories`: a TMPDIR that does not exist is an error, not something to create.
        if mkdir(scratch.path, 0o700) == 0 { return scratch }
        let cause = SystemErrorText.words(errno: errno)
        let origin = variable.map { $0.isEmpty ? "TMPDIR is empty" : "from TMPDIR" } ?? "TMPDIR is not set"
        let message = "glmviz check: cannot create its scratch folder in the temporary folder '\(base.path)' (\(origin)): \(cause)"
            + " — set TMPDIR to an existing, writable folder (e.g. TMPDIR=/tmp), or unset it to use /tmp"
        FileHandle.standardError.write(Data((message + "\n").utf8))
        throw ExitCode(LessonExitStatus.cannotCreateOutput)
    }
}
