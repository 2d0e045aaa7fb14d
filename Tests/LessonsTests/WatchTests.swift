import Foundation
import XCTest
@testable import Lessons

/// `glmviz lesson NAME --watch`: renders, re-renders after each edit of the
/// spec or its data, reports a broken spec without exiting, and recovers.
final class WatchTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("glmviz-watch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    static let spec = """
        title: Watched
        data:
          csv: scores.csv
        models:
          m: y ~ x
        figures:
          fit:
            kind: scatter-fit
        formats: [svg]
        """

    func write(_ text: String, to name: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }

    func testWatchedFilesAreTheSpecAndItsCSV() throws {
        try write(Self.spec, to: "lessons/watched.yaml")
        let source = try LessonCatalogue(workingDirectory: folder.path).source(for: "watched")
        let files = WatchedFiles(source)
        let lessons = folder.appendingPathComponent("lessons").standardizedFileURL
        XCTAssertEqual(files.paths, [lessons.appendingPathComponent("watched.yaml").path,
                                     lessons.appendingPathComponent("scores.csv").path])
    }

    func testABundledLessonCannotBeWatched() {
        let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")
        let watcher = LessonWatcher(source: { try catalogue.source(for: "inference") },
                                    render: { .failure(LessonError(.badSpec, file: "-", message: "unused")) })
        XCTAssertThrowsError(try watcher.watchedFiles()) { error in
            XCTAssertEqual((error as? LessonError)?.suggestion,
                           "copy it to lessons/inference.yaml (glmviz uses that copy first) and watch that")
        }
    }

    /// Collects a process's output as it arrives.
    final class Output: @unchecked Sendable {
        private var text = ""
        private let lock = NSLock()
        func append(_ data: Data) { lock.lock(); text += String(decoding: data, as: UTF8.self); lock.unlock() }
        var value: String { lock.lock(); defer { lock.unlock() }; return text }
    }

    /// Waits up to `seconds` for `text` to appear `count` times in `output`.
    func wait(for text: String, count: Int = 1, in output: Output, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if output.value.components(separatedBy: text).count - 1 >= count { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func testReRendersAfterEditsAndSurvivesABrokenSpec() throws {
        let binary = Bundle.main.bundleURL.appendingPathComponent("glmviz")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            return XCTFail("glmviz binary not built at \(binary.path); run `swift build` first")
        }
        try write(Self.spec, to: "lessons/watched.yaml")
        try write("x,y\n1,2\n2,4\n3,5\n4,8\n", to: "lessons/scores.csv")

        let process = Process()
        process.executableURL = binary
        process.arguments = ["lesson", "watched", "--watch", "--out", "out"]
        process.currentDirectoryURL = folder
        let stdout = Output(), stderr = Output()
        let out = Pipe(), err = Pipe()
        out.fileHandleForReading.readabilityHandler = { stdout.append($0.availableData) }
        err.fileHandleForReading.readabilityHandler = { stderr.append($0.availableData) }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            out.fileHandleForReading.readabilityHandler = nil
            err.fileHandleForReading.readabilityHandler = nil
        }

        XCTAssertTrue(wait(for: "rendered watched:", in: stdout), stdout.value + stderr.value)
        let svg = folder.appendingPathComponent("out/watched/fit.svg")
        XCTAssertTrue(FileManager.default.fileExists(atPath: svg.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/index.html").path))

        // Editing the data re-renders, naming the file that changed.
        Thread.sleep(forTimeInterval: 1.1)  // past the file system's timestamp granularity
        try write("x,y\n1,2\n2,4\n3,5\n4,9\n", to: "lessons/scores.csv")
        XCTAssertTrue(wait(for: "after a change to lessons/scores.csv", in: stdout), stdout.value + stderr.value)

        // A broken spec is reported with its position; the watch goes on.
        try write(Self.spec.replacingOccurrences(of: "kind: scatter-fit", with: "kind: scater-fit"), to: "lessons/watched.yaml")
        XCTAssertTrue(wait(for: "waiting for the next change", in: stderr), stdout.value + stderr.value)
        XCTAssertTrue(stderr.value.contains("lessons/watched.yaml:8:11: unknown figure kind 'scater-fit' — did you mean 'scatter-fit'?"),
                      stderr.value)
        XCTAssertTrue(process.isRunning)

        // Fixing it renders again.
        try write(Self.spec.replacingOccurrences(of: "title: Watched", with: "title: Watched again"), to: "lessons/watched.yaml")
        XCTAssertTrue(wait(for: "rendered watched after a change to lessons/watched.yaml", in: stdout),
                      stdout.value + stderr.value)
        let page = try String(contentsOf: folder.appendingPathComponent("out/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<h2>Watched again</h2>"))
    }
}
