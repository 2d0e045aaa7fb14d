import Foundation
import XCTest
@testable import GLM

/// Degenerate and hostile data through the library: each case is refused with a
/// diagnostic that names the row and column, or gives a well-defined fit with a
/// warning. Expected numbers are derived from the data's construction (an exact
/// line, a copy of a column) or from a second fit on cleaned data.
final class ReliabilityBadDataTests: XCTestCase {
    func frame(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> Frame {
        try Frame(csv: text, source: "t.csv", options: options)
    }

    func refusal(_ text: String, _ options: CSVOptions = CSVOptions(),
                 file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try frame(text, options)
            XCTFail("expected the CSV to be refused", file: file, line: line)
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    func fit(_ text: String, _ formula: String) throws -> Fit {
        try Design(formula, frame: try frame(text)).fit()
    }

    // MARK: non-numeric cells

    func testAWordInAColumnOfNumbersIsRefusedAtItsRow() {
        let error = refusal("x,y\n1,2.1\n2,3.9\n3,abc\n4,8.1\n")
        XCTAssertEqual(error?.category, .badData)
        XCTAssertEqual(error?.location?.line, 4)
        XCTAssertEqual(error?.location?.columnName, "y")
        XCTAssertEqual(error?.message, "expected a number, found \"abc\" (3 of the column's 4 values are numbers)")
        XCTAssertEqual(error?.suggestion?.contains("--categorical y"), true)
        XCTAssertEqual(error?.exitCode, 65)
    }

    func testADecimalCommaIsRefusedNotReadAsALevel() {
        let error = refusal("x,y\n1,2.5\n2,\"3,5\"\n3,4.5\n4,5.5\n")
        XCTAssertEqual(error?.location?.line, 3)
        XCTAssertEqual(error?.message.hasPrefix("expected a number, found \"3,5\""), true)
    }

    func testMostlyWordsStayCategoricalAndDeclaredColumnsAreKept() throws {
        let words = try frame("g,y\na,1\nb,2\n3,3\nc,4\n")
        XCTAssertEqual(words["g"]?.kind, .categorical)
        XCTAssertEqual(words["g"]?.levels, ["3", "a", "b", "c"])
        let declared = try frame("g,y\n1,1\n2,2\nthree,3\n", CSVOptions(categorical: ["g"]))
        XCTAssertEqual(declared["g"]?.levels, ["1", "2", "three"])
    }

    func testMissingMarkersDoNotCountAsWords() throws {
        let f = try frame("x,y\n1,2\n2,NA\n3,\n4,NaN\n5,6\n")
        XCTAssertEqual(f["y"]?.kind, .numeric)
    }

    // MARK: NaN and ±Inf

    func testMissingValuesDropTheirRowsAndGiveTheFitOfTheRest() throws {
        let withGaps = try fit("x,y\n1,2.1\n2,NaN\n3,6.2\n4,NA\n5,9.8\n6,\n7,14.3\n", "y ~ x")
        let clean = try fit("x,y\n1,2.1\n3,6.2\n5,9.8\n7,14.3\n", "y ~ x")
        XCTAssertEqual(withGaps.droppedRows, 3)
        XCTAssertEqual(withGaps.n, 4)
        XCTAssertEqual(withGaps.coefficients.map(\.estimate), clean.coefficients.map(\.estimate))
        XCTAssertEqual(withGaps.coefficients.map(\.standardError), clean.coefficients.map(\.standardError))
    }

    func testInfinityIsRefusedNamingRowAndColumn() throws {
        for (cell, row) in [("Inf", 2), ("-Inf", 2), ("1e999", 2)] {
            var error: Diagnostic?
            XCTAssertThrowsError(try fit("x,y\n1,2\n2,\(cell)\n3,4\n", "y ~ x"), cell) { error = $0 as? Diagnostic }
            XCTAssertEqual(error?.category, .badData, cell)
            XCTAssertEqual(error?.location?.columnName, "y", cell)
            XCTAssertEqual(error?.message, "value is infinite in data row \(row)", cell)
        }
    }

    // MARK: degenerate designs

    func testNoMoreRowsThanColumnsInterpolatesAndWarns() throws {
        let f = try fit("x,y\n1,2\n2,3\n", "y ~ x")
        XCTAssertEqual(f.dfResidual, 0)
        XCTAssertNil(f.sigma)
        XCTAssertEqual(f.coefficients[1].estimate, 1, accuracy: 1e-12)  // slope through (1,2) and (2,3)
        XCTAssertNil(f.coefficients[1].standardError)
        XCTAssertTrue(f.warnings.contains { $0.hasPrefix("no residual degrees of freedom (n = 2, rank = 2)") }, "\(f.warnings)")
    }

    func testFewerRowsThanColumnsIsRankDeficientNotACrash() throws {
        let f = try fit("a,b,c,y\n1,2,3,1\n2,1,5,2\n", "y ~ a + b + c")
        XCTAssertEqual(f.rank, 2)
        // With fewer rows than columns no single coefficient is identified.
        XCTAssertEqual(f.coefficients.filter { !$0.estimable }.count, 4)
        XCTAssertNil(f.sigma)
        // The minimum-norm solution still reproduces both observations.
        XCTAssertEqual(f.fitted[0], 1, accuracy: 1e-12)
        XCTAssertEqual(f.fitted[1], 2, accuracy: 1e-12)
    }

    func testDuplicatedColumnIsAliasedAndSharesTheSlope() throws {
        let f = try fit("x,z,y\n1,1,2\n2,2,4.1\n3,3,5.9\n4,4,8.2\n", "y ~ x + z")
        let single = try fit("x,y\n1,2\n2,4.1\n3,5.9\n4,8.2\n", "y ~ x")
        XCTAssertEqual(f.rank, 2)
        XCTAssertEqual(f.coefficients.map(\.estimable), [true, false, false])
        // Minimum norm splits the slope evenly between the two copies.
        XCTAssertEqual(f.coefficients[1].estimate, single.coefficients[1].estimate / 2, accuracy: 1e-12)
        XCTAssertEqual(f.coefficients[2].estimate, single.coefficients[1].estimate / 2, accuracy: 1e-12)
        XCTAssertEqual(f.sigma!, single.sigma!, accuracy: 1e-12)
        XCTAssertTrue(f.warnings.contains { $0.contains("'x', 'z' are aliased") }, "\(f.warnings)")
    }

    func testConstantColumnBesideTheInterceptIsAliased() throws {
        let f = try fit("x,c,y\n1,5,2\n2,5,4.1\n3,5,5.9\n4,5,8.2\n", "y ~ x + c")
        let single = try fit("x,y\n1,2\n2,4.1\n3,5.9\n4,8.2\n", "y ~ x")
        XCTAssertEqual(f.rank, 2)
        XCTAssertEqual(f.coefficients[1].estimate, single.coefficients[1].estimate, accuracy: 1e-12)
        XCTAssertEqual(f.coefficients[1].standardError!, single.coefficients[1].standardError!, accuracy: 1e-12)
        XCTAssertTrue(f.warnings.contains { $0.contains("'(Intercept)', 'c' are aliased") }, "\(f.warnings)")
    }

    func testPerfectFitHasZeroSigmaUndefinedTestsAndAWarning() throws {
        let f = try fit("x,y\n1,2\n2,4\n3,6\n4,8\n", "y ~ x")
        XCTAssertEqual(f.coefficients[1].estimate, 2, accuracy: 1e-14)  // y = 2x exactly
        XCTAssertEqual(f.sigma!, 0, accuracy: 1e-14)
        XCTAssertNil(f.coefficients[1].t)
        XCTAssertNil(f.coefficients[1].p)
        XCTAssertTrue(f.warnings.contains { $0.hasPrefix("essentially perfect fit") }, "\(f.warnings)")
    }

    // MARK: formulas

    func testEmptyAndCategoricalResponseFormulasAreRefused() throws {
        XCTAssertThrowsError(try Formula("")) {
            XCTAssertEqual(($0 as? Diagnostic)?.message, "the formula is empty; expected something like y ~ x")
        }
        XCTAssertThrowsError(try fit("g,x\na,1\nb,2\na,3\n", "g ~ x")) {
            let error = $0 as? Diagnostic
            XCTAssertEqual(error?.message, "\"g\" is categorical, but the response must be numeric")
            XCTAssertEqual(error?.excerpt?.offset, 0)
        }
    }
}

/// Requests too large to fit are refused before any column is built, and quickly.
final class ReliabilityDesignLimitTests: XCTestCase {
    func testAnIdentifierColumnInADotFormulaIsRefusedWithTheLimit() throws {
        var text = "id,x,y\n"
        for i in 0..<3_000 { text += "p\(i),\(i % 17),\(Double(i % 13) * 0.5)\n" }
        let frame = try Frame(csv: text, source: "ids.csv")
        XCTAssertThrowsError(try Design("y ~ .", frame: frame)) {
            let error = $0 as? Diagnostic
            XCTAssertEqual(error?.message, "the term id would make more than 1000 columns; the limit is 1000")
            XCTAssertEqual(error?.location?.file, "ids.csv")
            XCTAssertEqual(error?.exitCode, 65)
        }
        // Without the identifier the same data fit.
        XCTAssertEqual(try Design("y ~ x", frame: frame).x.columns, 2)
    }

    func testInteractionsOfManyLevelsAreRefusedWithoutBuildingThem() throws {
        var text = "a,b,y\n"
        for i in 0..<2_000 { text += "a\(i),b\(i),\(i)\n" }
        let frame = try Frame(csv: text, source: "ab.csv")
        let started = Date()
        XCTAssertThrowsError(try Design("y ~ a:b", frame: frame)) {
            XCTAssertEqual(($0 as? Diagnostic)?.message, "the term a:b would make more than 1000 columns; the limit is 1000")
        }
        // 4 million interaction columns would take minutes and gigabytes to build.
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    /// A wide file under '.' is refused quickly: past the formula's term limit
    /// by the parser, below it by the design's column limit.
    func testWideFilesAreRefusedQuickly() throws {
        for (columns, message) in [
            (50_000, "'.' stands for 49999 columns here, more than the \(Formula.maximumTerms) terms a formula may have"),
            (3_000, "the design would have up to 3000 columns; the limit is 1000"),
        ] {
            var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
            for row in 0..<3 { text += (0..<columns).map { String(($0 * 7 + row) % 10) }.joined(separator: ",") + "\n" }
            let frame = try Frame(csv: text, source: "wide.csv")
            let started = Date()
            XCTAssertThrowsError(try Design("c0 ~ .", frame: frame)) {
                XCTAssertEqual(($0 as? Diagnostic)?.message, message)
            }
            // Expanding '.' into 50 000 terms was quadratic (about 20 minutes).
            XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        }
    }

    func testTooManyCellsAreRefused() throws {
        let frame = try Frame(["x": .numeric([1, 2, 3]), "y": .numeric([1, 2, 4])], source: "t.csv")
        let cells = Design.maximumCells
        XCTAssertNoThrow(try Design.checkSize(formula: try Formula("y ~ x"), levels: [:], rows: cells / 2, source: nil))
        XCTAssertThrowsError(try Design.checkSize(formula: try Formula("y ~ x"), levels: [:], rows: cells / 2 + 1, source: "big.csv")) {
            XCTAssertEqual(($0 as? Diagnostic)?.message,
                           "the design would have \(cells / 2 + 1) rows × 2 columns; the limit is \(cells) cells")
        }
        XCTAssertEqual(try Design("y ~ x", frame: frame).x.rows, 3)
    }
}
