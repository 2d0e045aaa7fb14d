import ArgumentParser
import Foundation
import Lessons

/// `glmviz init [FOLDER]`: start a course repository.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a course: a first lesson, course.yaml, the CI job and .gitattributes.",
        discussion: """
            Writes lessons/simple-regression.yaml (the bundled lesson, to edit), course.yaml, \
            .github/workflows/figures.yml (the job that runs 'glmviz check') and .gitattributes \
            (rendered images are binary) into FOLDER, the current folder by default. It replaces \
            nothing: if any of these exists, it writes none of them. Exit status: 0 written, \
            2 usage, 73 a file exists or cannot be written.
            """)

    @Argument(help: "The course folder (created if missing; default: the current folder).")
    var folder: String = "."

    func validate() throws {
        try OptionChecks.nonEmpty(folder, "the course folder", what: "a folder, or nothing for the current one",
                                  shellExample: "glmviz init \"$COURSE\"")
    }

    func run() throws {
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            let written = try CourseScaffold.write(into: root)
            for path in written { print("wrote \(folder == "." ? path : (folder as NSString).appendingPathComponent(path))") }
            print("next: 'glmviz lesson --all' renders the lessons into output/; commit lessons/, output/ and the rest")
        } catch let error as LessonError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(error.exitStatus)
        }
    }
}
