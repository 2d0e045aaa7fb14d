import XCTest
@testable import GLM

/// The minimum-norm (pseudo-inverse) answer on rank-deficient designs, checked against
/// closed forms: for aliased columns the pseudo-inverse spreads a slope over them in
/// proportion to their scale, and for tiny matrices X⁺ is known exactly.
final class LeastSquaresTests: XCTestCase {
    private var toluca: (x: [Double], y: [Double]) {
        let data = try! FitFixtures.numericColumns("toluca.csv")
        return (data["lot_size"]!, data["work_hours"]!)
    }

    private func assertRelative(_ a: Double, _ b: Double, _ tolerance: Double = 1e-11, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a, b, accuracy: tolerance * max(abs(b), 1), file: file, line: line)
    }

    /// [1, x, x]: rank 2; the two copies share the slope equally (β = b₁/2 each, the
    /// pinv answer), and neither copy is estimable on its own.
    func testDuplicatedColumn() throws {
        let (x, y) = toluca
        let ones = [Double](repeating: 1, count: x.count)
        let full = try LeastSquares.solve(Matrix(columns: [ones, x]), y)
        let aliased = try LeastSquares.solve(Matrix(columns: [ones, x, x]), y)
        XCTAssertEqual(aliased.rank, 2)
        XCTAssertEqual(aliased.estimable, [true, false, false])
        XCTAssertEqual(aliased.method, .lapackQRSVD)
        assertRelative(aliased.coefficients[0], full.coefficients[0])
        assertRelative(aliased.coefficients[1], full.coefficients[1] / 2)
        assertRelative(aliased.coefficients[2], full.coefficients[1] / 2)
        for i in x.indices { assertRelative(aliased.fitted[i], full.fitted[i]) }
        XCTAssertEqual(aliased.residualSumOfSquares, full.residualSumOfSquares, accuracy: 1e-8 * full.residualSumOfSquares)
    }

    /// [1, x, 2x]: minimum norm in the original units puts b₁/5 on x and 2b₁/5 on 2x
    /// (the point of the line β₁ + 2β₂ = b₁ nearest the origin). Solving after column
    /// scaling without undoing it would give a different split.
    func testScaledDuplicateIsSplitInOriginalUnits() throws {
        let (x, y) = toluca
        let ones = [Double](repeating: 1, count: x.count)
        let full = try LeastSquares.solve(Matrix(columns: [ones, x]), y)
        let aliased = try LeastSquares.solve(Matrix(columns: [ones, x, x.map { 2 * $0 }]), y)
        XCTAssertEqual(aliased.rank, 2)
        assertRelative(aliased.coefficients[1], full.coefficients[1] / 5)
        assertRelative(aliased.coefficients[2], 2 * full.coefficients[1] / 5)
        // (X′X)⁺ keeps the intercept's variance: c′(X′X)⁺c is the same for any
        // estimable c whichever parametrization is used.
        assertRelative(aliased.pseudoInverseGram[0, 0], full.pseudoInverseGram[0, 0], 1e-9)
    }

    /// X = [[1, 1], [1, 1]], y = (1, 3): X⁺ = X/4, so β = (1, 1), fitted (2, 2).
    func testTinyRankOneMatrix() throws {
        let solution = try LeastSquares.solve(Matrix(rows: [[1, 1], [1, 1]]), [1, 3])
        XCTAssertEqual(solution.rank, 1)
        XCTAssertEqual(solution.estimable, [false, false])
        XCTAssertEqual(solution.coefficients[0], 1, accuracy: 1e-15)
        XCTAssertEqual(solution.coefficients[1], 1, accuracy: 1e-15)
        XCTAssertEqual(solution.fitted[0], 2, accuracy: 1e-15)
        XCTAssertEqual(solution.residuals[1], 1, accuracy: 1e-15)
        // (X′X)⁺ = (X′X)/16 for this X.
        XCTAssertEqual(solution.pseudoInverseGram[0, 1], 2.0 / 16, accuracy: 1e-15)
    }

    /// More columns than rows: X = [[1, 0, 1], [0, 1, 1]], y = (1, 2) gives
    /// X⁺y = X′(XX′)⁻¹y = (0, 1, 1); no single coefficient is estimable.
    func testWideDesign() throws {
        let solution = try LeastSquares.solve(Matrix(rows: [[1, 0, 1], [0, 1, 1]]), [1, 2])
        XCTAssertEqual(solution.rank, 2)
        XCTAssertEqual(solution.estimable, [false, false, false])
        XCTAssertEqual(solution.coefficients[0], 0, accuracy: 1e-15)
        XCTAssertEqual(solution.coefficients[1], 1, accuracy: 1e-15)
        XCTAssertEqual(solution.coefficients[2], 1, accuracy: 1e-15)
        XCTAssertTrue(solution.isEstimable([1, 0, 1]))
        XCTAssertFalse(solution.isEstimable([1, 0, 0]))
    }

    /// An all-zero column is aliased with everything and gets estimate 0.
    func testZeroColumn() throws {
        let solution = try LeastSquares.solve(Matrix(columns: [[1, 1, 1, 1], [0, 0, 0, 0]]), [1, 2, 3, 4])
        XCTAssertEqual(solution.rank, 1)
        XCTAssertEqual(solution.estimable, [true, false])
        XCTAssertEqual(solution.coefficients[0], 2.5, accuracy: 1e-15)
        XCTAssertEqual(solution.coefficients[1], 0)
    }

    /// The rank tolerance is max(n, p)·ε·σ_max of the equilibrated design.
    func testRankTolerance() throws {
        let solution = try LeastSquares.solve(Matrix(rows: [[1, 1], [1, 1]]), [1, 3])
        XCTAssertEqual(solution.rankTolerance, 2 * Double.ulpOfOne * solution.scaledSingularValues[0])
    }

    /// Both paths agree on a well-conditioned design, and the automatic choice takes
    /// LAPACK above the size limit.
    func testPathsAgreeAndSwitchBySize() throws {
        let n = 200_000
        let columns = [[Double](repeating: 1, count: n), (0..<n).map { Double($0 % 97) }, (0..<n).map { Double(($0 * 7) % 31) }]
        let y = (0..<n).map { Double(($0 * 13) % 101) }
        let x = Matrix(columns: columns)
        XCTAssertGreaterThan(n * 9, LeastSquares.extendedPrecisionLimit)
        let automatic = try LeastSquares.solve(x, y)
        XCTAssertEqual(automatic.method, .lapackQRSVD)
        let extended = try LeastSquares.solve(x, y, strategy: .extendedPrecision)
        XCTAssertEqual(extended.method, .extendedPrecisionQR)
        for j in 0..<3 {
            assertRelative(automatic.coefficients[j], extended.coefficients[j], 1e-10)
            for k in 0..<3 {
                assertRelative(automatic.pseudoInverseGram[j, k], extended.pseudoInverseGram[j, k], 1e-9)
            }
        }
    }

    func testRejectsImpossibleInput() {
        XCTAssertThrowsError(try LeastSquares.solve(Matrix(rows: [[1], [2]]), [1])) { error in
            XCTAssertEqual(error as? LeastSquaresError, .sizeMismatch(rows: 2, responseCount: 1))
        }
        XCTAssertThrowsError(try LeastSquares.solve(Matrix(rows: [[1], [.infinity]]), [1, 2])) { error in
            XCTAssertEqual(error as? LeastSquaresError, .nonFiniteDesign(row: 1, column: 0))
        }
    }
}
