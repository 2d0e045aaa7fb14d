import XCTest
@testable import GLM

/// The Toluca Company example of Kutner, Nachtsheim, Neter & Li, *Applied Linear
/// Statistical Models* (5th ed.), Table 1.1, Fig. 2.2 and Section 2.4–2.5:
/// work_hours ~ lot_size. Expected values are the book's printed figures, compared to
/// the digits it prints.
final class TolucaTests: XCTestCase {
    private func tolucaFit(level: Double = 0.95) throws -> Fit {
        let data = try FitFixtures.numericColumns("toluca.csv")
        let lotSize = data["lot_size"]!
        let x = Matrix(columns: [[Double](repeating: 1, count: lotSize.count), lotSize])
        return try Fit(
            x: x, y: data["work_hours"]!, columnNames: ["(Intercept)", "lot_size"], hasIntercept: true,
            confidenceLevel: level)
    }

    func testCoefficientTable() throws {
        let fit = try tolucaFit()
        XCTAssertEqual(fit.n, 25)
        XCTAssertEqual(fit.rank, 2)
        XCTAssertEqual(fit.dfResidual, 23)
        XCTAssertEqual(fit.coefficients[0].estimate, 62.366, accuracy: 0.0005)
        XCTAssertEqual(fit.coefficients[0].standardError!, 26.18, accuracy: 0.005)
        XCTAssertEqual(fit.coefficients[1].estimate, 3.5702, accuracy: 0.00005)
        XCTAssertEqual(fit.coefficients[1].standardError!, 0.3470, accuracy: 0.00005)
        XCTAssertEqual(fit.coefficients[1].t!, 10.29, accuracy: 0.005)
        XCTAssertEqual(fit.sigmaSquared!, 2383.7, accuracy: 0.05)
        XCTAssertEqual(fit.residualSumOfSquares, 54825, accuracy: 0.5)
        XCTAssertEqual(fit.rSquared!, 0.8215, accuracy: 0.00005)
        // Overall F = t² for one slope (Kutner Table 2.2: F* = 105.88).
        XCTAssertEqual(fit.fStatistic!, 105.88, accuracy: 0.005)
        XCTAssertEqual(fit.fStatistic!, fit.coefficients[1].t! * fit.coefficients[1].t!, accuracy: 1e-9)
        XCTAssertTrue(fit.warnings.isEmpty)
    }

    /// Kutner §2.1: 95% interval for β₁ is 2.85 ≤ β₁ ≤ 4.29.
    func testSlopeInterval() throws {
        let slope = try tolucaFit().coefficients[1]
        XCTAssertEqual(slope.ciLow!, 2.85, accuracy: 0.005)
        XCTAssertEqual(slope.ciHigh!, 4.29, accuracy: 0.005)
    }

    /// Kutner §2.4: at 65 lots, Ŷ = 294.4, s{Ŷ} = 9.918, 90% interval 277.4–311.4.
    /// §2.5: at 100 lots, Ŷ = 419.4, s{pred} = 50.87, 90% interval 332.2–506.6.
    func testMeanAndPredictionIntervals() throws {
        let fit = try tolucaFit()
        let at65 = try fit.prediction(at: [1, 65], level: 0.90)
        XCTAssertEqual(at65.mean, 294.4, accuracy: 0.05)
        XCTAssertEqual(at65.standardError!, 9.918, accuracy: 0.0005)
        XCTAssertEqual(at65.confidenceInterval!.lowerBound, 277.4, accuracy: 0.05)
        XCTAssertEqual(at65.confidenceInterval!.upperBound, 311.4, accuracy: 0.05)

        let at100 = try fit.prediction(at: [1, 100], level: 0.90)
        XCTAssertEqual(at100.mean, 419.4, accuracy: 0.05)
        let predictionSE = (fit.sigmaSquared! + at100.standardError! * at100.standardError!).squareRoot()
        XCTAssertEqual(predictionSE, 50.87, accuracy: 0.005)
        XCTAssertEqual(at100.predictionInterval!.lowerBound, 332.2, accuracy: 0.05)
        XCTAssertEqual(at100.predictionInterval!.upperBound, 506.6, accuracy: 0.05)
    }

    func testPredictionRejectsBadPoints() throws {
        let fit = try tolucaFit()
        XCTAssertThrowsError(try fit.prediction(at: [65])) { error in
            XCTAssertEqual(error as? PredictionError, .wrongLength(expected: 2, got: 1, columns: ["(Intercept)", "lot_size"]))
            XCTAssertTrue("\(error)".contains("(Intercept), lot_size"))
        }
        XCTAssertThrowsError(try fit.prediction(at: [1, .nan]))
    }
}
