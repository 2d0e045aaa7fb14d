import Foundation
import Plot
import XCTest
@testable import Lessons

/// The two animated figures of the course: the frames the lessons ask for,
/// at slide width, within the size budget, and ending where the still is.
final class AnimationRenderTests: XCTestCase {
    let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")
    var outputRoot: URL!

    override func setUpWithError() throws {
        outputRoot = FileManager.default.temporaryDirectory
            .appendingPathComponent("glmviz-animation-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: outputRoot)
    }

    /// Renders `lesson` and decodes `figure`.gif from what was written.
    func renderedGIF(_ lesson: String, _ figure: String) throws -> (bytes: Int, animation: GIFDecoder.Animation) {
        _ = try LessonRenderer(outputRoot: outputRoot).render(catalogue.source(for: lesson))
        let bytes = try [UInt8](Data(contentsOf: outputRoot.appendingPathComponent("\(lesson)/\(figure).gif")))
        return (bytes.count, try GIFDecoder().decode(bytes))
    }

    /// The still drawn as the GIF is, one pixel per display pixel (the PNG
    /// beside it is drawn at the lesson's density).
    func still(_ lesson: String, _ figure: String) throws -> RGBAImage {
        let prepared = try PreparedLesson(catalogue.source(for: lesson).parse())
        let spec = try XCTUnwrap(prepared.spec.figures.first { $0.id == figure })
        return try FigureFactory.make(spec, model: prepared.model(for: spec)).rgba(scale: 1)
    }

    func testProbabilityModelBuildsUpAndEndsOnTheStill() throws {
        let (bytes, gif) = try renderedGIF("probability-model", "simple-reg-prob")
        XCTAssertLessThan(bytes, 2_000_000)
        XCTAssertGreaterThanOrEqual(gif.width, 700)
        // lessons/probability-model.yaml: 120 frame slots of 0.08 s and 4 s on the
        // last, looping. A step the story holds is one picture shown for its
        // slots: each run of equal stages is one GIF frame.
        let stages = ProbabilityModelStory.stages(count: 120, densities: 4, points: true)
        var runs: [Int] = []
        for (index, stage) in stages.enumerated() {
            if index > 0, stage == stages[index - 1] { runs[runs.count - 1] += 1 } else { runs.append(1) }
        }
        XCTAssertLessThan(runs.count, 120, "the story holds some steps")
        XCTAssertEqual(gif.frames.count, runs.count)
        XCTAssertEqual(gif.delays, runs.dropLast().map { $0 * 8 } + [(runs.last! - 1) * 8 + 400])
        XCTAssertEqual(gif.delays.reduce(0, +), 119 * 8 + 400, "the whole story takes as long as 120 slots")
        XCTAssertEqual(gif.loopCount, 0)

        // The last frame is the full picture: the still, up to the palette.
        let images = gif.images
        let still = try still("probability-model", "simple-reg-prob")
        let last = images.last!.difference(from: still, channelTolerance: 48)
        XCTAssertTrue(last.passes(maximumFraction: 0.01), "last frame differs from the still in \(last.differingFraction)")
        // The first frame is not: the line, densities and points are still to come.
        let first = images[0].difference(from: still, channelTolerance: 48)
        XCTAssertGreaterThan(first.differingFraction, 0.02)
        // It moves in steps and holds between them: every frame is a new step,
        // and nearly every one changes the picture (the last moments of an
        // eased move can round to the same pixels); a hold is a longer delay.
        let moved = (1..<images.count).filter { images[$0].pixels != images[$0 - 1].pixels }.count
        XCTAssertGreaterThan(images.count, 50)
        XCTAssertGreaterThanOrEqual(Double(moved), 0.9 * Double(images.count - 1))
        XCTAssertGreaterThanOrEqual(gif.delays.dropLast().max()!, 60, "a held step stays up at least 0.6 s")
    }

    func testProbabilityModelFramesKeepTheirAxesStill() throws {
        // Every frame shares the still's axis labels and annotation: only the
        // densities change, so the text in each frame's layout is the still's
        // plus at most the travelling density's x.
        let lesson = try PreparedLesson(catalogue.source(for: "probability-model").parse())
        let figure = lesson.spec.figures[0]
        let model = lesson.model(for: figure)
        let stillText = Set(try FigureFactory.make(figure, model: model).layout().textBoxes.map(\.text))
        let animation = try XCTUnwrap(FigureAnimation.make(figure, model: model))
        for (index, frame) in animation.frames.enumerated() {
            let layout = try frame.layout()
            let extra = Set(layout.textBoxes.map(\.text)).subtracting(stillText)
            XCTAssertLessThanOrEqual(extra.count, 1, "frame \(index): \(extra)")
            XCTAssertEqual(layout.overlappingText().count, 0, "frame \(index)")
            XCTAssertEqual(layout.textOutsideCanvas().map(\.text), [], "frame \(index)")
        }
    }

    func testPlaneFramesKeepLegendAndEquationInPlace() throws {
        let lesson = try PreparedLesson(catalogue.source(for: "multiple-regression").parse())
        let figure = lesson.spec.figures[0]
        let animation = try XCTUnwrap(FigureAnimation.make(figure, model: lesson.model(for: figure)))
        let pinned = ["Fitted plane", "Residual", "Above", "Below"]
        var firstPlaces: [String: Rect] = [:]
        for (index, frame) in animation.frames.enumerated() {
            let layout = try frame.layout()
            XCTAssertEqual(layout.textOutsideCanvas().map(\.text), [], "frame \(index)")
            for box in layout.textBoxes where pinned.contains(box.text) || box.role == .annotation {
                if let place = firstPlaces[box.text] {
                    XCTAssertEqual(place, box.rect, "'\(box.text)' moved in frame \(index)")
                } else {
                    firstPlaces[box.text] = box.rect
                }
            }
        }
        XCTAssertEqual(firstPlaces.count, pinned.count + 2, "the legend entries, the equation and the line of simple slopes")
    }

    func testStillKindsWriteNoGIF() throws {
        let rendered = try LessonRenderer(outputRoot: outputRoot, formats: [.png, .gif])
            .render(catalogue.source(for: "simple-regression"))
        XCTAssertFalse(rendered.files.contains { $0.hasSuffix(".gif") })
        XCTAssertTrue(rendered.files.contains("simple-reg.png"))
    }
}
