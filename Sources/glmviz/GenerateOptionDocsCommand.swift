import ArgumentParser
import Foundation
import Lessons

/// `glmviz generate-option-docs`: rewrites the option tables of
/// docs/lesson-spec.md from the figure kinds' definitions. Hidden: it is for
/// whoever changes a kind, not for course authors.
struct GenerateOptionDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-option-docs",
        abstract: "Rewrite the figure option tables of the lesson spec reference from the kinds' definitions.",
        shouldDisplay: false)

    @Argument(help: "The document whose region between the options markers is rewritten.")
    var document = "docs/lesson-spec.md"

    func run() throws {
        let url = URL(fileURLWithPath: document)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let rewritten = FigureKindCatalogue.rewritten(text) else {
            throw ValidationError("\(document) has no region between '\(FigureKindCatalogue.beginMarker)' and '\(FigureKindCatalogue.endMarker)'")
        }
        if rewritten != text { try Data(rewritten.utf8).write(to: url, options: .atomic) }
        print(rewritten == text ? "\(document) is up to date" : "rewrote the option tables of \(document)")
    }
}
