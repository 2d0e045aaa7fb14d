import GLM
import Support
import XCTest
@testable import Lessons

final class NearestWordTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
        XCTAssertEqual(EditDistance.between("scater-fit", "scatter-fit"), 1)
        XCTAssertEqual(EditDistance.between("tilte", "title"), 1, "a swap of neighbours costs one edit")
        XCTAssertEqual(EditDistance.between("", "abc"), 3)
    }

    func testSuggestionOnlyForPlausibleTypos() {
        XCTAssertEqual(NearestWord.suggestion(for: "desing-matrix", among: FigureKind.names), "design-matrix")
        XCTAssertEqual(NearestWord.suggestion(for: "PNG", among: ["png", "svg", "pdf"]), "png")
        XCTAssertNil(NearestWord.suggestion(for: "histogram", among: FigureKind.names))
    }
}
