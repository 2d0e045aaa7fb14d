import ArgumentParser
import GLM

/// The `glmviz` command: a thin layer over the GLM and Lessons libraries.
@main
struct GLMViz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glmviz",
        abstract: "Figures and fitted numbers for teaching the General Linear Model.",
        version: GLMModule.version,
        subcommands: [FitCommand.self, AccuracyCommand.self, LessonCommand.self, ListCommand.self],
        defaultSubcommand: nil)
}
