import ArgumentParser

struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lesson", abstract: "(not yet built)")
    func run() throws { throw ExitCode(2) }
}
