import Support
import XCTest

/// A column lined up on the decimal point: the Toluca estimates (Kutner et
/// al., Figure 2.2: 62.37 and 3.5702) have two and four decimals.
final class DecimalAlignmentTests: XCTestCase {
    let toluca = [NumberFormat.estimate(62.36585858585858, standardError: 26.177433889901735),
                  NumberFormat.estimate(3.57020202020202, standardError: 0.34697215684876076)]

    func testSplitAtThePoint() {
        XCTAssertEqual(DecimalAlignment.split(toluca, style: .unicode).map { [$0.integer, $0.fraction] },
                       [["62", ".37"], ["3", ".5702"]])
        XCTAssertEqual(DecimalAlignment.split(toluca, style: .latex).map { [$0.integer, $0.fraction] },
                       [["$62$", "$.37$"], ["$3$", "$.5702$"]])
        let negative = [NumberFormat.number(-2_500_000.5, .decimals(1)), NumberFormat.number(42, .decimals(0))]
        XCTAssertEqual(DecimalAlignment.split(negative, style: .unicode).map { [$0.integer, $0.fraction] },
                       [["\u{2212}2\u{2009}500\u{2009}000", ".5"], ["42", ""]])
    }

    func testPaddedWithFigureSpaces() {
        // U+2007 is a digit's width, U+2008 the point's.
        XCTAssertEqual(DecimalAlignment.padded(toluca, style: .unicode), ["62.37\u{2007}\u{2007}", "3.5702"])
        let whole = [NumberFormat.number(42, .decimals(0)), NumberFormat.number(3.57, .decimals(2))]
        XCTAssertEqual(DecimalAlignment.padded(whole, style: .unicode), ["42\u{2008}\u{2007}\u{2007}", "3.57"])
        XCTAssertEqual(DecimalAlignment.padded(whole, style: .ascii), ["42   ", "3.57"])
    }

    func testPaddedWithPhantomsInLaTeX() {
        XCTAssertEqual(DecimalAlignment.padded(toluca, style: .latex), ["$62.37\\phantom{00}$", "$3.5702$"])
        let withNA = [NumberFormat.label(.nan), NumberFormat.number(0.5, .decimals(1))]
        XCTAssertEqual(DecimalAlignment.padded(withNA, style: .texMath), ["\\mathrm{NA}\\phantom{.0}", "0.5"])
    }
}
