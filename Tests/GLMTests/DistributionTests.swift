import XCTest
@testable import GLM

/// The Rmath wrappers against values R prints and against closed forms.
final class DistributionTests: XCTestCase {
    private func assertRelative(_ a: Double, _ b: Double, _ tolerance: Double = 1e-14, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a, b, accuracy: tolerance * abs(b), file: file, line: line)
    }

    func testStudentT() {
        // R: qt(0.975, 10) = 2.228138851986274
        assertRelative(StudentTDistribution(degreesOfFreedom: 10).quantile(0.975), 2.228138851986274)
        // One df is the Cauchy distribution: P(T ≤ 1) = 3/4, density at 0 = 1/π.
        assertRelative(StudentTDistribution(degreesOfFreedom: 1).cdf(1), 0.75)
        assertRelative(StudentTDistribution(degreesOfFreedom: 1).density(0), 1 / Double.pi)
        // Two df: F(t) = 1/2 + t / (2√(2 + t²)).
        let t2 = StudentTDistribution(degreesOfFreedom: 2)
        assertRelative(t2.cdf(1.5), 0.5 + 1.5 / (2 * (2 + 1.5 * 1.5).squareRoot()))
        assertRelative(t2.twoSidedPValue(-1.5), 2 * (1 - t2.cdf(1.5)), 1e-13)
        assertRelative(t2.survival(1.5), 1 - t2.cdf(1.5), 1e-13)
    }

    func testNormal() {
        let standard = NormalDistribution()
        assertRelative(standard.density(0), 1 / (2 * Double.pi).squareRoot())
        // R: qnorm(0.975) = 1.959963984540054, pnorm(1.96) = 0.9750021048517795
        assertRelative(standard.quantile(0.975), 1.959963984540054)
        assertRelative(standard.cdf(1.96), 0.9750021048517795)
        let shifted = NormalDistribution(mean: 10, standardDeviation: 2)
        assertRelative(shifted.cdf(10), 0.5)
        assertRelative(shifted.density(12), standard.density(1) / 2)
    }

    /// With 2 numerator df, P(F > x) = (1 + 2x/d)^(−d/2) exactly.
    func testF() {
        let f = FDistribution(numerator: 2, denominator: 10)
        assertRelative(f.survival(3), 0.095367431640625)
        assertRelative(f.cdf(3), 1 - 0.095367431640625)
        assertRelative(f.quantile(1 - 0.095367431640625), 3, 1e-12)
    }
}
