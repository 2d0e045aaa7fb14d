import Plot
import XCTest

final class GoldenImageTests: XCTestCase {
    func testScatterWithFittedLineAndResiduals() throws {
        try GoldenImage.assertMatches(ReferenceFigures.scatterWithLine(), named: "scatter-fit")
    }

    func testRegressionPlaneIn3D() throws {
        try GoldenImage.assertMatches(ReferenceFigures.regressionPlane(), named: "regression-plane")
    }

    func testDesignMatrixWithNumbers() throws {
        try GoldenImage.assertMatches(ReferenceFigures.designMatrix(), named: "design-matrix")
    }

    func testTallDesignMatrixWithRotatedLabels() throws {
        try GoldenImage.assertMatches(ReferenceFigures.tallDesignMatrix(), named: "design-matrix-tall")
    }
}
