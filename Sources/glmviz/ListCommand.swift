import Foundation
import ArgumentParser
import Lessons

/// `glmviz list`: the lessons available here (a local `lessons/` folder first,
/// then the bundled ones) with their titles.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the lessons available here, with their titles.",
        discussion: "Lessons in ./lessons/ take precedence over the bundled ones of the same name.")

    func run() throws {
        let listings = LessonListing.all(in: LessonCatalogue())
        let width = listings.map(\.name.count).max() ?? 0
        var firstProblem: LessonError?
        for listing in listings {
            let name = listing.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let origin = listing.origin == "built in" ? "" : "  [\(listing.origin)]"
            switch listing.title {
            case .success(let title):
                print("\(name)  \(title)\(origin)")
            case .failure(let error):
                print("\(name)  (cannot be read: \(error.description))\(origin)")
                firstProblem = firstProblem ?? error
            }
        }
        if let firstProblem { throw ExitCode(firstProblem.exitStatus) }
    }
}
