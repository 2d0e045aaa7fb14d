import GLM
import XCTest
@testable import Lessons

final class NearestWordTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(DiagnosticSuggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(DiagnosticSuggestion.editDistance("scater-fit", "scatter-fit"), 1)
        XCTAssertEqual(DiagnosticSuggestion.editDistance("tilte", "title"), 1, "a swap of neighbours costs one edit")
        XCTAssertEqual(DiagnosticSuggestion.editDistance("", "abc"), 3)
    }

    func testSuggestionOnlyForPlausibleTypos() {
        XCTAssertEqual(NearestWord.suggestion(for: "desing-matrix", among: FigureKind.names), "design-matrix")
        XCTAssertEqual(NearestWord.suggestion(for: "PNG", among: ["png", "svg", "pdf"]), "png")
        XCTAssertNil(NearestWord.suggestion(for: "histogram", among: FigureKind.names))
    }
}
