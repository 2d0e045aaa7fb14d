import ArgumentParser
import Foundation
import Lessons

/// `glmviz check [NAME…]`: prove the committed outputs are what the specs make.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that the committed figures and numbers are what their lesson specs produce.",
        discussion: """
            Re-renders the lessons (every lesson when none is named) into a temporary folder and \
            compares the result with OUT: PNGs pixel by pixel within the tolerances, SVG and PDF \
            after normalising ids, dates and producer strings, GIFs frame by frame, fits.json \
            numerically, and the manifest's spec hashes (stale outputs) and file hashes; files no \
            lesson makes are reported as orphaned. On failure it prints one line per problem, \
            writes the fresh renders and diff images under the report folder, and exits 1. \
            Exit status: 0 fresh, 1 problems found, 2 usage, 65 bad spec or data, 66 missing \
            lesson or data file, 73 output or report cannot be written.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Lesson names or spec paths; all lessons when omitted. With --update, LESSON/FIGURE accepts that one figure.")
    var lessons: [String] = []

    @Option(name: .long, help: "The committed output folder (default: output/ at the top of the course).")
    var out: String?

    @Option(name: .long, help: "Folder for fresh renders and diff images when the check fails (default: check-report/ at the top of the course).")
    var report: String?

    @Option(name: .long, help: "How the result is printed: text or json.")
    var reportFormat: Format = .text

    /// The old spelling of `--report-format`, kept only to say so: on
    /// `glmviz lesson`, `--format` means the image formats, and one word must
    /// not mean two things.
    @Option(name: .customLong("format"), help: .hidden)
    var oldFormat: String?

    // `.unconditional` so `--pixel-fraction -1` reads -1 as the value (and
    // `validate()` refuses it) rather than as an unknown option.
    @Option(name: .long, parsing: .unconditional, help: "A PNG pixel differs when a channel moves by more than this (0–255).")
    var channelTolerance: Int = CheckOptions.defaultChannelTolerance

    @Option(name: .long, parsing: .unconditional, help: "Fraction of a PNG's pixels allowed to differ (0–1).")
    var pixelFraction: Double = CheckOptions.defaultPixelFraction

    @Option(name: .long, parsing: .unconditional, help: "Relative tolerance for the numbers in fits.json (0 or more).")
    var relTolerance: Double = CheckOptions.defaultRelativeTolerance

    @Flag(name: .long, help: "Rewrite OUT from the specs instead of checking (the same as 'glmviz lesson').")
    var update = false

    @Flag(name: .long, help: "Let specs read data outside their course root, as for 'glmviz lesson'. Only for specs you trust.")
    var allowOutsideRoot = false

    func validate() throws {
        if let oldFormat {
            throw ValidationError("--format is now --report-format (text or json), e.g. --report-format \(oldFormat == "json" ? "json" : "text"); "
                                  + "check compares the image formats each spec's 'formats' asks for")
        }
        if let out { try OptionChecks.nonEmpty(out, "--out", what: "the committed output folder (default 'output')", shellExample: "--out \"$OUT\"") }
        if let report { try OptionChecks.nonEmpty(report, "--report", what: "the folder for the check report (default 'check-report')", shellExample: "--report \"$REPORT\"") }
        for lesson in lessons where lesson.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("a lesson name is empty; give lesson names or spec paths, or none to check every lesson")
        }
        guard (0...255).contains(channelTolerance) else {
            throw ValidationError("--channel-tolerance must be a whole number from 0 to 255, got \(channelTolerance)")
        }
        guard (0...1).contains(pixelFraction) else {
            throw ValidationError("--pixel-fraction must be between 0 and 1, got \(pixelFraction)")
        }
        guard relTolerance >= 0, relTolerance.isFinite else {
            throw ValidationError("--rel-tolerance must be a finite number of 0 or more, got \(relTolerance)")
        }
    }

    func run() throws {
        var catalogue = LessonCatalogue()
        catalogue.allowsPathsOutsideCourseRoot = allowOutsideRoot
        let out: String
        do { out = try CourseFolders.output(self.out, catalogue: catalogue) } catch let error as LessonError {
            printError(error.description)
            throw ExitCode(error.exitStatus)
        }
        let report = CourseFolders.path(self.report, course: catalogue.course, inCourse: \.defaultReport, fallback: "check-report")
        if update {
            do { try OptionChecks.checkLength(ofOutput: out, option: "--out") } catch {
                printError(error.description)
                throw ExitCode(error.exitStatus)
            }
            // LESSON/FIGURE accepts that one figure and keeps the rest as committed.
            let split = lessons.map { ($0, FigureUpdate.split($0, catalogue: catalogue)) }
            let figures = split.compactMap(\.1)
            let names = lessons.isEmpty ? catalogue.names : split.filter { $0.1 == nil }.map(\.0)
            var status = LessonExitStatus.success
            var accepted: [String] = []
            for (lesson, figure) in figures {
                do {
                    let scratch = try CheckScratchFolder.create()
                    defer { try? FileManager.default.removeItem(at: scratch) }
                    let files = try FigureUpdate.accept(lesson: lesson, figure: figure, catalogue: catalogue,
                                                        outputRoot: URL(fileURLWithPath: out), scratch: scratch)
                    accepted.append(lesson)
                    print("\(lesson)/\(figure): \(files.count) file\(files.count == 1 ? "" : "s") accepted in \(out)/\(lesson): \(files.joined(separator: ", "))")
                } catch let error as LessonError {
                    printError(error.description)
                    status = max(status, error.exitStatus)
                }
            }
            let results = LessonRenderer(outputRoot: URL(fileURLWithPath: out)).render(names: names, from: catalogue)
            for (name, result) in zip(names, results) {
                switch result {
                case .success(let rendered): print("\(name): \(rendered.files.count) files in \(rendered.directory.path)")
                case .failure(let error):
                    printError(error.description)
                    status = max(status, error.exitStatus)
                }
            }
            if !accepted.isEmpty || results.contains(where: { if case .success = $0 { return true } else { return false } }) {
                do {
                    try GalleryUpdate.write(out: out, names: names + accepted, catalogue: catalogue)
                } catch let error as LessonError {
                    printError(error.description)
                    status = max(status, error.exitStatus)
                }
            }
            if status != LessonExitStatus.success { throw ExitCode(status) }
            return
        }

        // A committed output folder past the path limits cannot exist; say so
        // rather than report its manifest and every lesson as missing.
        if let problem = PathLimits.problem(with: URL(fileURLWithPath: out).standardizedFileURL.path) {
            printError("\(out): cannot read the committed outputs: \(problem) — choose a shorter path with --out")
            throw ExitCode(LessonExitStatus.missingInput)
        }
        let scratch = try CheckScratchFolder.create()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let checker = OutputChecker(
            outputRoot: URL(fileURLWithPath: out),
            options: CheckOptions(channelTolerance: channelTolerance, pixelFraction: pixelFraction,
                                  relativeTolerance: relTolerance))
        let result = checker.check(names: lessons.isEmpty ? nil : lessons, catalogue: catalogue, scratch: scratch)

        var status = result.exitStatus
        var reportWritten = false
        if result.passed && lessons.isEmpty {
            // A report left by an earlier failure would describe problems that are
            // gone. Only a full check knows that every lesson is fresh.
            if CheckReportWriter.removeStale(at: URL(fileURLWithPath: report)) {
                printError("glmviz check: removed the report of an earlier failed check, \(report)/")
            }
        } else {
            do {
                try OptionChecks.checkLength(ofOutput: report, option: "--report")
                try CheckReportWriter.write(result, outputRoot: out, to: URL(fileURLWithPath: report))
                reportWritten = true
            } catch let error as LessonError {
                printError(error.description)
                status = max(status, error.exitStatus)
            }
        }
        switch reportFormat {
        case .text:
            print(result.text(outputRoot: out), terminator: "")
            if reportWritten { printError("glmviz check: fresh renders and diff images are in \(report)/") }
        case .json:
            FileHandle.standardOutput.write(try result.json())
        }
        if status != 0 { throw ExitCode(status) }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
