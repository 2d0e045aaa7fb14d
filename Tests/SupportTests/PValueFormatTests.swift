import Support
import XCTest

/// p-values: three decimals, "< 0.001" below that (R's and Kutner's tables
/// print three decimals; APA 7 §6.36: exact to two or three decimals, "p <
/// .001" below, no zero before the point).
final class PValueFormatTests: XCTestCase {
    let apa = NumberStyle(pValues: .apa)
    let nbsp = "\u{00A0}"

    func testPointTwo() {
        XCTAssertEqual(NumberFormat.pValue(0.2), "0.2")
        XCTAssertEqual(NumberFormat.pValue(0.2, style: apa), ".2")
        XCTAssertEqual(NumberFormat.pClause(0.2), "p = 0.2")
    }

    func testPointZeroThree() {
        XCTAssertEqual(NumberFormat.pValue(0.03), "0.03")
        XCTAssertEqual(NumberFormat.pClause(0.03, style: apa), "p = .03")
        XCTAssertEqual(NumberFormat.pValue(0.03, style: .latex), "$0.03$")
    }

    func testTolucaInterceptIsKutners() {
        // Kutner et al., Figure 2.2: P = 0.026 for the constant.
        XCTAssertEqual(NumberFormat.pValue(0.025850936744002163), "0.026")
    }

    func testFourPointSevenTimesTenToTheMinusFourIsBelowTheFloor() {
        XCTAssertEqual(NumberFormat.pValue(4.7e-4), "<\(nbsp)0.001")
        XCTAssertEqual(NumberFormat.pValue(4.7e-4, style: apa), "<\(nbsp).001")
        XCTAssertEqual(NumberFormat.pValue(4.7e-4, style: .latex), "$<0.001$")
        XCTAssertEqual(NumberFormat.pClause(4.7e-4), "p < 0.001")
        XCTAssertEqual(NumberFormat.pClause(4.7e-4, style: NumberStyle(output: .texMath, pValues: .apa)), "p < .001")
    }

    func testTenToTheMinusTwentyIsNotPrintedInFull() {
        // Toluca's slope has p = 4.4×10⁻¹⁰; Kutner's Figure 2.2 prints 0.000.
        XCTAssertEqual(NumberFormat.pValue(1e-20), "<\(nbsp)0.001")
        XCTAssertEqual(NumberFormat.pValue(4.4488275871889375e-10, style: .ascii), "< 0.001")
        XCTAssertEqual(NumberFormat.pValue(0), "<\(nbsp)0.001")
    }

    func testTheEdges() {
        XCTAssertEqual(NumberFormat.pValue(0.001), "0.001")
        XCTAssertEqual(NumberFormat.pValue(0.0009996), "<\(nbsp)0.001")
        XCTAssertEqual(NumberFormat.pValue(0.0495), "0.05")
        // A p that rounds to 1 would claim a perfect match with the null.
        XCTAssertEqual(NumberFormat.pValue(0.99971), ">\(nbsp)0.999")
        XCTAssertEqual(NumberFormat.pValue(1), ">\(nbsp)0.999")
        XCTAssertEqual(NumberFormat.pValue(0.9994), "0.999")
    }

    func testUndefinedOrImpossiblePIsNA() {
        XCTAssertEqual(NumberFormat.pValue(.nan), "NA")
        XCTAssertEqual(NumberFormat.pValue(1.5), "NA")
        XCTAssertEqual(NumberFormat.pValue(-0.1, style: .latex), "$\\mathrm{NA}$")
    }
}
