import XCTest

@testable import GLM

/// Inputs the libFuzzer targets in `fuzz/` found to crash or hang, kept so the
/// fixes stay in place. Each reproducer is also in the fuzz corpus.
final class FuzzRegressionTests: XCTestCase {
    private func diagnostic(_ body: () throws -> Void) -> Diagnostic? {
        do {
            try body()
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    /// Crossing k variables gives 2^k − 1 terms: twelve is the largest crossing
    /// under `Formula.maximumTerms`, and a thirteenth is refused at its `*`.
    func testCrossingStopsAtTheTermLimit() throws {
        let twelve = "y ~ a*b*c*d*e*f*g*h*i*j*k*l"
        XCTAssertEqual(try Formula(twelve).terms.count, 4095)
        XCTAssertEqual(try Formula(twelve).terms.last?.label, "a:b:c:d:e:f:g:h:i:j:k:l")

        let thirteen = twelve + "*m"
        let refused = diagnostic { _ = try Formula(thirteen) }
        XCTAssertEqual(refused?.category, .badFormula)
        XCTAssertEqual(refused?.excerpt?.offset, thirteen.count - 2)
        XCTAssertTrue(refused?.message.contains("more than 4096 terms") ?? false, refused?.message ?? "no error")
    }

    /// `^` multiplies out the same way: ten variables to the 10th power is every
    /// subset, 1023 terms, while fourteen to the 14th is refused at the `^`.
    func testPowerStopsAtTheTermLimit() throws {
        let ten = "y ~ (a+b+c+d+e+f+g+h+i+j)^10"
        XCTAssertEqual(try Formula(ten).terms.count, 1023)
        let fourteen = "y ~ (a+b+c+d+e+f+g+h+i+j+k+l+m+n)^14"
        let refused = diagnostic { _ = try Formula(fourteen) }
        XCTAssertEqual(refused?.excerpt?.offset, fourteen.firstIndex(of: "^").map { fourteen.distance(from: fourteen.startIndex, to: $0) })
    }

    /// Crossing a crossing with itself collapses a million pairs into a thousand
    /// terms: cheap to describe, slow to form, so the pairs are budgeted too. Eight
    /// variables to the 8th power (255 terms, every subset) stays well inside it.
    func testSelfCrossingIsBoundedByThePairBudget() throws {
        let ten = "(a*b*c*d*e*f*g*h*i*j)"
        let text = "y ~ \(ten)*\(ten)"
        let refused = diagnostic { _ = try Formula(text) }
        XCTAssertEqual(refused?.category, .badFormula)
        XCTAssertEqual(refused?.excerpt?.offset, 4 + ten.count)
        XCTAssertTrue(refused?.message.contains("too large to expand") ?? false, refused?.message ?? "no error")
        XCTAssertEqual(try Formula("y ~ (a+b+c+d+e+f+g+h)^8").terms.count, 255)
    }

    /// Removing and re-adding a term many times keeps the formula it started as.
    func testRepeatedRemovalFromALargeExpansion() throws {
        let text = "y ~ a*b*c*d*e*f*g*h*i*j*k*l" + String(repeating: " + x - x", count: 50)
        XCTAssertEqual(try Formula(text).terms.map(\.label), try Formula("y ~ a*b*c*d*e*f*g*h*i*j*k*l").terms.map(\.label))
    }

    /// Found by `fuzz/run formula` (a hang: `.` stands for six columns and every
    /// `*` doubled the expansion, which also compared each new term with all the
    /// earlier ones). Now refused with a message instead.
    func testDotCrossedManyTimesIsRefusedNotExpanded() throws {
        let text = "~ x* Boox* Bokglyz:.\t*g* Booglyz:.\t*glyz:lyzox* Booglyz:.\t*gly:.\t*oox* Booglyz:.\t*glyz: p*."
        let formula = try Formula(text)
        let refused = diagnostic { _ = try formula.expandingDot(columns: ["y", "x", "z", "lot size", "g", "sex"]) }
        XCTAssertEqual(refused?.category, .badFormula)
        XCTAssertTrue(refused?.message.contains("more than 4096 terms") ?? false, refused?.message ?? "no error")
    }
}
