@testable import Plot
import XCTest

/// A matrix too wide for its canvas is summarised (first and last columns around an
/// ellipsis, with a note saying how many are shown), never cropped: before, a
/// 1 000-column design drew its first 40 columns at a readable width and cut the rest
/// off at the canvas edge.
final class WideMatrixTests: XCTestCase {
    func testSelectionKeepsFirstAndLastColumnsAroundAnEllipsis() {
        let wide = ColumnSelection(count: 1000, fitting: 41)
        XCTAssertEqual(wide.columns.count, 41)
        XCTAssertEqual(Array(wide.columns.prefix(3)), [0, 1, 2])
        XCTAssertEqual(wide.columns[20], nil, "the ellipsis column sits between the halves")
        XCTAssertEqual(Array(wide.columns.suffix(2)), [998, 999])
        XCTAssertEqual(wide.note, "1\u{202F}000 columns, 40 shown: the first 20 and the last 20")
        let narrow = ColumnSelection(count: 12, fitting: 41)
        XCTAssertEqual(narrow.columns, (0..<12).map { $0 })
        XCTAssertNil(narrow.note)
        XCTAssertEqual(ColumnSelection.grouped(12345), "12\u{202F}345")
        XCTAssertEqual(ColumnSelection.grouped(999), "999")
    }

    /// A 1 000-column design matrix (an intercept and 999 dummies) on the default
    /// canvas: every label inside the canvas, the note drawn, the last column's label
    /// shown, and far fewer than 1 000 column labels.
    func testThousandColumnDesignIsSummarisedInsideItsCanvas() throws {
        let columns = 1000, rows = 30
        let values = (0..<rows).map { r in (0..<columns).map { c in c == 0 || c == r + 1 ? 1.0 : 0 } }
        let labels = ["(Intercept)"] + (1..<columns).map { "g\($0)" }
        let image = MatrixImage(values: values, columnLabels: labels)
        let layout = try image.layout()
        XCTAssertEqual(layout.textOutsideCanvas(), [])
        let texts = layout.textBoxes.map(\.text)
        XCTAssertTrue(texts.contains { $0.contains("1\u{202F}000 columns,") && $0.contains("shown") }, "\(texts)")
        XCTAssertTrue(texts.contains("g999"), "the last column is labelled")
        XCTAssertTrue(texts.contains("(Intercept)"))
        let columnLabels = texts.filter { $0 == "(Intercept)" || $0.hasPrefix("g") }
        XCTAssertLessThan(columnLabels.count, 60)
        XCTAssertGreaterThan(columnLabels.count, 10)
    }

    /// A design that fits is drawn whole, with no note.
    func testNarrowDesignIsDrawnWhole() throws {
        let image = MatrixImage(values: [[1, 0, 0], [1, 1, 0], [1, 0, 1]], columnLabels: ["a", "b", "c"])
        let texts = try image.layout().textBoxes.map(\.text)
        XCTAssertFalse(texts.contains { $0.contains("shown") })
        XCTAssertEqual(texts.filter { ["a", "b", "c"].contains($0) }.count, 3)
    }
}
