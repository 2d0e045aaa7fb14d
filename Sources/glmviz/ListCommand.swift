import ArgumentParser

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "(not yet built)")
    func run() throws { throw ExitCode(2) }
}
