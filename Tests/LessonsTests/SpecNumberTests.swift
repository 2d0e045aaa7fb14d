import XCTest
@testable import Lessons

/// Whole numbers in a spec: one beyond Int64 is out of range with the allowed
/// range given (it used to be "not a whole number"); one written with an
/// exponent is still a whole number.
final class SpecNumberTests: XCTestCase {
    static let valid = SpecErrorTests.valid

    func refusal(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> LessonError? {
        InlineSpec.refusal(yaml, file: file, line: line)
    }

    func option(_ text: String) -> String {
        Self.valid.replacingOccurrences(of: "residuals: true", with: text)
    }

    func testAWidthBeyondInt64IsTooLargeWithTheRange() {
        let e = refusal(option("width: 99999999999999999999"))
        XCTAssertEqual(e?.description, "demo.yaml:10:14: option 'width' is too large: '99999999999999999999' is not between 200 and 4000")
        XCTAssertEqual(e?.exitStatus, 65)
    }

    func testANegativeWidthBeyondInt64IsTooSmall() {
        let e = refusal(option("width: -1e30"))
        XCTAssertEqual(e?.message, "option 'width' is too small: '-1e30' is not between 200 and 4000")
    }

    /// 2^63 is the first whole number Int64 cannot hold; 2^63 − 1 is in range for a seed.
    func testTheSeedRangeEndsAtInt64Max() throws {
        func generator(seed: String) -> String {
            """
            title: Demo
            data:
              generate:
                n: 20
                seed: \(seed)
                sigma: 1
                predictors:
                  x: {from: 0, to: 1}
                beta: {(Intercept): 1, x: 2}
            models:
              m: y ~ x
            figures:
              f:
                kind: scatter-fit
            """
        }
        let e = refusal(generator(seed: "9223372036854775808"))
        XCTAssertEqual(e?.message, "'seed' is too large: '9223372036854775808' is not between 0 and 9223372036854775807")
        XCTAssertEqual(e?.line, 5)
        XCTAssertNoThrow(try InlineSpec.parse(generator(seed: "9223372036854775807")))
    }

    func testAWholeNumberWithAnExponentIsAccepted() throws {
        let spec = try InlineSpec.parse(option("width: 1e3"))
        XCTAssertEqual(spec.figures.first?.value(CommonFigureOptions.width), 1000)
    }

    func testAFractionIsStillNotAWholeNumber() {
        let e = refusal(option("width: 2.5"))
        XCTAssertEqual(e?.message, "expected option 'width' (a whole number), found '2.5'")
    }
}
