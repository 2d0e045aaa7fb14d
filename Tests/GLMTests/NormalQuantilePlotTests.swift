import XCTest
@testable import GLM

/// `NormalQuantilePlot` against R's definitions: `ppoints(n)` (Blom's
/// (i − 3/8)/(n + 1/4) for n ≤ 10, (i − ½)/n above), `qqnorm`'s x =
/// qnorm(ppoints(n))[order(order(y))], and `qqline` through the type-7
/// quartiles. The quantiles were printed with Rmath's `qnorm` (the C library
/// R calls) from those definitions, to 15 significant digits.
final class NormalQuantilePlotTests: XCTestCase {
    func testPlottingPositionsAreRsPpoints() {
        // ppoints(3) = 0.1923077 0.5000000 0.8076923; ppoints(10)[1] = 0.06097561; ppoints(11)[1] = 0.04545455.
        let three = NormalQuantilePlot.plottingPositions(3)
        XCTAssertEqual(three[0], 0.625 / 3.25, accuracy: 1e-15)
        XCTAssertEqual(three[0], 0.1923077, accuracy: 5e-8)
        XCTAssertEqual(three[1], 0.5)
        XCTAssertEqual(three[2], 0.8076923, accuracy: 5e-8)
        XCTAssertEqual(NormalQuantilePlot.plottingPositions(10)[0], 0.06097561, accuracy: 5e-9)
        XCTAssertEqual(NormalQuantilePlot.plottingPositions(11)[0], 0.04545455, accuracy: 5e-9)
        XCTAssertEqual(NormalQuantilePlot.plottingPositions(25).last!, 0.98, accuracy: 1e-15)
        XCTAssertEqual(NormalQuantilePlot.plottingPositionFormula(10), "(i - 3/8)/(n + 1/4)")
        XCTAssertEqual(NormalQuantilePlot.plottingPositionFormula(11), "(i - 1/2)/n")
    }

    func testTheoreticalQuantilesFollowTheRanksWithTiesInSampleOrder() {
        // qnorm(ppoints(3)) = -0.869423773288886 0 0.869423773288886; the two 2s
        // take ranks 2 and 3 in the order they stand, as order(order(y)) gives.
        let plot = NormalQuantilePlot(sample: [2, 1, 2])
        XCTAssertEqual(plot.theoretical[0], 0)
        XCTAssertEqual(plot.theoretical[1], -0.869423773288886, accuracy: 1e-14)
        XCTAssertEqual(plot.theoretical[2], 0.869423773288886, accuracy: 1e-14)
        // n = 10 (Blom) and 11 ((i − ½)/n): the extremes.
        let ten = NormalQuantilePlot(sample: (1...10).map(Double.init).reversed())
        XCTAssertEqual(ten.theoretical[0], 1.54663527139923, accuracy: 1e-13)
        XCTAssertEqual(ten.theoretical[9], -1.54663527139923, accuracy: 1e-13)
        let eleven = NormalQuantilePlot(sample: (1...11).map(Double.init))
        XCTAssertEqual(eleven.theoretical[0], -1.6906216295849, accuracy: 1e-13)
        XCTAssertEqual(eleven.theoretical[5], 0)
    }

    func testReferenceLineIsRsQqline() {
        // 1:10: quartiles 3.25 and 7.75 (type 7) against ±qnorm(0.75) = ±0.674489750196082:
        // slope 4.5 / 1.34897950039216 = 3.33585499163760, through (0, 5.5).
        let plot = NormalQuantilePlot(sample: (1...10).map(Double.init))
        XCTAssertEqual(plot.slope, 3.3358549916376, accuracy: 1e-12)
        XCTAssertEqual(plot.intercept, 5.5, accuracy: 1e-12)
        XCTAssertEqual(NormalQuantilePlot.quantile([1, 2, 3, 4], 0.25), 1.75)
        XCTAssertEqual(NormalQuantilePlot.quantile([7], 0.75), 7)
    }
}
