import Plot
import XCTest
@testable import Lessons

/// Every frame of every bundled animation lays out as cleanly as a still: a
/// GIF shows each frame for a moment, long enough to read a collision.
final class AnimationLayoutTests: XCTestCase {
    func testEveryFrameOfTheBundledAnimationsIsClean() throws {
        let catalogue = LessonCatalogue()
        for name in catalogue.names {
            let lesson = try PreparedLesson(catalogue.source(for: name).parse())
            for figure in lesson.spec.figures {
                guard let animation = try FigureAnimation.make(figure, model: lesson.model(for: figure)) else { continue }
                for (index, frame) in animation.frames.enumerated() {
                    let found = try frame.layout().violations().map(\.description)
                    XCTAssertEqual(found, [], "\(name)/\(figure.id) frame \(index)")
                }
            }
        }
    }
}
