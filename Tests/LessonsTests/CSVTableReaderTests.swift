import Foundation
import XCTest
@testable import Lessons

final class CSVTableReaderTests: XCTestCase {
    func read(_ text: String) throws -> DataTable {
        try CSVTableReader.read(Data(text.utf8), file: "d.csv")
    }

    func refusal(_ text: String) -> LessonError? {
        do { _ = try read(text); XCTFail("expected a refusal"); return nil } catch { return error as? LessonError }
    }

    func testNumericAndCategoricalColumnsWithQuoting() throws {
        let table = try read("x,group,note\n1.5,a,\"hello, world\"\n-2e1,b,\"say \"\"hi\"\"\"\n")
        XCTAssertEqual(table.numbers("x"), [1.5, -20])
        XCTAssertEqual(table["group"], .categorical(labels: ["a", "b"], levels: ["a", "b"]))
        XCTAssertEqual(table["note"], .categorical(labels: ["hello, world", "say \"hi\""], levels: ["hello, world", "say \"hi\""]))
    }

    func testErrorsNameLineAndColumn() {
        XCTAssertEqual(refusal("")?.message, "the CSV is empty; expected a header row of column names")
        XCTAssertEqual(refusal("x,y\n")?.message, "the CSV has a header but no data rows")
        XCTAssertEqual(refusal("x,y\n1,2\n3\n")?.description, "d.csv:3: row has 1 cells but the header names 2 columns")
        XCTAssertEqual(refusal("x,y\n1,2\n3,4\n5,4O\n")?.description,
                       "d.csv:4:2: column 'y' is numeric but this cell is '4O' — write a number (decimal point, no thousands separator)")
        XCTAssertEqual(refusal("x,x\n1,2\n")?.column, 2)
        XCTAssertEqual(refusal("x\n\"open\n")?.suggestion, "add the closing '\"'")
        XCTAssertEqual(try? CSVTableReader.read(Data([0x78, 0x0a, 0xff, 0xfe]), file: "d.csv"), nil)
    }
}
