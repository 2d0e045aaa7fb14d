import Plot
import XCTest

final class GoldenImageTests: XCTestCase {
    func testScatterWithFittedLineAndResiduals() throws {
        try GoldenImage.assertMatches(ReferenceFigures.scatterWithLine(), named: "scatter-fit")
    }
}
