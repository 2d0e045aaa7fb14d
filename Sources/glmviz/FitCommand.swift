import ArgumentParser

struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fit", abstract: "(not yet built)")
    func run() throws { throw ExitCode(2) }
}
