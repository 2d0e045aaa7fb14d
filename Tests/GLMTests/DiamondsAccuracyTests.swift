import Foundation
import XCTest

@testable import GLM

/// Accuracy on a large design, against R: ggplot2's diamonds with
/// `price ~ carat * cut * color` (53 940 × 70, equilibrated condition number 316),
/// far beyond the extended-precision size limit, so glmviz fits it on its LAPACK path.
///
/// Sources (`RAccuracyFixtures`, `Fixtures/r-reference/r-accuracy.json`): R's `lm` answer, written by
/// `scripts/r-reference/make-fixtures.R`, and the exact answer for the same CSV,
/// written by `scripts/r-reference/exact-diamonds.py`: the doubles both programs read,
/// summed as fractions and solved in 100-digit decimals, so it owes nothing to R's or
/// glmviz's floating-point solvers.
final class DiamondsAccuracyTests: XCTestCase {
    private func diamonds() throws -> (RAccuracyFixtures.Case, Design) {
        let fixture = try RAccuracyFixtures.load()
        let diamonds = try XCTUnwrap(fixture.cases.first { $0.name == "diamonds_carat_cut_color" })
        let design = try Design(diamonds.formula, frame: RReferenceFixtures.frame(diamonds.csv))
        XCTAssertEqual(design.columnNames, diamonds.coefficient_names)
        XCTAssertEqual(design.x.rows, diamonds.nobs)
        return (diamonds, design)
    }

    private func digits(_ values: [Double], _ exact: [String]) -> Double {
        LogRelativeError.minimum(values, certified: exact.map { Double($0)! })
    }

    /// glmviz's answer (refined LAPACK) has at least R's digits, in β and in SE.
    func testLAPACKPathIsAtLeastAsAccurateAsR() throws {
        let (diamonds, design) = try diamonds()
        let n = design.x.rows, p = design.x.columns
        XCTAssertGreaterThan(n * p * p, LeastSquares.extendedPrecisionLimit)
        let fit = try design.fit()
        XCTAssertEqual(fit.method, .lapackQRRefined)
        XCTAssertEqual(fit.rank, diamonds.rank)

        let rBeta = digits(diamonds.estimate, diamonds.exact.estimate)
        let rSE = digits(diamonds.std_error, diamonds.exact.std_error)
        let glmvizBeta = digits(fit.coefficients.map(\.estimate), diamonds.exact.estimate)
        let glmvizSE = digits(fit.coefficients.map { $0.standardError ?? .nan }, diamonds.exact.std_error)
        let glmvizSigma = LogRelativeError.of(fit.sigma ?? .nan, certified: Double(diamonds.exact.sigma)!)
        print("diamonds \(diamonds.formula): β digits R \(rBeta), glmviz \(glmvizBeta); SE digits R \(rSE), glmviz \(glmvizSE); σ̂ \(glmvizSigma)")
        // R 4.2.2's lm (LINPACK QR, no refinement): 12.5 digits in β, 14.5 in SE.
        XCTAssertEqual(rBeta, 12.5, accuracy: 0.1)
        XCTAssertEqual(rSE, 14.5, accuracy: 0.1)
        XCTAssertGreaterThanOrEqual(glmvizBeta, rBeta)
        XCTAssertGreaterThanOrEqual(glmvizBeta, 14.5)
        XCTAssertGreaterThanOrEqual(glmvizSE, rSE)
        XCTAssertGreaterThanOrEqual(glmvizSigma, 14.5)
    }

    /// Without refinement the LAPACK answer falls short of R's, which is why the
    /// refinement exists; the condition number is what switches it on.
    func testRefinementIsWhatLiftsTheLAPACKAnswer() throws {
        let (diamonds, design) = try diamonds()
        let unrefined = try LeastSquares.solveWithLAPACK(design.x, design.y, refine: false)
        XCTAssertEqual(unrefined.method, .lapackQRSVD)
        let condition = try XCTUnwrap(unrefined.conditionNumber)
        XCTAssertEqual(condition, diamonds.condition_number, accuracy: 1e-6 * condition)
        XCTAssertTrue(LeastSquaresRefinement.isWanted(conditionNumber: condition))
        let unrefinedBeta = digits(unrefined.coefficients, diamonds.exact.estimate)
        let rBeta = digits(diamonds.estimate, diamonds.exact.estimate)
        let n = Double(design.x.rows - design.x.columns)
        let unrefinedSE = digits(
            (0..<design.x.columns).map { (unrefined.residualSumOfSquares / n * unrefined.pseudoInverseGram[$0, $0]).squareRoot() },
            diamonds.exact.std_error)
        print("diamonds unrefined LAPACK: β digits \(unrefinedBeta), SE digits \(unrefinedSE)")
        XCTAssertLessThan(unrefinedBeta, rBeta)
        // The standard errors do not depend on the refinement: (X′X)⁻¹ is R⁻¹R⁻ᵀ either way.
        XCTAssertGreaterThanOrEqual(unrefinedSE, 14.5)
    }
}
