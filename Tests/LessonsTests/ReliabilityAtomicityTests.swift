import Foundation
import XCTest
@testable import Lessons

/// A lesson that fails part-way leaves the previous outputs byte for byte and
/// no temporary files; a run killed part-way is cleaned up by the next one.
final class ReliabilityAtomicityTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("glmviz-atomic-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Two figures: a small one first, then one whose size is given by `size`.
    func source(secondFigureSize size: Int) -> LessonSource {
        let yaml = """
            title: Atomic
            data:
              builtin: toluca
            models:
              hours: work_hours ~ lot_size
            figures:
              small:
                kind: scatter-fit
                options:
                  width: 200
                  height: 150
              large:
                kind: scatter-fit
                options:
                  width: \(size)
                  height: \(size)
            """
        return LessonSource(name: "atomic", file: "atomic.yaml", text: yaml, baseDirectory: nil, isBundled: false)
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    func testAFigureFailingToDrawAfterOthersWereWrittenChangesNothing() throws {
        let first = try LessonRenderer(outputRoot: root).render(source(secondFigureSize: 400))
        XCTAssertEqual(first.files, ["small.png", "small.svg", "large.png", "large.svg", "small.myst.md", "large.myst.md",
                                     "fits.json"])
        let before = try snapshot(first.directory)
        let manifest = try Data(contentsOf: root.appendingPathComponent("manifest.json"))

        // At 9× density the small figure's PNG (1800 px) is written, then the
        // large one (36 000 px) exceeds cairo's image size and cannot be drawn.
        var renderer = LessonRenderer(outputRoot: root)
        renderer.density = 9
        XCTAssertThrowsError(try renderer.render(source(secondFigureSize: 4000))) { error in
            let lessonError = error as? LessonError
            XCTAssertEqual(lessonError?.message.hasPrefix("figure 'large' cannot be drawn"), true, "\(error)")
            XCTAssertEqual(lessonError?.line, 12)
        }
        XCTAssertEqual(try snapshot(first.directory), before, "the previous outputs must be untouched")
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("manifest.json")), manifest)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)), ["atomic", "manifest.json"],
                       "no staging or retired folder may be left behind")
    }

    func testASuccessfulRenderReplacesEveryFileAndLeavesNothingElse() throws {
        let renderer = LessonRenderer(outputRoot: root)
        var withExtraFigure = source(secondFigureSize: 400)
        withExtraFigure.text += "\n  removed-figure:\n    kind: scatter-fit\n"
        let first = try renderer.render(withExtraFigure)
        XCTAssertTrue(first.files.contains("removed-figure.png"))
        let second = try renderer.render(source(secondFigureSize: 500))
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: second.directory.path)),
                       Set(second.files + [".glmviz-output.json"]), "a figure dropped from the spec must not linger")
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)), ["atomic", "manifest.json"])
    }

    func testAnUnwritableOutputRootKeepsThePreviousOutputs() throws {
        let first = try LessonRenderer(outputRoot: root).render(source(secondFigureSize: 400))
        let before = try snapshot(first.directory)
        let blocked = root.appendingPathComponent("blocker")
        try Data("a file".utf8).write(to: blocked)
        XCTAssertThrowsError(try LessonRenderer(outputRoot: blocked.appendingPathComponent("inside"))
            .render(source(secondFigureSize: 400))) { error in
            let lessonError = error as? LessonError
            XCTAssertEqual(lessonError?.exitStatus, 73)
            XCTAssertEqual(lessonError?.message, "cannot create the output folder: '\(blocked.path)' is a file, not a folder")
        }
        XCTAssertEqual(try snapshot(first.directory), before)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)), ["atomic", "manifest.json", "blocker"])
    }

    func testOutputFolderNamesMustStayInsideTheRoot() {
        let inner = root.appendingPathComponent("out")
        for name in ["", ".", "..", "a/b", "../up"] {
            XCTAssertThrowsError(try OutputDirectory(root: inner, name: name), name) { error in
                XCTAssertEqual((error as? LessonError)?.category, .badSpec, name)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: inner.path), "nothing may be created for a refused name")
    }

    /// A pid no process has: Linux pids stay below 2²².
    let deadPID = Int32.max

    func testLeftoversOfAKilledRunAreRemoved() throws {
        let staging = root.appendingPathComponent(".atomic.partial-\(deadPID)-7")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: staging.appendingPathComponent("small.png"))
        let live = root.appendingPathComponent(".atomic.partial-\(getpid())-7")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        let other = root.appendingPathComponent(".other.partial-\(deadPID)-7")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)

        _ = try LessonRenderer(outputRoot: root).render(source(secondFigureSize: 400))
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)),
                       ["atomic", "manifest.json", ".atomic.partial-\(getpid())-7"],
                       "leftovers of dead runs go, whichever lesson they belong to; a running render's stay")
    }

    func testTemporaryFilesOfDeadRunsAreRemovedAndLiveOnesKept() throws {
        let dead = ["..glmviz-journal-atomic.json.\(deadPID).tmp", ".manifest.json.\(deadPID).12345.tmp",
                    "..glmviz-journal-atomic.json.\(deadPID).4294967295.tmp",
                    ".manifest.json.pending-\(deadPID)-9"]
        let live = [".index.html.\(getpid()).tmp", ".atomic.partial-\(getpid())-3",
                    // Not a file glmviz writes, so never removed, whoever made it.
                    ".notes.\(deadPID).tmp"]
        for name in dead + live { try Data("x".utf8).write(to: root.appendingPathComponent(name)) }
        OutputRecovery.repair(root: root)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)), Set(live))
    }

    func testAKillBetweenTheTwoRenamesIsUndone() throws {
        let retired = root.appendingPathComponent(".atomic.retired-\(deadPID)-3")
        try FileManager.default.createDirectory(at: retired, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: retired.appendingPathComponent("fits.json"))
        OutputRecovery.repair(root: root)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["atomic"])
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("atomic/fits.json")), Data("previous".utf8))
    }
}
