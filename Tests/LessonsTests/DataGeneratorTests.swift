import GLM
import XCTest
@testable import Lessons

/// The `exact` generator must make least squares return the requested β and σ.
/// The fit here is independent of the generator: normal equations solved by
/// Gaussian elimination with partial pivoting.
final class DataGeneratorTests: XCTestCase {
    func generator(_ predictors: String, beta: String, n: Int = 40, sigma: Double = 6, exact: Bool = true) throws -> GeneratorSpec {
        let yaml = """
            title: t
            data:
              generate:
                n: \(n)
                seed: 7
                sigma: \(sigma)
                exact: \(exact)
                predictors:
            \(predictors)
                beta: \(beta)
            models:
              m: y ~ x
            figures:
              f: {kind: coefficient-table}
            """
        let spec = try LessonSpecParser.parse(yaml: yaml, file: "gen.yaml", name: "gen", baseDirectory: nil)
        guard case .generated(let generator)? = spec.data else { throw XCTSkip("not a generator") }
        return generator
    }

    func leastSquares(_ x: Matrix, _ y: [Double]) -> (beta: [Double], sigma: Double) {
        let p = x.columns
        var a = x.transposed.multiplied(by: x)
        var b = x.transposed.multiplied(by: y)
        for k in 0..<p {
            let pivot = (k..<p).max { abs(a[$0, k]) < abs(a[$1, k]) }!
            for j in 0..<p { let t = a[k, j]; a[k, j] = a[pivot, j]; a[pivot, j] = t }
            b.swapAt(k, pivot)
            for i in (k + 1)..<p {
                let factor = a[i, k] / a[k, k]
                for j in k..<p { a[i, j] -= factor * a[k, j] }
                b[i] -= factor * b[k]
            }
        }
        var beta = [Double](repeating: 0, count: p)
        for k in stride(from: p - 1, through: 0, by: -1) {
            var sum = b[k]
            for j in (k + 1)..<p { sum -= a[k, j] * beta[j] }
            beta[k] = sum / a[k, k]
        }
        let fitted = x.multiplied(by: beta)
        let rss = zip(y, fitted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return (beta, (rss / Double(x.rows - p)).squareRoot())
    }

    func testExactSlopeOfTheContinuousLesson() throws {
        let spec = try generator("      x: {distribution: uniform, min: 0, max: 10, decimals: 1}",
                                 beta: "{(Intercept): 70, x: -5.344}")
        let output = try DataGenerator.generate(spec)
        let fit = leastSquares(output.design, output.table.numbers("y")!)
        XCTAssertEqual(output.designColumns, ["(Intercept)", "x"])
        XCTAssertEqual(fit.beta[0], 70, accuracy: 1e-12 * 70)
        XCTAssertEqual(fit.beta[1], -5.344, accuracy: 1e-12 * 5.344)
        XCTAssertEqual(fit.sigma, 6, accuracy: 1e-12 * 6)
    }

    func testExactMeanDifferenceOfTheDummyLesson() throws {
        let spec = try generator("      group: {levels: {control: 20, patient: 20}, reference: control}",
                                 beta: "{(Intercept): 20, grouppatient: 7.94}", sigma: 4)
        let output = try DataGenerator.generate(spec)
        let y = output.table.numbers("y")!
        let fit = leastSquares(output.design, y)
        XCTAssertEqual(fit.beta[1], 7.94, accuracy: 1e-12 * 7.94)
        XCTAssertEqual(fit.sigma, 4, accuracy: 1e-12 * 4)
        // The slope of a dummy is the difference of the group means.
        let control = y[0..<20].reduce(0, +) / 20, patient = y[20..<40].reduce(0, +) / 20
        XCTAssertEqual(patient - control, 7.94, accuracy: 1e-11)
        XCTAssertEqual(control, 20, accuracy: 1e-11)
    }

    func testExactWithTwoPredictorsAndAGroup() throws {
        let spec = try generator("""
                  a: {distribution: normal, mean: 5, sd: 2}
                  b: {from: 0, to: 1}
                  g: {levels: {x1: 10, x2: 15, x3: 15}, reference: x3}
            """, beta: "{(Intercept): 1, a: 0.25, b: -3, gx1: 2.5, gx2: -1}", sigma: 0.5)
        let output = try DataGenerator.generate(spec)
        XCTAssertEqual(output.designColumns, ["(Intercept)", "a", "b", "gx1", "gx2"])
        let fit = leastSquares(output.design, output.table.numbers("y")!)
        for (estimate, target) in zip(fit.beta, [1, 0.25, -3, 2.5, -1]) {
            XCTAssertEqual(estimate, target, accuracy: 1e-12 * max(1, abs(target)))
        }
        XCTAssertEqual(fit.sigma, 0.5, accuracy: 1e-12)
    }

    func testWithoutExactTheEstimateOnlyApproaches() throws {
        let spec = try generator("      x: {distribution: uniform, min: 0, max: 10}",
                                 beta: "{(Intercept): 70, x: -5.344}", exact: false)
        let output = try DataGenerator.generate(spec)
        let fit = leastSquares(output.design, output.table.numbers("y")!)
        XCTAssertNotEqual(fit.beta[1], -5.344, accuracy: 1e-6)
        XCTAssertEqual(fit.beta[1], -5.344, accuracy: 1.5, "σ = 6 over x in [0, 10] with n = 40")
    }

    func testSameSeedSameDataAcrossRuns() throws {
        let spec = try generator("      x: {distribution: normal, mean: 0, sd: 1}", beta: "{x: 1}")
        XCTAssertEqual(try DataGenerator.generate(spec).table, try DataGenerator.generate(spec).table)
    }

    func testXoshiroMatchesItsReferenceStream() {
        // First outputs of xoshiro256** seeded by SplitMix64 from 0, as printed by
        // the C reference implementations (splitmix64.c, xoshiro256starstar.c).
        var random = Xoshiro256StarStar(seed: 0)
        let outputs = (0..<3).map { _ in random.next() }
        XCTAssertEqual(outputs, [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
    }

    func testGroupCountsMustAddUpToN() {
        XCTAssertThrowsError(try generator("      g: {levels: {a: 3, b: 4}}", beta: "{}", n: 6)) { error in
            XCTAssertEqual((error as? LessonError)?.message, "the level counts of 'g' add up to 7 but n is 6")
        }
    }

    func testBetaMustNameADesignColumn() {
        XCTAssertThrowsError(try generator("      group: {levels: {control: 3, patient: 3}}",
                                           beta: "{grouppatent: 1}", n: 6)) { error in
            XCTAssertEqual((error as? LessonError)?.suggestion, "did you mean 'grouppatient'?")
        }
    }

    func testConstantPredictorCannotBeExact() throws {
        let spec = try generator("      x: {values: [2, 2, 2, 2, 2, 2]}", beta: "{x: 1}", n: 6)
        XCTAssertThrowsError(try DataGenerator.generate(spec)) { error in
            XCTAssertEqual((error as? LessonError)?.category, .badData)
            XCTAssertTrue((error as? LessonError)?.message.contains("rank deficient") ?? false)
        }
    }
}
