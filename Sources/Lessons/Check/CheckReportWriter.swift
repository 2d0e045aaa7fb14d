import Foundation
import Plot
#if canImport(Glibc)
import Glibc
#endif
import Support

/// Writes what a reviewer needs to see a failed check without re-running it:
/// for every lesson with a problem, its fresh render and a picture of each
/// changed image (removed ink vermilion, added ink blue, over a faded copy of the committed
/// one), plus the report as `report.txt` and `report.json`.
public enum CheckReportWriter {
    /// Writes into `directory`, replacing the folders of the lessons it reports
    /// on and leaving anything else there alone.
    /// `outputRoot` is the committed folder as messages show it; the committed
    /// images are read from `committedRoot` (by default, that path).
    public static func write(_ result: CheckResult, outputRoot: String, committedRoot: URL? = nil, to directory: URL) throws {
        let manager = FileManager.default
        try refuseForeign(directory)
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data("glmviz check report\n".utf8).write(to: directory.appendingPathComponent(markerName))
            var pairs: [String: [CheckReviewPage.ImagePair]] = [:]
            for lesson in result.lessonsWithProblems {
                let target = directory.appendingPathComponent(lesson, isDirectory: true)
                try? manager.removeItem(at: target)
                try manager.createDirectory(at: target, withIntermediateDirectories: true)
                let fresh = result.freshRoot.appendingPathComponent(lesson, isDirectory: true)
                for file in (try? manager.contentsOfDirectory(atPath: fresh.path)) ?? [] where !file.hasPrefix(".") {
                    try manager.copyItem(at: fresh.appendingPathComponent(file), to: target.appendingPathComponent(file))
                }
                let diffs = result.diffImages[lesson] ?? [:]
                for (name, image) in diffs.sorted(by: { $0.key < $1.key }) {
                    try AtomicFile.write(image.pngData(), to: target.appendingPathComponent(name))
                }
                // The committed image beside the fresh one, so the page compares
                // them without reaching outside the report folder.
                for problem in result.problems where problem.lesson == lesson && problem.kind == .differs {
                    let file = (problem.file as NSString).lastPathComponent
                    let suffix = (file as NSString).pathExtension.lowercased()
                    guard suffix == "png" || suffix == "gif" else { continue }
                    let committedName = (file as NSString).deletingPathExtension + ".committed." + suffix
                    let committed = (committedRoot ?? URL(fileURLWithPath: outputRoot)).appendingPathComponent(problem.file)
                    guard manager.fileExists(atPath: committed.path) else { continue }
                    try? manager.removeItem(at: target.appendingPathComponent(committedName))
                    try manager.copyItem(at: committed, to: target.appendingPathComponent(committedName))
                    let stem = (file as NSString).deletingPathExtension
                    let diff = diffs.keys.sorted().first { $0 == stem + ".diff.png" || $0.hasPrefix(stem + ".frame-") }
                    pairs[lesson, default: []].append(.init(
                        file: problem.file, figure: problem.figures.first, committed: HTMLText.link(lesson, committedName), fresh: HTMLText.link(lesson, file),
                        diff: diff.map { HTMLText.link(lesson, $0) }))
                }
            }
            let page = CheckReviewPage(result: result, outputRoot: outputRoot, images: pairs)
            try AtomicFile.write(Array(page.html.utf8), to: directory.appendingPathComponent(CheckReviewPage.fileName))
            try Data(result.text(outputRoot: outputRoot).utf8).write(to: directory.appendingPathComponent("report.txt"))
            try result.json().write(to: directory.appendingPathComponent("report.json"))
        } catch let error as LessonError {
            throw error
        } catch {
            throw LessonError(.cannotCreateOutput, file: directory.path, message: "cannot write the check report: \(SystemErrorText.words(creatingFolder: directory.path, error: error))",
                              suggestion: "choose a writable folder with --report")
        }
    }

    /// Removes the report folder at `directory` when glmviz wrote it (it holds
    /// the marker); returns whether it did. A folder glmviz did not write is
    /// left alone, whatever it holds.
    public static func removeStale(at directory: URL) -> Bool {
        let manager = FileManager.default
        guard manager.fileExists(atPath: directory.appendingPathComponent(markerName).path) else { return false }
        return (try? manager.removeItem(at: directory)) != nil
    }

    /// The hidden file that makes a report folder glmviz's to rewrite.
    static let markerName = ".glmviz-check-report"

    /// A report replaces lesson folders inside `directory`, so the folder must
    /// be absent, empty, or a report folder glmviz made (`--report data` must
    /// not delete a course's `data/lesson-name`).
    static func refuseForeign(_ directory: URL) throws {
        var info = stat()
        guard lstat(directory.path, &info) == 0 else { return }
        let foreign: String?
        if info.st_mode & S_IFMT != S_IFDIR {
            // Not a folder: creating the report fails and says so in words.
            foreign = nil
        } else if let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path),
                  // Reports written before the marker existed hold report.json.
                  !entries.isEmpty, !entries.contains(markerName), !entries.contains("report.json") {
            foreign = "is a folder glmviz did not make for a check report (it has no \(markerName))"
        } else {
            foreign = nil
        }
        if let foreign {
            throw LessonError(.cannotCreateOutput, file: directory.path,
                              message: "\(foreign); the report would replace folders in it, so nothing was written there",
                              suggestion: "choose an empty or new folder with --report")
        }
    }
}
