import ArgumentParser

struct AccuracyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accuracy", abstract: "(not yet built)")
    func run() throws { throw ExitCode(2) }
}
