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

extension GoldenImageTests {
    func testTeXLabelSheet() throws {
        try GoldenImage.assertMatches(LabelSheet(labels: ReferenceFigures.texLabels), named: "tex-labels")
    }

    func testHighDensityPNGDoublesThePixels() throws {
        let image = try ReferenceFigures.scatterWithLine().rgba(scale: 2)
        XCTAssertEqual(image.width, 1520)
        XCTAssertEqual(image.height, 1040)
    }
}

extension GoldenImageTests {
    func testDummyMeansWithBracketAndNamedTicks() throws {
        try GoldenImage.assertMatches(ReferenceFigures.dummyMeans(), named: "dummy-means")
    }

    func testProbabilityModelWithDensitiesArrowAndText() throws {
        try GoldenImage.assertMatches(ReferenceFigures.probabilityModel(), named: "probability-model")
    }
}

extension GoldenImageTests {
    func testTDistributionWithShadedTailsAndNegativeTicks() throws {
        try GoldenImage.assertMatches(ReferenceFigures.tDistribution(), named: "t-distribution")
    }
}

extension GoldenImageTests {
    func testCoefficientTable() throws {
        try GoldenImage.assertMatches(try ReferenceFigures.coefficientTable(), named: "coefficient-table")
    }

    func testCorrelationHeatmapOnADivergingMap() throws {
        try GoldenImage.assertMatches(ReferenceFigures.correlationHeatmap(), named: "correlation-heatmap")
    }
}
