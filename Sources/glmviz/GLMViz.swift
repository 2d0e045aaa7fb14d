import ArgumentParser
import Foundation
import GLM

/// The `glmviz` command: a thin layer over the GLM and Lessons libraries.
@main
struct GLMViz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glmviz",
        abstract: "Figures and fitted numbers for teaching the General Linear Model.",
        version: GLMModule.version,
        subcommands: [FitCommand.self, FMRICommand.self, AccuracyCommand.self, LessonCommand.self, ListCommand.self, CheckCommand.self, InitCommand.self,
                      GenerateOptionDocsCommand.self],
        defaultSubcommand: nil)

    /// As `ParsableCommand.main()`, except that a command line that does not parse
    /// exits with 2, the usual status of Unix tools for a usage error, rather than
    /// sysexits' 64; 65 and 66 stay reserved for bad data and missing files.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
