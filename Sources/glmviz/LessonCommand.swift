import ArgumentParser
import Foundation
import Lessons

/// `glmviz lesson NAME|PATH`: render a lesson's figures and fitted numbers.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Render a lesson's figures and fitted numbers.",
        discussion: """
            Writes OUT/NAME/<figure>.png and .svg (and .pdf when asked) plus OUT/NAME/fits.json. \
            NAME is looked up in ./lessons/ and then among the bundled lessons; a path to a \
            .yaml file also works. Exit status: 0 ok, 2 usage, 65 bad spec or data, \
            66 missing lesson or data file, 73 output cannot be written.
            """)

    @Argument(help: "Lesson name (see 'glmviz list') or path to a lesson spec.")
    var lesson: String?

    @Option(name: .long, help: "Output root folder.")
    var out: String = "output"

    @Flag(name: .long, help: "Render every lesson, in parallel.")
    var all = false

    @Option(name: .long, help: "Comma-separated formats to write instead of the spec's (png, svg, pdf).")
    var format: String?

    func run() throws {
        guard all != (lesson != nil) else {
            printError("glmviz lesson: give either a lesson name or path, or --all")
            throw ExitCode(LessonExitStatus.usage)
        }
        var formats: [OutputFormat]?
        if let format {
            var chosen: [OutputFormat] = []
            for word in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                guard let value = OutputFormat(rawValue: word) else {
                    printError("glmviz lesson: unknown format '\(word)' for --format; expected png, svg or pdf")
                    throw ExitCode(LessonExitStatus.usage)
                }
                if !chosen.contains(value) { chosen.append(value) }
            }
            formats = chosen.sorted()
        }

        let catalogue = LessonCatalogue()
        let renderer = LessonRenderer(outputRoot: URL(fileURLWithPath: out), formats: formats)
        let names = all ? catalogue.names : [lesson!]
        let results = renderer.render(names: names, from: catalogue)
        var status = LessonExitStatus.success
        for (name, result) in zip(names, results) {
            switch result {
            case .success(let rendered):
                print("\(name): \(rendered.files.count) files in \(rendered.directory.path)")
            case .failure(let error):
                printError(error.description)
                status = max(status, error.exitStatus)
            }
        }
        if status != LessonExitStatus.success { throw ExitCode(status) }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
