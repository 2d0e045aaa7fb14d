import Foundation
import XCTest

@testable import GLM

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> Frame {
        try Frame(csv: text, source: "t.csv", options: options)
    }

    private func diagnostic(_ text: String, _ options: CSVOptions = CSVOptions()) -> Diagnostic? {
        do {
            _ = try read(text, options)
            return nil
        } catch let error as Diagnostic {
            return error
        } catch {
            XCTFail("unexpected error \(error)")
            return nil
        }
    }

    func testDetectsNumericAndCategoricalColumns() throws {
        let frame = try read("x,group,y\n1,b,2.5\n2,a,-3e2\n3,b,.5\n")
        XCTAssertEqual(frame.names, ["x", "group", "y"])
        XCTAssertEqual(frame.rowCount, 3)
        XCTAssertEqual(frame["x"]?.numericValues, [1, 2, 3])
        XCTAssertEqual(frame["y"]?.numericValues, [2.5, -300, 0.5])
        XCTAssertEqual(frame["group"]?.levels, ["a", "b"])
        XCTAssertEqual((0..<3).map { frame["group"]!.label(at: $0) }, ["b", "a", "b"])
    }

    func testMissingCellsAreMissingInBothKinds() throws {
        let frame = try read("x,g\n1,a\n,NA\nNA,b\nNaN,\n5, \n")
        let x = frame["x"]!.numericValues!
        XCTAssertEqual(x[0], 1)
        XCTAssertTrue(x[1].isNaN && x[2].isNaN && x[3].isNaN)
        XCTAssertEqual(x[4], 5)
        XCTAssertEqual((0..<5).map { frame["g"]!.isMissing($0) }, [false, true, false, true, true])
    }

    func testReadingEqualsBuildingInMemory() throws {
        let read = try self.read("y,g\n1.5,b\nNA,a\n3,\n")
        let built = try Frame(["y": .numeric([1.5, nil, 3]), "g": .categorical(["b", "a", nil])])
        XCTAssertEqual(read, built)
        XCTAssertNotEqual(read, try Frame(["y": .numeric([1.5, 2, 3]), "g": .categorical(["b", "a", nil])]))
    }

    func testBOMAndCRLFAndFinalLineWithoutNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n3,4".utf8)
        let frame = try Frame(csv: bytes, source: "bom.csv")
        XCTAssertEqual(frame.names, ["a", "b"])
        XCTAssertEqual(frame["b"]?.numericValues, [2, 4])
    }

    func testRFC4180Quoting() throws {
        let frame = try read("name,x\n\"Smith, J\",1\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\n")
        XCTAssertEqual(frame["name"]?.levels?.sorted(), ["say \"hi\"", "Smith, J", "two\nlines"].sorted())
        XCTAssertEqual(frame["x"]?.numericValues, [1, 2, 3])
    }

    func testQuotedNumbersStayNumeric() throws {
        XCTAssertEqual(try read("x\n\"1.5\"\n\"2\"\n")["x"]?.numericValues, [1.5, 2])
    }

    func testOldMacLineEndsAndSpacesAroundCells() throws {
        let frame = try read("a, b\r 1 , x \r3,y")
        XCTAssertEqual(frame.names, ["a", "b"])
        XCTAssertEqual(frame["a"]?.numericValues, [1, 3])
        XCTAssertEqual(frame["b"]?.levels, ["x", "y"])
        XCTAssertEqual(diagnostic("a,b\r1,2\r3\r")?.location?.line, 3)
    }

    func testMalformedQuotingAndHeaders() {
        let junk = diagnostic("a,b\n\"ab\"c,1\n")
        XCTAssertEqual(junk?.location?.line, 2)
        XCTAssertEqual(junk?.location?.column, 5)
        XCTAssertTrue(junk?.message.contains("after a closing quote") ?? false)
        XCTAssertEqual(diagnostic("a,,b\n1,2,3\n")?.message, "header field 2 is empty; every column needs a name")
    }

    func testOverridesForceKinds() throws {
        let frame = try read("code,y\n1,5\n0,6\n10,7\n2,8\n", CSVOptions(categorical: ["code"]))
        // Numeric-looking levels sort numerically, as R's factor() does on numbers.
        XCTAssertEqual(frame["code"]?.levels, ["0", "1", "2", "10"])
        XCTAssertEqual(frame["y"]?.kind, .numeric)
    }

    func testLevelOrderFollowsREnglishLocale() {
        XCTAssertEqual(Column.sortLevels(["b", "B", "a", "C"]), ["a", "b", "B", "C"])
        XCTAssertEqual(Column.sortLevels(["drugB", "placebo", "drugA"]), ["drugA", "drugB", "placebo"])
    }

    func testNumbersAreCorrectlyRounded() throws {
        let cells = [
            "0.1", "-2.5e-3", "123456789012345678", "1.7976931348623157e308", "4.9e-324", "9007199254740993",
            "0.30000000000000004", "1e23", "2.2250738585072014e-308", "3.14159265358979323846", "1E5", "+7",
        ]
        let frame = try read("v\n" + cells.joined(separator: "\n") + "\n")
        let parsed = frame["v"]!.numericValues!
        for (cell, value) in zip(cells, parsed) {
            XCTAssertEqual(value, strtod(cell, nil), "cell \(cell)")
        }
    }

    func testRaggedRowNamesLineAndColumn() {
        let short = diagnostic("a,b,c\n1,2,3\n\n4,5\n")
        XCTAssertEqual(short?.location?.line, 4)
        XCTAssertEqual(short?.location?.columnName, "c")
        XCTAssertEqual(short?.category, .badData)
        XCTAssertTrue(short?.description.hasPrefix("t.csv:4: column \"c\": row has 2 fields") ?? false, short?.description ?? "")

        let long = diagnostic("a,b\n1,2\n3,4,5\n")
        XCTAssertEqual(long?.location?.line, 3)
        XCTAssertTrue(long?.message.contains("more than 2 fields") ?? false)
    }

    func testLineNumbersCountNewlinesInsideQuotes() {
        let error = diagnostic("a,b\n\"x\ny\",1\n2\n")
        XCTAssertEqual(error?.location?.line, 4)
    }

    func testForcedNumericRejectsTextWithRow() {
        let error = diagnostic("x,y\n1,2\n3,abc\n", CSVOptions(numeric: ["y"]))
        XCTAssertEqual(error?.location?.line, 3)
        XCTAssertEqual(error?.location?.columnName, "y")
        XCTAssertTrue(error?.message.contains("\"abc\"") ?? false)
    }

    func testNonUTF8BytePointsAtLineAndColumn() {
        let bytes = Array("x,name\n1,ok\n2,caf".utf8) + [0xE9] + Array("\n".utf8)
        XCTAssertThrowsError(try Frame(csv: bytes, source: "latin1.csv")) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.location?.line, 3)
            XCTAssertEqual(d?.location?.column, 6)
            XCTAssertTrue(d?.message.contains("0xE9") ?? false)
        }
    }

    /// The validator skips ASCII eight bytes at a time and finds a NUL inside a
    /// word by a bit trick; put the NUL at every offset of the first three words
    /// (header and data) so a word it misses would show as a wrong or no error.
    func testANulByteIsFoundAtEveryOffsetWithItsLineAndColumn() {
        let text = Array("alpha,beta,gamma\n1,2,3\n4,5,6\n".utf8)
        for offset in 0..<24 where text[offset] != UInt8(ascii: "\n") {
            var bytes = text
            bytes[offset] = 0
            let before = text[..<offset]
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = offset - ((before.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1) + 1
            XCTAssertThrowsError(try Frame(csv: bytes, source: "nul.csv"), "offset \(offset)") { error in
                let d = error as? Diagnostic
                XCTAssertEqual(d?.location?.line, line, "offset \(offset)")
                XCTAssertEqual(d?.location?.column, column, "offset \(offset)")
                XCTAssertTrue(d?.message.hasPrefix("a NUL byte (0x00)") ?? false, "offset \(offset): \(String(describing: d))")
            }
        }
    }

    /// Files written by `iconv -t UTF-16LE`, `-t UTF-16BE` and `-t UTF-16` (with
    /// the mark) of "x,y\n1,2\n": each is named as UTF-16 with the iconv name
    /// that converts it.
    func testUTF16FilesAreNamedWithTheirByteOrder() {
        let ascii = Array("x,y\n1,2\n".utf8)
        let le: [UInt8] = ascii.flatMap { [$0, 0] }, be: [UInt8] = ascii.flatMap { [0, $0] }
        let cases: [([UInt8], String, String)] = [
            (le, "UTF-16 (little-endian)", "UTF-16LE"), (be, "UTF-16 (big-endian)", "UTF-16BE"),
            ([0xFF, 0xFE] + le, "UTF-16 (little-endian, with a byte-order mark)", "UTF-16"),
            ([0xFE, 0xFF] + be, "UTF-16 (big-endian, with a byte-order mark)", "UTF-16"),
        ]
        for (bytes, name, iconv) in cases {
            XCTAssertThrowsError(try Frame(csv: bytes, source: "u.csv")) { error in
                let d = error as? Diagnostic
                XCTAssertEqual(d?.message, "the file is \(name) text, not UTF-8")
                XCTAssertEqual(d?.suggestion, "save it as UTF-8 (e.g. `iconv -f \(iconv) -t UTF-8 in.csv > out.csv`)")
            }
        }
    }

    func testEmptyHeaderOnlyDuplicateAndUnterminated() {
        XCTAssertTrue(diagnostic("")?.message.contains("empty") ?? false)
        XCTAssertTrue(diagnostic("\n\n")?.message.contains("empty") ?? false)
        XCTAssertEqual(diagnostic("a,b\n")?.message, "has a header but no data rows")
        let duplicate = diagnostic("a,b,a\n1,2,3\n")
        XCTAssertTrue(duplicate?.message.contains("duplicate column name \"a\"") ?? false)
        let open = diagnostic("a,b\n1,\"oops\n2,3\n")
        XCTAssertEqual(open?.location?.line, 2)
        XCTAssertEqual(open?.location?.column, 3)
        XCTAssertTrue(open?.message.contains("never closed") ?? false)
    }

    func testUnknownOverrideSuggestsName() {
        let error = diagnostic("dose,y\n1,2\n", CSVOptions(categorical: ["dsoe"]))
        XCTAssertEqual(error?.suggestion, "did you mean \"dose\"?")
    }

    func testMissingFileIsItsOwnCategory() {
        XCTAssertThrowsError(try Frame.read(csv: "/nonexistent/file.csv")) { error in
            XCTAssertEqual((error as? Diagnostic)?.exitCode, 66)
        }
    }

    func testInMemoryFramesCheckShape() {
        XCTAssertThrowsError(try Frame(["x": .numeric([1, 2]), "y": .numeric([1.0])]))
        XCTAssertThrowsError(try Frame(columns: [("x", .numeric([1.0])), ("x", .numeric([2.0]))]))
    }

    /// Files over 4 MB are scanned in parallel chunks; results and line numbers must
    /// not depend on where the chunks split.
    func testLargeFilesGiveTheSameAnswerAsSmallOnes() throws {
        let rows = 300_000
        var text = "k,v,w\n"
        text.reserveCapacity(rows * 24)
        for k in 0..<rows { text += "\(k),\(Double(k) * 0.25),\(k % 7)\n" }
        let frame = try read(text)
        XCTAssertEqual(frame.rowCount, rows)
        XCTAssertEqual(frame["v"]?.numericValues?[rows - 1], Double(rows - 1) * 0.25)
        XCTAssertEqual(frame["k"]?.numericValues?.reduce(0, +), Double(rows * (rows - 1) / 2))

        // A word near the end of a column of numbers is refused on its own line.
        let word = diagnostic(text + "1,2,seven\n")
        XCTAssertEqual(word?.location?.line, rows + 2)
        XCTAssertEqual(word?.location?.columnName, "w")

        // Declared categorical, text near the end makes every row a label.
        let late = try read(text + "1,2,seven\n", CSVOptions(categorical: ["w"]))
        XCTAssertEqual(late["w"]?.kind, .categorical)
        XCTAssertEqual(late["w"]?.levels?.count, 8)
        XCTAssertEqual(late["w"]?.label(at: 8), "1")

        // A ragged row late in the file is reported on its own line.
        let error = diagnostic(text + "1,2\n")
        XCTAssertEqual(error?.location?.line, rows + 2)
        XCTAssertEqual(error?.location?.columnName, "w")
    }
}
