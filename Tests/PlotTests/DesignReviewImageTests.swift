@testable import Plot
import XCTest

/// The parts of SPM's design review a `MatrixImage` draws: sparse scan ticks,
/// SPM's display scaling, contrasts above the matrix, the estimability row
/// under it, and the upper triangle of an orthogonality matrix.
final class DesignReviewImageTests: XCTestCase {
    func testScanTicksLabelFirstRoundAndLastRows() {
        // 40 rows, room for 10 labels: 1, 5, 10, …, 35, 40 (zero-based indices).
        XCTAssertEqual(ScanTicks.rows(count: 40, limit: 10), [0, 4, 9, 14, 19, 24, 29, 34, 39])
        // 41 rows: 40 sits one row from 41, closer than half a step, so it goes.
        XCTAssertEqual(ScanTicks.rows(count: 41, limit: 10), [0, 4, 9, 14, 19, 24, 29, 34, 40])
        // Step 2: row 2 would touch row 1.
        XCTAssertEqual(ScanTicks.rows(count: 9, limit: 6), [0, 3, 5, 8])
        XCTAssertEqual(ScanTicks.rows(count: 5, limit: 10), [0, 1, 2, 3, 4])
        XCTAssertEqual(ScanTicks.rows(count: 1000, limit: 12), [0, 99, 199, 299, 399, 499, 599, 699, 799, 899, 999])
        XCTAssertEqual(ScanTicks.rows(count: 0, limit: 10), [])
    }

    /// spm_DesMtx('sca'): a dummy is left alone (0 → mid-grey, 1 → white), a
    /// constant column is 1 (white), a covariate is stretched to −1…1 (black…white).
    func testSPMScaling() {
        let image = MatrixImage(values: [[1, 0, 450, -1], [1, 1, 675, 0], [1, 0, 900, 1]], scaling: .spm)
        let scaled = image.scaledValues()
        XCTAssertEqual(scaled.map { $0[0] }, [1, 1, 1], "the intercept is white")
        XCTAssertEqual(scaled.map { $0[1] }, [0.5, 1, 0.5], "a dummy's 0 is mid-grey, its 1 white")
        XCTAssertEqual(scaled.map { $0[2] }, [0, 0.5, 1], "a covariate runs from black to white")
        XCTAssertEqual(scaled.map { $0[3] }, [0, 0.5, 1], "a ±1 code is left as it is")
        XCTAssertNil(image.valueRange, "no single value per grey: no colour bar")
        // A column within 0.4…1 in magnitude keeps its values, so 0.5 stays 0.5, not 1.
        XCTAssertEqual(MatrixImage.spmScaled([0, 0.25, 0.5]), [0, 0.25, 0.5])
        XCTAssertEqual(MatrixImage.spmScaled([0, 2, 4]), [-1, 0, 1])
    }

    /// A 40 × 3 review: the contrast's name above, the estimability label beside
    /// its row, sparse row labels, nothing overlapping or off the canvas.
    func testReviewLayout() throws {
        let values = (0..<40).map { r in [1, r < 20 ? 0 : 1, Double(r % 7)] }
        var image = MatrixImage(size: Size(width: 600, height: 700), values: values,
                                columnLabels: ["(Intercept)", "groupb", "x"], rowLabels: (1...40).map { "\($0)" },
                                scaling: .spm, numbers: .never)
        image.contrasts = [.init(name: "b-vs-a", weights: [0, 1, 0]), .init(name: "slope", weights: [0, 0, -2])]
        image.estimable = [true, true, false]
        image.rowLabelSpacing = .scanTicks
        image.cellBorders = false
        image.notes = ["A note."]
        let layout = try image.layout()
        XCTAssertEqual(layout.violations(), [])
        let texts = layout.textBoxes.map(\.text)
        XCTAssertTrue(texts.contains("b-vs-a") && texts.contains("slope") && texts.contains("estimable"))
        let rowLabels = layout.textBoxes.filter { $0.role == .matrixLabel && Int($0.text) != nil }.map(\.text)
        XCTAssertEqual(rowLabels.first, "1")
        XCTAssertEqual(rowLabels.last, "40")
        XCTAssertLessThan(rowLabels.count, 15)
        // The contrasts sit above the column labels, the estimability label below every row label.
        let top = { (text: String) in layout.textBoxes.first { $0.text == text }!.rect }
        XCTAssertLessThan(top("slope").maxY, top("(Intercept)").minY)
        XCTAssertGreaterThan(top("estimable").minY, top("40").maxY)
    }

    func testContrastOfTheWrongLengthIsRefused() {
        var image = MatrixImage(values: [[1, 0], [1, 1]])
        image.contrasts = [.init(name: "c", weights: [1, 0, 0])]
        XCTAssertThrowsError(try image.layout())
    }

    /// An upper triangle: no numbers below the diagonal, and row labels beside it.
    func testUpperTriangleDrawsOnlyItsCells() throws {
        let names = ["(Intercept)", "a", "b"]
        var image = MatrixImage(size: Size(width: 500, height: 400),
                                values: [[1, 0.5, 0.5], [0.5, 1, 0], [0.5, 0, 1]], columnLabels: names, rowLabels: names,
                                colorMap: .inverseGrey, scaling: .range(0...1), numbers: .always, decimals: 2)
        image.upperTriangle = true
        let layout = try image.layout()
        XCTAssertEqual(layout.violations(), [])
        let numbers = layout.textBoxes.filter { $0.role == .cellNumber }.map(\.text)
        XCTAssertEqual(numbers, ["1.00", "0.50", "0.50", "1.00", "0.00", "1.00"])
        XCTAssertEqual(ColorMap.inverseGrey.color(0), .white)
    }
}
