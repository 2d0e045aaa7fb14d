import XCTest
@testable import Lessons

/// The animation options are read, defaulted and refused like every other
/// option: with the line and column, what was expected and the nearest word.
final class AnimationSpecTests: XCTestCase {
    static let spec = """
        title: Demo
        data:
          builtin: toluca
        models:
          hours: work_hours ~ lot_size
        figures:
          prob:
            kind: probability-model
            options:
              frames: 30
              delay: 0.05
              hold: 2.5
              loop: forever
        formats: [png, gif]
        """

    func parse(_ yaml: String) throws -> LessonSpec {
        try InlineSpec.parse(yaml)
    }

    func refusal(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> LessonError? {
        InlineSpec.refusal(yaml, file: file, line: line)
    }

    func testOptionsBecomeGIFTiming() throws {
        let spec = try parse(Self.spec)
        XCTAssertEqual(spec.formats, [.png, .gif])
        XCTAssertEqual(AnimationTiming(spec.figures[0]),
                       AnimationTiming(frameCount: 30, frameDelay: 5, finalDelay: 250, loopCount: 0))
        let counted = try parse(Self.spec.replacingOccurrences(of: "loop: forever", with: "loop: 3"))
        XCTAssertEqual(AnimationTiming(counted.figures[0])?.loopCount, 3)
    }

    func testDefaultsPerKind() throws {
        let bare = try parse(Self.spec.replacingOccurrences(
            of: "    options:\n      frames: 30\n      delay: 0.05\n      hold: 2.5\n      loop: forever\n", with: ""))
        XCTAssertEqual(AnimationTiming(bare.figures[0]),
                       AnimationTiming(frameCount: 120, frameDelay: 8, finalDelay: 400, loopCount: 0))
        // A turntable has no resting frame: the last frame waits as long as the others.
        let plane = try parse(Self.spec.replacingOccurrences(of: "probability-model", with: "regression-plane")
            .replacingOccurrences(of: "      hold: 2.5\n", with: ""))
        XCTAssertEqual(AnimationTiming(plane.figures[0]),
                       AnimationTiming(frameCount: 30, frameDelay: 5, finalDelay: 5, loopCount: 0))
    }

    func testMisspeltLoopWordSuggestsForever() {
        let e = refusal(Self.spec.replacingOccurrences(of: "loop: forever", with: "loop: forver"))
        XCTAssertEqual(e?.line, 13)
        XCTAssertEqual(e?.column, 13)
        XCTAssertEqual(e?.message, "option 'loop' must be 'forever' or a whole number from 1 to 1000, found 'forver'")
        XCTAssertEqual(e?.suggestion, "did you mean 'forever'?")
    }

    func testOutOfRangeTiming() {
        XCTAssertEqual(refusal(Self.spec.replacingOccurrences(of: "delay: 0.05", with: "delay: 0"))?.message,
                       "option 'delay' must be between 0.02 and 10.0, found 0.0")
        XCTAssertEqual(refusal(Self.spec.replacingOccurrences(of: "frames: 30", with: "frames: 1"))?.line, 10)
    }

    func testFramesOnAStillKindIsAnUnknownOption() {
        let e = refusal(Self.spec.replacingOccurrences(of: "probability-model", with: "scatter-fit"))
        XCTAssertEqual(e?.line, 10)
        XCTAssertEqual(e?.column, 7)
        XCTAssertEqual(e?.message, "unknown key 'frames' in the options of 'prob'")
    }

    func testMisspeltGIFFormatSuggestsIt() {
        let e = refusal(Self.spec.replacingOccurrences(of: "[png, gif]", with: "[png, gfi]"))
        XCTAssertEqual(e?.line, 14)
        XCTAssertEqual(e?.suggestion, "did you mean 'gif'?")
    }
}
