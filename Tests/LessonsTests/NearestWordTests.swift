import XCTest
@testable import Lessons

final class NearestWordTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(NearestWord.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(NearestWord.editDistance("scater-fit", "scatter-fit"), 1)
        XCTAssertEqual(NearestWord.editDistance("tilte", "title"), 1, "a swap of neighbours costs one edit")
        XCTAssertEqual(NearestWord.editDistance("", "abc"), 3)
    }

    func testSuggestionOnlyForPlausibleTypos() {
        XCTAssertEqual(NearestWord.suggestion(for: "desing-matrix", among: FigureKind.names), "design-matrix")
        XCTAssertEqual(NearestWord.suggestion(for: "PNG", among: ["png", "svg", "pdf"]), "png")
        XCTAssertNil(NearestWord.suggestion(for: "histogram", among: FigureKind.names))
    }
}
