import Foundation
import Plot
import Support

/// Writes what a reviewer needs to see a failed check without re-running it:
/// for every lesson with a problem, its fresh render and a picture of each
/// changed image (differing pixels in red over a faded copy of the committed
/// one), plus the report as `report.txt` and `report.json`.
public enum CheckReportWriter {
    /// Writes into `directory`, replacing the folders of the lessons it reports
    /// on and leaving anything else there alone.
    public static func write(_ result: CheckResult, outputRoot: String, to directory: URL) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            for lesson in result.lessonsWithProblems {
                let target = directory.appendingPathComponent(lesson, isDirectory: true)
                try? manager.removeItem(at: target)
                try manager.createDirectory(at: target, withIntermediateDirectories: true)
                let fresh = result.freshRoot.appendingPathComponent(lesson, isDirectory: true)
                for file in (try? manager.contentsOfDirectory(atPath: fresh.path)) ?? [] where !file.hasPrefix(".") {
                    try manager.copyItem(at: fresh.appendingPathComponent(file), to: target.appendingPathComponent(file))
                }
                for (name, image) in (result.diffImages[lesson] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    try AtomicFile.write(image.pngData(), to: target.appendingPathComponent(name))
                }
            }
            try Data(result.text(outputRoot: outputRoot).utf8).write(to: directory.appendingPathComponent("report.txt"))
            try result.json().write(to: directory.appendingPathComponent("report.json"))
        } catch let error as LessonError {
            throw error
        } catch {
            throw LessonError(.cannotCreateOutput, file: directory.path, message: "cannot write the check report: \(error)",
                              suggestion: "choose a writable folder with --report")
        }
    }
}
