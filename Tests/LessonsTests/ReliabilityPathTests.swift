import Foundation
import XCTest
@testable import Lessons

/// A spec cannot read outside its course root unless the user allows it, and the
/// names it controls cannot place outputs outside the output folder.
final class ReliabilityPathTests: XCTestCase {
    var course: URL!

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("glmviz-paths-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: base.appendingPathComponent("course/lessons"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: base.appendingPathComponent("course/data"),
                                                withIntermediateDirectories: true)
        course = URL(fileURLWithPath: CourseRoot.realPath(base.path)!).appendingPathComponent("course")
        let csv = "x,y\n1,2.1\n2,3.9\n3,6.2\n4,8.1\n5,9.8\n"
        try csv.write(to: course.appendingPathComponent("data/ok.csv"), atomically: true, encoding: .utf8)
        try csv.write(to: course.deletingLastPathComponent().appendingPathComponent("secret.csv"),
                      atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: course.deletingLastPathComponent())
    }

    func source(csv path: String, allowOutside: Bool = false) throws -> LessonSource {
        let yaml = """
            title: Paths
            data:
              csv: \(path)
            models:
              m: y ~ x
            figures:
              f:
                kind: scatter-fit
            """
        let file = course.appendingPathComponent("lessons/paths.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        var catalogue = LessonCatalogue(workingDirectory: course.path)
        catalogue.allowsPathsOutsideCourseRoot = allowOutside
        return try catalogue.source(for: file.path)
    }

    func refusal(csv path: String, file: StaticString = #filePath, line: UInt = #line) throws -> LessonError? {
        do {
            _ = try PreparedLesson(try source(csv: path).parse())
            XCTFail("expected '\(path)' to be refused", file: file, line: line)
            return nil
        } catch let error as LessonError {
            return error
        }
    }

    func testRootIsTheFolderHoldingLessonsOrTheSpecsOwnFolder() {
        XCTAssertEqual(CourseRoot(specDirectory: "/srv/course/lessons").path, "/srv/course")
        XCTAssertEqual(CourseRoot(specDirectory: "/srv/course/lessons/").path, "/srv/course")
        XCTAssertEqual(CourseRoot(specDirectory: "/srv/course/extra").path, "/srv/course/extra")
        XCTAssertEqual(CourseRoot(specDirectory: "/srv/course/lessons/../extra").path, "/srv/course/extra")
    }

    func testDataBesideTheLessonsFolderIsRead() throws {
        let lesson = try PreparedLesson(try source(csv: "../data/ok.csv").parse())
        XCTAssertEqual(lesson.models[0].fit.coefficients.count, 2)
    }

    func testClimbingOutIsRefusedWithTheSpecLine() throws {
        let error = try refusal(csv: "../../secret.csv")
        XCTAssertEqual(error?.category, .badSpec)
        XCTAssertEqual(error?.exitStatus, 65)
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 8)
        XCTAssertEqual(error?.message.hasPrefix("data file '../../secret.csv' lies outside the course root"), true)
        XCTAssertEqual(error?.suggestion?.contains("--allow-outside-root"), true)
    }

    func testAbsolutePathsAreRefusedEvenInsideNothing() throws {
        let error = try refusal(csv: "/etc/hostname")
        XCTAssertEqual(error?.message.hasPrefix("data file '/etc/hostname' lies outside the course root"), true)
    }

    func testAbsolutePathInsideTheRootIsRead() throws {
        let path = course.appendingPathComponent("data/ok.csv").path
        XCTAssertNoThrow(try PreparedLesson(try source(csv: path).parse()))
    }

    func testSymbolicLinkPointingOutIsRefused() throws {
        try FileManager.default.createSymbolicLink(
            atPath: course.appendingPathComponent("data/link.csv").path,
            withDestinationPath: course.deletingLastPathComponent().appendingPathComponent("secret.csv").path)
        let error = try refusal(csv: "../data/link.csv")
        XCTAssertEqual(error?.message.hasPrefix("data file '../data/link.csv' lies outside the course root"), true)
    }

    func testSymbolicLinkedFolderPointingOutIsRefused() throws {
        try FileManager.default.createSymbolicLink(
            atPath: course.appendingPathComponent("shared").path,
            withDestinationPath: course.deletingLastPathComponent().path)
        let error = try refusal(csv: "../shared/secret.csv")
        XCTAssertEqual(error?.category, .badSpec)
    }

    func testSymbolicLinkStayingInsideIsRead() throws {
        try FileManager.default.createSymbolicLink(
            atPath: course.appendingPathComponent("data/alias.csv").path, withDestinationPath: "ok.csv")
        XCTAssertNoThrow(try PreparedLesson(try source(csv: "../data/alias.csv").parse()))
    }

    func testTheFlagAllowsReadingOutside() throws {
        let lesson = try PreparedLesson(try source(csv: "../../secret.csv", allowOutside: true).parse())
        XCTAssertEqual(lesson.models[0].fit.coefficients.count, 2)
    }

    func testPipesFoldersAndDevicesAreRefusedWithoutReading() throws {
        let pipe = course.appendingPathComponent("data/pipe.csv")
        XCTAssertEqual(mkfifo(pipe.path, 0o600), 0)
        // Reading the pipe would block this test forever; the refusal must come first.
        let error = try refusal(csv: "../data/pipe.csv")
        XCTAssertEqual(error?.message, "data file '../data/pipe.csv' is a named pipe, not a regular file")
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(try refusal(csv: "../data")?.message, "data file '../data' is a folder, not a CSV file")
        let device = try PreparedLesson.refusal(source(csv: "/dev/zero", allowOutside: true))
        XCTAssertEqual(device?.message, "data file '/dev/zero' is a device (a special file), not a regular file")
        XCTAssertEqual(device?.exitStatus, 65)
    }

    /// /proc/self/mem is listed as a regular file but fails on the first read
    /// (EIO); it used to be reported as "not found".
    func testAKernelFileIsNamedAsSuch() throws {
        let error = try PreparedLesson.refusal(source(csv: "/proc/self/mem", allowOutside: true))
        XCTAssertEqual(error?.message,
                       "data file '/proc/self/mem' is a special file made by the kernel (as under /proc or /sys), not a regular file")
        XCTAssertEqual(error?.exitStatus, 65)
    }

    /// Two links pointing at each other: stat(2) fails with ELOOP, which used to
    /// come out as "not found".
    func testASymbolicLinkLoopIsNamedAsSuch() throws {
        let data = course.appendingPathComponent("data")
        try FileManager.default.createSymbolicLink(atPath: data.appendingPathComponent("a.csv").path, withDestinationPath: "b.csv")
        try FileManager.default.createSymbolicLink(atPath: data.appendingPathComponent("b.csv").path, withDestinationPath: "a.csv")
        let error = try refusal(csv: "../data/a.csv")
        XCTAssertEqual(error?.message,
                       "data file '../data/a.csv' is a symbolic-link loop (the links lead back to each other and never reach a file)")
        XCTAssertEqual(error?.suggestion, "point the link at the CSV file itself")
        XCTAssertEqual(error?.exitStatus, 66)
    }

    func testAMissingFileInsideTheRootIsStillReportedMissing() throws {
        let error = try refusal(csv: "../data/nope.csv")
        XCTAssertEqual(error?.category, .missingInput)
        XCTAssertEqual(error?.exitStatus, 66)
    }

    func testFigureIdsAndModelNamesMustBePlainWords() {
        for id in ["../up", "a/b", "/abs", ".hidden", "-flag", "a b", "ok.png"] {
            let yaml = """
                title: T
                data:
                  builtin: toluca
                models:
                  m: work_hours ~ lot_size
                figures:
                  '\(id)':
                    kind: scatter-fit
                """
            XCTAssertThrowsError(try LessonSpecParser.parse(yaml: yaml, file: "t.yaml", name: "t", baseDirectory: nil), id) {
                XCTAssertEqual(($0 as? LessonError)?.message,
                               "figure id '\(id)' may only use letters, digits, '-' and '_' (it becomes a file name)")
            }
        }
    }
}

extension PreparedLesson {
    /// The error preparing `source` throws, or nil when it prepares.
    static func refusal(_ source: LessonSource) -> LessonError? {
        do {
            _ = try PreparedLesson(try source.parse())
            return nil
        } catch {
            return error as? LessonError
        }
    }
}
