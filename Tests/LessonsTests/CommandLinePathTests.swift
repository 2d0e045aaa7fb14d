import Foundation
import XCTest

/// Paths the catalogue in docs/errors.md cannot set up (symbolic links, paths
/// past PATH_MAX, the environment): each is run against the built `glmviz`,
/// and the exact message and exit status are checked, as the catalogue does.
final class CommandLinePathTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        try scratch.write(Data("""
            title: Demo
            data:
              builtin: toluca
            models:
              hours: work_hours ~ lot_size
            figures:
              simple-reg:
                kind: scatter-fit

            """.utf8), to: "lessons/demo.yaml")
    }

    override func tearDown() {
        scratch.remove()
    }

    private func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appendingPathComponent(path).path, withDestinationPath: target)
    }

    private func glmviz(_ arguments: [String], environment: [String: String] = [:]) throws -> GlmvizProcess.Result {
        var run = try GlmvizProcess.run(arguments, in: scratch.url, environment: environment)
        run.standardOutput = scratch.relativize(run.standardOutput)
        run.standardError = scratch.relativize(run.standardError)
        return run
    }

    /// Two links pointing at each other: ELOOP, formerly "lesson spec not found".
    func testASpecThatIsALinkLoopIsNamedAsSuch() throws {
        try link("a.yaml", to: "b.yaml")
        try link("b.yaml", to: "a.yaml")
        let run = try glmviz(["lesson", "a.yaml"])
        XCTAssertEqual(run.standardError, "a.yaml: is a symbolic-link loop (the links lead back to each other and never reach a file) — point the link at the spec itself (see 'ls -l a.yaml')\n")
        XCTAssertEqual(run.status, 66)

        let check = try glmviz(["check", "a.yaml"])
        XCTAssertTrue(check.standardOutput.contains("a.yaml: is a symbolic-link loop (the links lead back to each other and never reach a file)"),
                      check.standardOutput)
        XCTAssertEqual(check.status, 66)
    }

    /// A lesson in lessons/ whose file is a link loop is the author's lesson, not
    /// "no lesson named …".
    func testALessonNameWhoseSpecIsALinkLoopIsNamedAsSuch() throws {
        try link("lessons/loop.yaml", to: "loop.yaml")
        let run = try glmviz(["lesson", "loop"])
        XCTAssertEqual(run.standardError, "lessons/loop.yaml: is a symbolic-link loop (the links lead back to each other and never reach a file) — point the link at the spec itself (see 'ls -l lessons/loop.yaml')\n")
        XCTAssertEqual(run.status, 66)
    }

    func testADataFileThatIsALinkLoopIsNamedAsSuch() throws {
        try scratch.write(Data("""
            title: Demo
            data:
              csv: ../data/a.csv
            models:
              m: y ~ x
            figures:
              f:
                kind: scatter-fit

            """.utf8), to: "lessons/loop.yaml")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("data"), withIntermediateDirectories: true)
        try link("data/a.csv", to: "b.csv")
        try link("data/b.csv", to: "a.csv")
        let run = try glmviz(["lesson", "lessons/loop.yaml"])
        XCTAssertEqual(run.standardError, "lessons/loop.yaml:3:8: data file '../data/a.csv' is a symbolic-link loop (the links lead back to each other and never reach a file) — point the link at the CSV file itself\n")
        XCTAssertEqual(run.status, 66)
    }

    /// 25 names of 200 bytes: past PATH_MAX (4096 with the NUL). Foundation said
    /// "The file name is invalid."; nothing may be created.
    func testAnOutputPathPastPathMaxIsRefusedWithItsLength() throws {
        let long = Array(repeating: String(repeating: "b", count: 200), count: 25).joined(separator: "/")
        let run = try glmviz(["lesson", "demo", "--out", long])
        let bytes = scratch.url.path.utf8.count + 1 + long.utf8.count
        XCTAssertEqual(run.standardError, "\(long): cannot create the folder: the path is \(bytes) bytes long; Linux allows at most 4095 (PATH_MAX) — choose a shorter path with --out\n")
        XCTAssertEqual(run.status, 73)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent(String(repeating: "b", count: 200)).path))
    }

    func testACheckedOutputFolderPastNameMaxIsNotReportedMissing() throws {
        let name = String(repeating: "c", count: 256)
        let run = try glmviz(["check", "--out", name])
        XCTAssertEqual(run.standardError, "\(name): cannot read the committed outputs: the name 'cccccccccccccccccccccccc…' is 256 bytes long; Linux allows at most 255 bytes per name (NAME_MAX) — choose a shorter path with --out\n")
        XCTAssertEqual(run.standardOutput, "")
        XCTAssertEqual(run.status, 66)
    }

    func testAnOutputNamePastNameMaxIsRefusedWithItsLength() throws {
        let name = String(repeating: "r", count: 300)
        let run = try glmviz(["lesson", "demo", "--out", name])
        XCTAssertEqual(run.standardError, "\(name): cannot create the folder: the name 'rrrrrrrrrrrrrrrrrrrrrrrr…' is 300 bytes long; Linux allows at most 255 bytes per name (NAME_MAX) — choose a shorter path with --out\n")
        XCTAssertEqual(run.status, 73)
    }

    func testASpecPathPastPathMaxIsRefusedWithItsLength() throws {
        let long = Array(repeating: String(repeating: "s", count: 200), count: 21).joined(separator: "/") + "/x.yaml"
        let run = try glmviz(["lesson", long])
        XCTAssertEqual(run.standardError, "\(long): cannot open the lesson spec: the path is \(long.utf8.count) bytes long; Linux allows at most 4095 (PATH_MAX) — use a shorter path\n")
        XCTAssertEqual(run.status, 66)
    }

    /// A 250-byte spec name fits NAME_MAX, but its output folder's staging copy
    /// (`.NAME.staging-PID-RANDOM`) did not, and the failure was blamed on
    /// `--out` with Foundation's "The file name is invalid."
    func testALessonNameTooLongForItsStagingFolderIsRefusedUpFront() throws {
        let name = String(repeating: "n", count: 201)
        try scratch.write(try Data(contentsOf: scratch.url.appendingPathComponent("lessons/demo.yaml")), to: "lessons/\(name).yaml")
        let run = try glmviz(["lesson", name])
        XCTAssertEqual(run.standardError, "lessons/\(name).yaml: the lesson name (the file name without .yaml) is 201 bytes long; glmviz allows at most 200, since it becomes the output folder and the folder's staging copy must stay within the file system's 255-byte limit on names — rename the spec to something shorter\n")
        XCTAssertEqual(run.status, 65)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("output").path))
    }

    /// A read-only file system (EROFS) came out as "NSCocoaErrorDomain
    /// Code=642". Mounting one needs root; elsewhere the test is skipped.
    func testAReadOnlyFileSystemIsNamedInWords() throws {
        let mountPoint = scratch.url.appendingPathComponent("readonly")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        func tool(_ path: String, _ arguments: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        guard FileManager.default.isExecutableFile(atPath: "/bin/mount"),
              try tool("/bin/mount", ["-t", "tmpfs", "-o", "ro,size=64k", "none", mountPoint.path]) == 0 else {
            throw XCTSkip("cannot mount a read-only tmpfs here (needs root)")
        }
        defer { _ = try? tool("/bin/umount", [mountPoint.path]) }
        let run = try glmviz(["check", "lessons/demo.yaml", "--report", "readonly/report"])
        XCTAssertEqual(run.standardError, "readonly/report: cannot write the check report: Read-only file system — choose a writable folder with --report\n")
        XCTAssertEqual(run.status, 73)
    }

    /// TMPDIR naming a file: the scratch folder of `glmviz check` cannot be
    /// made. It used to be reported seven times, once per lesson, as an output
    /// folder that cannot be created, with the advice to change --out.
    func testABadTemporaryFolderIsBlamedOnTMPDIR() throws {
        try scratch.write(Data("not a folder\n".utf8), to: "tmpfile")
        let tmp = scratch.url.appendingPathComponent("tmpfile").path
        let run = try glmviz(["check"], environment: ["TMPDIR": tmp])
        XCTAssertEqual(run.standardError, "glmviz check: cannot create its scratch folder in the temporary folder 'tmpfile' (from TMPDIR): Not a directory — set TMPDIR to an existing, writable folder (e.g. TMPDIR=/tmp), or unset it to use /tmp\n")
        XCTAssertEqual(run.standardOutput, "")
        XCTAssertEqual(run.status, 73)
    }

    /// A TMPDIR where folders cannot be made (procfs refuses mkdir), as a
    /// read-only or foreign file system would.
    func testATemporaryFolderThatRefusesFoldersIsBlamedOnTMPDIR() throws {
        let run = try glmviz(["check"], environment: ["TMPDIR": "/proc"])
        XCTAssertEqual(run.standardError, "glmviz check: cannot create its scratch folder in the temporary folder '/proc' (from TMPDIR): No such file or directory — set TMPDIR to an existing, writable folder (e.g. TMPDIR=/tmp), or unset it to use /tmp\n")
        XCTAssertEqual(run.status, 73)
    }
}
