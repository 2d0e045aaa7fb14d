import Foundation
import XCTest
@testable import Lessons

/// What a course author's repository sees from `glmviz lesson` and
/// `glmviz check`, run as the built binary in a scratch course: the formats the
/// spec asks for are the ones checked, a changed caption names its line, a
/// stale report goes, an unwritable one is refused cleanly, the course is found
/// from a subfolder, and only the course's own lessons are taken.
final class CourseWorkflowTests: XCTestCase {
    var scratch: ScratchFolder!

    /// One lesson of the course's own, with a figure that animates (so it has a GIF).
    static let spec = """
        title: Course lesson
        data:
          builtin: toluca
        models:
          hours: work_hours ~ lot_size
        figures:
          prob:
            kind: probability-model
            model: hours
            options: {frames: 4}
            caption: The normal model along the line.
        formats: [png, gif]

        """

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        try scratch.write(Data(Self.spec.utf8), to: "lessons/mine.yaml")
    }

    override func tearDown() { scratch.remove() }

    private func glmviz(_ arguments: [String], in folder: String = "") throws -> GlmvizProcess.Result {
        var run = try GlmvizProcess.run(arguments, in: scratch.url.appendingPathComponent(folder))
        run.standardOutput = scratch.relativize(run.standardOutput)
        run.standardError = scratch.relativize(run.standardError)
        return run
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent(path).path)
    }

    func testACourseTakesOnlyItsOwnLessons() throws {
        let render = try glmviz(["lesson", "--all"])
        XCTAssertEqual(render.status, 0, render.output)
        XCTAssertEqual(render.standardOutput, "mine: 4 files in output/mine\n")
        XCTAssertFalse(exists("output/simple-regression"), "a bundled lesson was rendered into the course")
        let check = try glmviz(["check"])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.standardOutput.hasPrefix("glmviz check: output is fresh (1 lesson,"), check.output)
        // The bundled lessons stay available by name.
        XCTAssertEqual(try glmviz(["lesson", "inference", "--out", "elsewhere"]).status, 0)
    }

    func testRenderingWithFewerFormatsThanTheSpecFailsTheCheck() throws {
        XCTAssertEqual(try glmviz(["lesson", "--all"]).status, 0)
        let partial = try glmviz(["lesson", "mine", "--format", "png,svg,pdf"])
        XCTAssertEqual(partial.status, 0, partial.output)
        let check = try glmviz(["check"])
        XCTAssertEqual(check.status, 1, check.output)
        let lines = check.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("missing: output/mine/prob.gif (figure prob): not committed, but the spec makes it; re-render with 'glmviz lesson mine'"), check.output)
        XCTAssertTrue(lines.contains("orphaned: output/mine/prob.pdf (figure prob): the spec's formats are png, gif, not pdf (it was rendered with --format); delete it, or add pdf to the spec's 'formats'")
                      || lines.contains("orphaned: output/mine/prob.pdf: the spec's formats are png, gif, not pdf (it was rendered with --format); delete it, or add pdf to the spec's 'formats'"), check.output)
    }

    func testAChangedCaptionNamesTheLineThatDiffers() throws {
        XCTAssertEqual(try glmviz(["lesson", "--all"]).status, 0)
        let spec = Self.spec.replacingOccurrences(of: "caption: The normal model along the line.",
                                                  with: "caption: The normal model at each x.")
        try scratch.write(Data(spec.utf8), to: "lessons/mine.yaml")
        let check = try glmviz(["check"])
        XCTAssertEqual(check.status, 1)
        let snippet = try XCTUnwrap(check.standardOutput.split(separator: "\n").first { $0.contains("prob.myst.md") })
        XCTAssertTrue(snippet.hasPrefix("differs: output/mine/prob.myst.md (figure prob): line "), String(snippet))
        XCTAssertTrue(snippet.contains("The normal model along the line.”, fresh “") && snippet.hasSuffix("The normal model at each x.”"),
                      String(snippet))
    }

    func testAPassingCheckRemovesTheReportOfAnEarlierFailure() throws {
        XCTAssertEqual(try glmviz(["lesson", "--all"]).status, 0)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("output/mine/prob.gif"))
        XCTAssertEqual(try glmviz(["check"]).status, 1)
        XCTAssertTrue(exists("check-report/report.txt"))
        XCTAssertEqual(try glmviz(["lesson", "mine"]).status, 0)
        let check = try glmviz(["check"])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertEqual(check.standardError, "glmviz check: removed the report of an earlier failed check, check-report/\n")
        XCTAssertFalse(exists("check-report"))
    }

    func testAnUnwritableReportIsOneMessageAndExit73() throws {
        XCTAssertEqual(try glmviz(["lesson", "--all"]).status, 0)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("output/mine/prob.gif"))
        try scratch.write(Data("a file\n".utf8), to: "taken")
        let check = try glmviz(["check", "--report", "taken/report"])
        XCTAssertEqual(check.status, 73, check.output)
        XCTAssertFalse(check.output.contains("NSCocoaErrorDomain"), check.output)
        XCTAssertFalse(check.output.contains("fresh renders and diff images are in"), "claims a report it did not write")
        XCTAssertTrue(check.standardError.contains("taken/report: cannot write the check report:"), check.output)
    }

    func testRunFromASubfolderChecksTheCourse() throws {
        XCTAssertEqual(try glmviz(["lesson", "--all"], in: "lessons").status, 0)
        XCTAssertTrue(exists("output/mine/prob.png"), "output/ is not at the top of the course")
        XCTAssertFalse(exists("lessons/output"))
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("output/mine/prob.gif"))
        let check = try glmviz(["check"], in: "lessons")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.standardOutput.contains("missing: output/mine/prob.gif (figure prob)"), check.output)
        XCTAssertTrue(exists("check-report/report.txt"))
        XCTAssertFalse(exists("lessons/check-report"))
    }

    func testCheckUpdateRewritesTheGallery() throws {
        let update = try glmviz(["check", "--update"])
        XCTAssertEqual(update.status, 0, update.output)
        XCTAssertTrue(exists("output/index.html"))
        XCTAssertEqual(try glmviz(["check"]).status, 0)
    }

    func testTheOldReportFormatSpellingSaysTheNewOne() throws {
        let check = try glmviz(["check", "--format", "json"])
        XCTAssertEqual(check.status, 2, check.output)
        XCTAssertTrue(check.standardError.contains("--format is now --report-format (text or json), e.g. --report-format json"), check.output)
    }

    func testCourseYamlPutsTheOutputsInTheBookAndTheSnippetsLinkFromTheBooksTop() throws {
        try scratch.write(Data("output: book/figures\n".utf8), to: "course.yaml")
        try scratch.write(Data("title: Course\n".utf8), to: "book/_config.yml")
        let render = try glmviz(["lesson", "--all"], in: "book")
        XCTAssertEqual(render.status, 0, render.output)
        XCTAssertEqual(render.standardOutput, "mine: 4 files in book/figures/mine\n")
        let snippet = try String(contentsOf: scratch.url.appendingPathComponent("book/figures/mine/prob.myst.md"), encoding: .utf8)
        // Sphinx reads a path starting with / from the book's top, on any page.
        XCTAssertTrue(snippet.hasPrefix("```{figure} /figures/mine/prob.gif\n"), snippet)
        XCTAssertEqual(try glmviz(["check"], in: "lessons").status, 0)
    }

    func testAnUnknownCourseSettingIsRefused() throws {
        try scratch.write(Data("outptu: book/figures\n".utf8), to: "course.yaml")
        let render = try glmviz(["lesson", "--all"])
        XCTAssertEqual(render.status, 65)
        XCTAssertEqual(render.standardError, "course.yaml:1:1: unknown key 'outptu' in course.yaml — did you mean 'output'?\n")
    }

    func testInitStartsACourseThatRendersAndChecksAndNeverOverwrites() throws {
        let empty = try ScratchFolder()
        defer { empty.remove() }
        let run = { (arguments: [String]) throws -> GlmvizProcess.Result in try GlmvizProcess.run(arguments, in: empty.url) }
        let initial = try run(["init"])
        XCTAssertEqual(initial.status, 0, initial.output)
        XCTAssertTrue(initial.standardOutput.hasPrefix("wrote lessons/simple-regression.yaml\nwrote course.yaml\nwrote .github/workflows/figures.yml\nwrote .gitattributes\n"))
        XCTAssertEqual(try run(["lesson", "--all"]).standardOutput.split(separator: ":").first, "simple-regression")
        XCTAssertEqual(try run(["check"]).status, 0)
        let attributes = try String(contentsOf: empty.url.appendingPathComponent(".gitattributes"), encoding: .utf8)
        XCTAssertTrue(attributes.contains("*.png binary\n"))
        // A second init would replace the author's files: it writes nothing.
        try Data("title: Mine\n".utf8).write(to: empty.url.appendingPathComponent("course.yaml"))
        let again = try run(["init"])
        XCTAssertEqual(again.status, 73)
        XCTAssertTrue(again.standardError.hasSuffix(": the course already has lessons/simple-regression.yaml, course.yaml, .github/workflows/figures.yml, .gitattributes; glmviz init writes nothing over an author's files, so it wrote nothing — run it in a new folder, or move those files aside\n"), again.output)
        XCTAssertEqual(try String(contentsOf: empty.url.appendingPathComponent("course.yaml"), encoding: .utf8), "title: Mine\n")
    }

    func testTheCIJobInitWritesIsTheOneTheDocsShow() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/checking.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        XCTAssertTrue(text.contains("```yaml\n" + CourseScaffold.ciJob + "```"), "docs/checking.md and CourseScaffold.ciJob differ")
    }

    func testUpdateAcceptsOneFigureAndKeepsTheOthersAsCommitted() throws {
        let two = """
            title: Two figures
            data: {builtin: toluca}
            models:
              m: work_hours ~ lot_size
            figures:
              a: {kind: scatter-fit}
              b: {kind: coefficient-table}
            formats: [png]

            """
        try scratch.write(Data(two.utf8), to: "lessons/two.yaml")
        XCTAssertEqual(try glmviz(["lesson", "--all"]).status, 0)
        let changed = two.replacingOccurrences(of: "a: {kind: scatter-fit}", with: "a: {kind: scatter-fit, options: {residuals: true}}")
            .replacingOccurrences(of: "b: {kind: coefficient-table}", with: "b: {kind: coefficient-table, options: {level: 0.9}}")
        try scratch.write(Data(changed.utf8), to: "lessons/two.yaml")
        let b = try Data(contentsOf: scratch.url.appendingPathComponent("output/two/b.png"))

        let accept = try glmviz(["check", "--update", "two/a"])
        XCTAssertEqual(accept.status, 0, accept.output)
        XCTAssertEqual(accept.standardOutput, "two/a: 2 files accepted in output/two: a.png, a.myst.md\n")
        XCTAssertEqual(try Data(contentsOf: scratch.url.appendingPathComponent("output/two/b.png")), b, "b is kept as committed")
        let check = try glmviz(["check", "two"])
        XCTAssertEqual(check.status, 1)
        XCTAssertFalse(check.standardOutput.contains("output/two/a."), check.output)
        XCTAssertTrue(check.standardOutput.contains("differs: output/two/b.png (figure b)"), check.output)
        XCTAssertTrue(check.standardOutput.hasPrefix("stale: output/two:"), "the spec is not accepted until every figure is")

        XCTAssertEqual(try glmviz(["check", "--update", "two/b"]).status, 0)
        XCTAssertEqual(try glmviz(["check", "two"]).status, 0, "the last figure accepted, the lesson is fresh")

        let missing = try glmviz(["check", "--update", "two/c"])
        XCTAssertEqual(missing.status, 66)
        XCTAssertEqual(missing.standardError, "lessons/two.yaml: lesson 'two' has no figure 'c' — did you mean 'a'?\n")
    }
}
