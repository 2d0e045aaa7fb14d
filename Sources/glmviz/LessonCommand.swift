import ArgumentParser
import Foundation
import Lessons

/// `glmviz lesson NAME|PATH`: render a lesson's figures and fitted numbers.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Render a lesson's figures and fitted numbers.",
        discussion: """
            Writes OUT/NAME/<figure>.png and .svg (and .pdf or .gif when asked) plus OUT/NAME/fits.json, \
            a MyST snippet per figure (<figure>.myst.md), LaTeX for design matrices and coefficient \
            tables (<figure>.tex), and OUT/index.html, a gallery of every lesson rendered under OUT. \
            NAME is looked up in ./lessons/ and then among the bundled lessons; a path to a \
            .yaml file also works. Exit status: 0 ok, 2 usage, 65 bad spec or data, \
            66 missing lesson or data file, 73 output cannot be written.
            """)

    @Argument(help: "Lesson name (see 'glmviz list') or path to a lesson spec.")
    var lesson: String?

    @Option(name: .long, help: "Output root folder (default: output/ at the top of the course, found from here upwards as git finds a repository).")
    var out: String?

    @Flag(name: .long, help: "Render every lesson, in parallel.")
    var all = false

    @Option(name: .long, help: "Comma-separated formats to write instead of the spec's (png, svg, pdf, gif).")
    var format: String?

    @Flag(name: .long, help: "Keep running and re-render the lesson whenever its spec or data changes.")
    var watch = false

    @Option(name: .long, help: "Write every rendered figure's text boxes and layout violations to this JSON file.")
    var layoutReport: String?

    @Flag(name: .long, help: "Let specs read data outside their course root (absolute paths, '../', links pointing out). Only for specs you trust.")
    var allowOutsideRoot = false

    func validate() throws {
        if let out { try OptionChecks.nonEmpty(out, "--out", what: "the output root folder (default 'output')", shellExample: "--out \"$OUT\"") }
        if let lesson { try OptionChecks.nonEmpty(lesson, "the lesson name", what: "a lesson name or the path of a spec", shellExample: "glmviz lesson \"$LESSON\"") }
        if let format, format.split(separator: ",").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--format is empty; give png, svg, pdf or gif (comma-separated), or leave --format out to use the spec's formats")
        }
    }

    func run() throws {
        guard all != (lesson != nil) else {
            printError("glmviz lesson: give either a lesson name or path, or --all")
            throw ExitCode(LessonExitStatus.usage)
        }
        if watch, all {
            printError("glmviz lesson: --watch follows one lesson; give its name or path instead of --all")
            throw ExitCode(LessonExitStatus.usage)
        }
        var formats: [OutputFormat]?
        if let format {
            var chosen: [OutputFormat] = []
            for word in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                guard let value = OutputFormat(rawValue: word) else {
                    printError("glmviz lesson: unknown format '\(word)' for --format; expected png, svg, pdf or gif")
                    throw ExitCode(LessonExitStatus.usage)
                }
                if !chosen.contains(value) { chosen.append(value) }
            }
            formats = chosen.sorted()
        }

        var catalogue = LessonCatalogue()
        catalogue.allowsPathsOutsideCourseRoot = allowOutsideRoot
        let out: String
        do { out = try CourseFolders.output(self.out, catalogue: catalogue) } catch let error as LessonError {
            printError(error.description)
            throw ExitCode(error.exitStatus)
        }
        do { try OptionChecks.checkLength(ofOutput: out, option: "--out") } catch {
            printError(error.description)
            throw ExitCode(error.exitStatus)
        }
        let renderer = LessonRenderer(outputRoot: URL(fileURLWithPath: out), formats: formats)
        if watch { return try watchLesson(lesson!, renderer: renderer, catalogue: catalogue, out: out) }
        let names = all ? catalogue.names : [lesson!]
        if all, names.isEmpty, let course = catalogue.course {
            printError("\(course.lessonsFolder.path): the course has no lesson specs (.yaml) — add one, or name a bundled lesson such as 'glmviz lesson simple-regression'")
            throw ExitCode(LessonExitStatus.missingInput)
        }
        let results = renderer.render(names: names, from: catalogue)
        var status = LessonExitStatus.success
        var layouts: [FigureLayoutRecord] = []
        for (name, result) in zip(names, results) {
            switch result {
            case .success(let rendered):
                print("\(name): \(rendered.files.count) files in \(rendered.directory.path)")
                // A layout problem is worth a look but not a failed render; `glmviz check` fails on it.
                for line in rendered.layouts.flatMap(\.violationLines) { printError("warning: \(line)") }
                layouts += rendered.layouts
            case .failure(let error):
                printError(error.description)
                status = max(status, error.exitStatus)
            }
        }
        if let layoutReport {
            do {
                try FigureLayoutRecord.json(layouts).write(to: URL(fileURLWithPath: layoutReport))
            } catch {
                printError("glmviz lesson: cannot write the layout report \(layoutReport): \(error.localizedDescription)")
                status = max(status, LessonExitStatus.cannotCreateOutput)
            }
        }
        if results.contains(where: { if case .success = $0 { return true } else { return false } }) {
            do {
                try GalleryUpdate.write(out: out, names: names, catalogue: catalogue)
            } catch let error as LessonError {
                printError(error.description)
                status = max(status, error.exitStatus)
            }
        }
        if status != LessonExitStatus.success { throw ExitCode(status) }
    }

    /// Renders `name`, then again after every change to its spec or data,
    /// until interrupted. Errors are printed and the watch goes on.
    private func watchLesson(_ name: String, renderer: LessonRenderer, catalogue: LessonCatalogue, out: String) throws {
        let watcher = LessonWatcher(
            source: { try catalogue.source(for: name) },
            render: {
                let result = renderer.render(names: [name], from: catalogue)[0]
                if case .success = result {
                    do { try GalleryUpdate.write(out: out, names: [name], catalogue: catalogue) } catch let error as LessonError {
                        return .failure(error)
                    } catch {
                        return .failure(LessonError(.cannotCreateOutput, file: out,
                                                     message: "cannot write the gallery: \(SystemErrorText.words(creatingFolder: out, error: error))"))
                    }
                }
                return result
            })
        do {
            let files = try watcher.watchedFiles()
            printLine("watching \(files.paths.joined(separator: ", ")) (Ctrl-C to stop)")
            try watcher.run { event in
                let time = Self.clock.string(from: Date())
                switch event {
                case let .rendered(rendered, changed):
                    let cause = changed.isEmpty ? "" : " after a change to \(changed.map(Self.shortPath).joined(separator: ", "))"
                    printLine("[\(time)] rendered \(name)\(cause): \(rendered.files.count) files in \(rendered.directory.path)")
                case let .failed(error, changed):
                    let cause = changed.isEmpty ? "" : " after a change to \(changed.map(Self.shortPath).joined(separator: ", "))"
                    printError("[\(time)] \(name) not rendered\(cause):\n\(error.description)\nwaiting for the next change")
                }
            }
        } catch let error as LessonError {
            printError(error.description)
            throw ExitCode(error.exitStatus)
        }
    }

    private static let clock: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter
    }()

    /// A path relative to the working directory when it is inside it.
    private static func shortPath(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }

    /// Watch reports go out at once, not when a pipe's buffer fills.
    private func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
