import XCTest

@testable import GLM

final class DesignContrastTests: XCTestCase {
    private let design = try! Design(
        "y ~ age * group", frame: try! Frame([
            "y": .numeric([1, 2, 3, 4, 5, 6, 7]),
            "age": .numeric([30, 41, 52, 36, 47, 58, 33]),
            "group": .categorical(["placebo", "drugA", "drugB", "placebo", "drugA", "drugB", "drugA"]),
        ]))

    func testLinearCombinationsByName() throws {
        // Columns: (Intercept), age, groupdrugB, groupplacebo, age:groupdrugB, age:groupplacebo
        XCTAssertEqual(try design.contrastWeights("groupdrugB - groupplacebo").row(0), [0, 0, 1, -1, 0, 0])
        XCTAssertEqual(try design.contrastWeights("2*age - 0.5 age:groupdrugB").row(0), [0, 2, 0, 0, -0.5, 0])
        XCTAssertEqual(try design.contrastWeights("-(Intercept) + `age`").row(0), [-1, 1, 0, 0, 0, 0])
    }

    func testVectorsAndSeveralRows() throws {
        let c = try design.contrastWeights("[0, 0, 1, 0, 0, 0]; age:groupdrugB; age:groupplacebo")
        XCTAssertEqual(c.rows, 3)
        XCTAssertEqual(c.row(0), [0, 0, 1, 0, 0, 0])
        XCTAssertEqual(c.row(2), [0, 0, 0, 0, 0, 1])
    }

    func testErrorsPointIntoTheContrast() {
        XCTAssertThrowsError(try design.contrastWeights("groupdrugB - groupplacbo")) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.excerpt?.offset, 13)
            XCTAssertEqual(d?.suggestion, "did you mean \"groupplacebo\"?")
        }
        XCTAssertThrowsError(try design.contrastWeights("[1, 0]")) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.contains("has 2 weights but the design has 6") ?? false)
        }
        XCTAssertThrowsError(try design.contrastWeights("age age"))
        XCTAssertThrowsError(try design.contrastWeights("[1, x, 0, 0, 0, 0]"))
        XCTAssertThrowsError(try design.contrastWeights(""))
    }

    /// F divides by the number of rows, so rows that are not linearly independent
    /// would misstate the test's degrees of freedom: the dependent row is refused,
    /// with a caret under it. A row whose weights cancel tests nothing.
    func testDependentOrEmptyRowsAreRefused() {
        let text = "groupdrugB; groupplacebo; groupdrugB - 2 groupplacebo"
        XCTAssertThrowsError(try design.contrastWeights(text)) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.message.hasPrefix("row 3 of this F contrast is a combination of the rows before it"), true, d?.message ?? "")
            XCTAssertTrue(d?.message.contains("where the test has 2 degrees of freedom") ?? false)
            XCTAssertEqual(d?.excerpt?.offset, 26)
            XCTAssertEqual(d?.excerpt?.length, "groupdrugB - 2 groupplacebo".count)
        }
        XCTAssertThrowsError(try design.contrastWeights("age; [0, 3, 0, 0, 0, 0]")) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.contains("the test has 1 degree of freedom") ?? false)
        }
        XCTAssertThrowsError(try design.contrastWeights("age - age")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message.hasPrefix("this row's weights cancel"), true)
        }
        // Independent rows, however close to each other, are kept.
        XCTAssertEqual(try design.contrastWeights("age; age + 0.001 groupdrugB").rows, 2)
    }
}
