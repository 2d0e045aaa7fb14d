import Foundation
import Lessons
import XCTest

/// The output folder and the manifest change together or not at all, and
/// glmviz never replaces what it did not write. Each test runs the built
/// binary in a scratch course, as a course's CI would, and compares whole
/// output trees byte for byte.
final class ReliabilityTransactionTests: XCTestCase {
    var course: ScratchFolder!
    /// The output trees (path → bytes) of spec versions A and B rendered cleanly,
    /// without `index.html`, which is not part of a lesson's transaction.
    var treeA: [String: Data] = [:], treeB: [String: Data] = [:]

    static func spec(caption: String, width: Int) -> String {
        """
        title: Transaction
        data:
          columns:
            x: [1, 2, 3, 4, 5]
            y: [2.1, 3.9, 6.2, 7.8, 10.1]
        models:
          m: y ~ x
        figures:
          fit:
            kind: scatter-fit
            caption: \(caption)
            options:
              width: \(width)
              height: 200
        """
    }

    override func setUpWithError() throws {
        course = try ScratchFolder()
        for (caption, width) in [("Version A", 300), ("Version B", 320)] {
            try course.write(Data(Self.spec(caption: caption, width: width).utf8), to: "lessons/t.yaml")
            try run(["lesson", "t"], expect: 0)
            if caption.hasSuffix("A") {
                treeA = try tree()
                try FileManager.default.copyItem(at: out, to: course.url.appendingPathComponent("reference-a"))
            } else {
                treeB = try tree()
            }
        }
        XCTAssertNotEqual(treeA, treeB)
        XCTAssertEqual(Set(treeA.keys), ["manifest.json", "t/.glmviz-output.json", "t/fit.png", "t/fit.svg",
                                        "t/fit.myst.md", "t/fits.json"])
    }

    override func tearDown() { course.remove() }

    var out: URL { course.url.appendingPathComponent("output") }

    /// Puts version A's outputs back and the spec at version B: a render of B is due.
    func resetToA() throws {
        try FileManager.default.removeItem(at: out)
        try FileManager.default.copyItem(at: course.url.appendingPathComponent("reference-a"), to: out)
        XCTAssertEqual(try tree(), treeA)
    }

    /// Every file under the output root (hidden ones included) except the gallery.
    func tree(_ root: URL? = nil) throws -> [String: Data] {
        let root = root ?? out
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return files }
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue && path != "index.html" { files[path] = try Data(contentsOf: url) }
        }
        return files
    }

    @discardableResult
    func run(_ arguments: [String], expect status: Int32? = nil, environment: [String: String] = [:],
             file: StaticString = #filePath, line: UInt = #line) throws -> GlmvizProcess.Result {
        let result = try GlmvizProcess.run(arguments, in: course.url, environment: environment)
        if let status { XCTAssertEqual(result.status, status, result.output, file: file, line: line) }
        return result
    }

    func describe(_ tree: [String: Data]) -> String {
        tree == treeA ? "A" : tree == treeB ? "B" : "neither A nor B: \(tree.keys.sorted())"
    }

    // MARK: Failures and kills

    static let stepsBeforeCommit = ["manifest-staged", "journal-written", "previous-retired", "folder-swapped"]
    static let stepsAfterCommit = ["manifest-committed", "previous-removed"]

    func testAFailureAtAnyStepBeforeTheCommitLeavesTheOutputsByteIdentical() throws {
        for step in Self.stepsBeforeCommit {
            try resetToA()
            let result = try run(["lesson", "t"], expect: 73, environment: ["GLMVIZ_TEST_FAULT": "\(step):fail"])
            XCTAssertEqual(course.relativize(result.standardError),
                           "output/t: cannot put the new outputs in place: injected failure at step \(step); the previous "
                           + "outputs and manifest are unchanged — check the free space and permissions of 'output'\n", step)
            XCTAssertEqual(describe(try tree()), "A", step)
        }
    }

    func testAFailureAfterTheCommitLeavesTheNewOutputs() throws {
        for step in Self.stepsAfterCommit {
            try resetToA()
            try run(["lesson", "t"], expect: 0, environment: ["GLMVIZ_TEST_FAULT": "\(step):fail"])
            try run(["check", "t"], expect: 0)
            XCTAssertEqual(describe(try tree()), "B", step)
        }
    }

    /// 30 kill points: every step of the transaction, with the repair left to
    /// `check` and to `lesson` in turn, then kills at random moments while each
    /// step pauses, so they fall between and inside steps.
    func testAKilledRenderIsRepairedOrRolledBackByTheNextCommand() throws {
        // Seeded, so the random kill times are the same every run.
        var generator = Xoshiro256StarStar(seed: 20261201)
        var points: [(fault: String, delay: Double?)] = []
        for step in Self.stepsBeforeCommit + Self.stepsAfterCommit {
            points.append(("\(step):kill", nil))
            points.append(("\(step):kill", nil))
        }
        while points.count < 30 { points.append(("any:pause-25", Double(generator.next() % 300) / 1000)) }

        var outcomes: [String: Int] = [:]
        for (index, point) in points.enumerated() {
            try resetToA()
            let killed = try startAndKill(["lesson", "t"], fault: point.fault, after: point.delay)
            let repairWithCheck = index % 2 == 0
            if repairWithCheck {
                let check = try run(["check", "t"])
                let state = describe(try tree())
                XCTAssert(state == "A" || state == "B", "\(point): \(state)")
                XCTAssertEqual(check.status, state == "B" ? 0 : 1, "\(point): \(check.output)")
                outcomes["\(killed ? "killed" : "finished") → \(state)", default: 0] += 1
            } else {
                try run(["lesson", "t"], expect: 0)
                XCTAssertEqual(describe(try tree()), "B", "\(point)")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path)
                .filter { $0.hasPrefix(".") }
            XCTAssertEqual(leftovers, [], "\(point): nothing of the killed run may remain after the next command")
        }
        // Both ends of the transaction were reached by kills.
        XCTAssertGreaterThan(outcomes["killed → A"] ?? 0, 0, "\(outcomes)")
        XCTAssertGreaterThan(outcomes["killed → B"] ?? 0, 0, "\(outcomes)")
    }

    /// Starts glmviz and sends SIGKILL after `delay` seconds (or lets the fault
    /// kill it). Returns whether it died by the signal.
    func startAndKill(_ arguments: [String], fault: String, after delay: Double?) throws -> Bool {
        let process = Process()
        process.executableURL = GlmvizProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = course.url
        process.environment = ProcessInfo.processInfo.environment.merging(["GLMVIZ_TEST_FAULT": fault]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    func testTwoConcurrentRendersLeaveFolderAndManifestAgreeing() throws {
        // Two specs of the same lesson, in two course folders, write one output root.
        let other = course.url.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other.appendingPathComponent("lessons"),
                                                withIntermediateDirectories: true)
        try Data(Self.spec(caption: "Version A", width: 300).utf8)
            .write(to: other.appendingPathComponent("lessons/t.yaml"))
        var winners: Set<String> = []
        for pair in 0..<20 {
            let processes = [course.url.appendingPathComponent("lessons/t.yaml"), other.appendingPathComponent("lessons/t.yaml")]
                .map { spec -> Process in
                    let process = Process()
                    process.executableURL = GlmvizProcess.executable
                    process.arguments = ["lesson", spec.path, "--out", out.path]
                    process.currentDirectoryURL = course.url
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                    return process
                }
            for process in processes { try process.run() }
            for process in processes {
                process.waitUntilExit()
                XCTAssertEqual(process.terminationStatus, 0, "pair \(pair)")
            }
            let state = describe(try tree())
            XCTAssert(state == "A" || state == "B", "pair \(pair): \(state)")
            winners.insert(state)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }, [])
        // Which one finishes last is up to the scheduler; either way the tree is whole.
        XCTAssertFalse(winners.isEmpty)
    }

    /// A real full disk: a 120 KB tmpfs holds version A but not A and B's
    /// staged copy side by side. Needs the right to mount (root in CI).
    func testAFullDiskKeepsThePreviousOutputs() throws {
        let mountPoint = course.url.appendingPathComponent("small-disk")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=120k", "tmpfs", mountPoint.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { throw XCTSkip("no mount command") }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("mounting a tmpfs needs privileges this run lacks") }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [mountPoint.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        try course.write(Data(Self.spec(caption: "Version A", width: 300).utf8), to: "lessons/t.yaml")
        try run(["lesson", "t", "--out", "small-disk"], expect: 0)
        let before = try tree(mountPoint)
        try course.write(Data(Self.spec(caption: "Version B", width: 1200).utf8), to: "lessons/t.yaml")
        let result = try run(["lesson", "t", "--out", "small-disk", "--format", "png,svg,pdf"], expect: 73)
        XCTAssertTrue(result.standardError.contains("No space left on device"), result.standardError)
        XCTAssertEqual(try tree(mountPoint), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).sorted(),
                       ["index.html", "manifest.json", "t"])
    }

    // MARK: What glmviz did not write

    func testALessonNamedLikeTheCoursesDataFolderIsRefusedUpFront() throws {
        try course.write(Data("x,y\n1,2\n2,4.1\n3,5.9\n".utf8), to: "data/d.csv")
        try course.write(Data("my notes\n".utf8), to: "data/notes.txt")
        try course.write(Data("title: D\ndata:\n  csv: ../data/d.csv\nmodels:\n  m: y ~ x\nfigures:\n  f:\n    kind: scatter-fit\n".utf8),
                         to: "lessons/data.yaml")
        let before = try tree(course.url.appendingPathComponent("data"))
        let result = try run(["lesson", "data", "--out", "."], expect: 73)
        XCTAssertEqual(course.relativize(result.standardError),
                       "data: the output folder would replace the lesson's data '../data/d.csv' ('data/d.csv') "
                       + "— rename the lesson's spec file or choose another folder with --out\n")
        XCTAssertEqual(try tree(course.url.appendingPathComponent("data")), before)
    }

    func testALessonNamedLessonsIsRefusedUpFront() throws {
        try course.write(Data(Self.spec(caption: "L", width: 300).utf8), to: "lessons/lessons.yaml")
        let result = try run(["lesson", "lessons", "--out", "."], expect: 73)
        XCTAssertEqual(course.relativize(result.standardError),
                       "lessons: the output folder would replace the lesson's spec ('lessons/lessons.yaml') "
                       + "— rename the lesson's spec file or choose another folder with --out\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: course.url.appendingPathComponent("lessons/t.yaml").path))
    }

    func testWhatIsAtTheOutputPathIsReplacedOnlyWhenGlmvizWroteIt() throws {
        let target = out.appendingPathComponent("t")
        let cases: [(String, () throws -> Void, String)] = [
            ("user folder", {
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                try Data("mine".utf8).write(to: target.appendingPathComponent("notes.md"))
            }, "is a folder glmviz did not write (it has no .glmviz-output.json, and manifest.json has no entry for it)"),
            ("file", { try Data("mine".utf8).write(to: target) }, "is a file"),
            ("symbolic link", {
                try self.course.write(Data("kept".utf8), to: "elsewhere/kept.txt")
                try FileManager.default.createSymbolicLink(at: target, withDestinationURL: self.course.url.appendingPathComponent("elsewhere"))
            }, "is a symbolic link"),
        ]
        for (name, make, reason) in cases {
            try FileManager.default.removeItem(at: out)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try make()
            let before = try tree()
            let result = try run(["lesson", "t"], expect: 73)
            XCTAssertEqual(course.relativize(result.standardError),
                           "output/t: \(reason); glmviz replaces only what it wrote, so nothing was changed — move it out "
                           + "of the way, rename the lesson's spec file, or choose another folder with --out\n", name)
            XCTAssertEqual(try tree(), before, name)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: course.url.appendingPathComponent("lessons/t.yaml").path))
    }

    func testAFileAddedToGlmvizsFolderIsNeverDeleted() throws {
        try resetToA()
        try Data("my notes".utf8).write(to: out.appendingPathComponent("t/notes.md"))
        let before = try tree()
        let result = try run(["lesson", "t"], expect: 73)
        XCTAssertEqual(course.relativize(result.standardError),
                       "output/t: holds a file glmviz did not write: 'notes.md'; glmviz replaces only what it wrote, so "
                       + "nothing was changed — move it out of the way, rename the lesson's spec file, or choose another "
                       + "folder with --out\n")
        XCTAssertEqual(try tree(), before)
    }

    func testAForeignManifestRefusesTheRenderBeforeAnythingMoves() throws {
        try resetToA()
        try Data("{\"pages\": [\"home\"]}\n".utf8).write(to: out.appendingPathComponent("manifest.json"))
        let before = try tree()
        let result = try run(["lesson", "t"], expect: 73)
        XCTAssertEqual(course.relativize(result.standardError),
                       "output/manifest.json: this manifest.json was not written by glmviz, which keeps its record of the "
                       + "outputs under this name — move the file elsewhere, or choose another output folder with --out\n")
        XCTAssertEqual(try tree(), before)
    }

    func testAnIndexPageGlmvizDidNotWriteIsKept() throws {
        try resetToA()
        let page = out.appendingPathComponent("index.html")
        try Data("<html>my course</html>\n".utf8).write(to: page)
        let result = try run(["lesson", "t"], expect: 73)
        XCTAssertEqual(course.relativize(result.standardError),
                       "output/index.html: this index.html was not written by glmviz, so the gallery does not replace it "
                       + "— move it elsewhere, or choose another output folder with --out\n")
        XCTAssertEqual(try Data(contentsOf: page), Data("<html>my course</html>\n".utf8))
    }
}
