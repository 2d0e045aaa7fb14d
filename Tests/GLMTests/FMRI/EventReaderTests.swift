import XCTest
@testable import GLM

/// FSL three-column and BIDS events.tsv reading, and the messages for bad files.
final class EventReaderTests: XCTestCase {
    func testReadsHaxbyFSLOnsets() throws {
        // Haxby 2001 run 1, condition 8 (face): one 22.5-s block at 52.5 s (PyMVPA's onset file).
        let face = try EventTable.readFSL(path: FMRIFixtures.path("haxby-run001/face.txt"), condition: "face")
        XCTAssertEqual(face.events, [FMRIEvent(condition: "face", onset: 52.5, duration: 22.5, amplitude: 1)])
        var both = try EventTable.readFSL(path: FMRIFixtures.path("haxby-run001/house.txt"), condition: "house")
        both.append(contentsOf: face)
        XCTAssertEqual(both.conditions, ["house", "face"])
    }

    func testFSLWrongFieldCountNamesLineAndColumn() {
        XCTAssertThrowsError(try EventTable.parseFSL("10 2 1\n\n20 2\n", condition: "a", source: "a.txt")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.location, .init(file: "a.txt", line: 3, column: 5))
            XCTAssertEqual(d.message, "expected 3 numbers (onset, duration, weight), found 2")
            XCTAssertEqual(d.exitCode, 65)
            XCTAssertNotNil(d.suggestion)
        }
    }

    func testFSLWordWhereNumberExpected() {
        XCTAssertThrowsError(try EventTable.parseFSL("10\tlong\t1\n", condition: "a", source: "a.txt")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.location, .init(file: "a.txt", line: 1, column: 4))
            XCTAssertEqual(d.message, "expected a number of seconds for the duration, found \"long\"")
        }
        XCTAssertThrowsError(try EventTable.parseFSL("10 -2 1\n", condition: "a")) { error in
            XCTAssertEqual((error as! Diagnostic).message, "the duration is negative (-2 s)")
        }
    }

    func testBIDSTable() throws {
        let text = "onset\tduration\ttrial_type\tmodulation\n1.5\t0\tface\t2\n3\t1\thouse\t1\n4\t1\tn/a\t1\n6\t0\tface\t0.5\n"
        let table = try EventTable.parseBIDS(text)
        XCTAssertEqual(table.conditions, ["face", "house"])
        XCTAssertEqual(table.events(of: "face").map(\.amplitude), [2, 0.5])
        XCTAssertEqual(table.events.count, 3)
    }

    func testBIDSMissingColumnSuggestsNearest() {
        XCTAssertThrowsError(try EventTable.parseBIDS("onset\tduraton\ttrial_type\n1\t1\ta\n", source: "e.tsv")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.message, "the header has no \"duration\" column")
            XCTAssertEqual(d.location, .init(file: "e.tsv", line: 1))
            XCTAssertEqual(d.suggestion, "did you mean \"duraton\"?")
        }
        XCTAssertThrowsError(try EventTable.parseBIDS("onset\tduration\ttrial_type\n1\tx\ta\n", source: "e.tsv")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.location, .init(file: "e.tsv", line: 2, column: 3, columnName: "duration"))
        }
    }

    func testMissingFileIsMissingFile() {
        XCTAssertThrowsError(try EventTable.readBIDS(path: "/nonexistent/events.tsv")) { error in
            XCTAssertEqual((error as! Diagnostic).exitCode, 66)
        }
    }

    func testScanTiming() throws {
        let spm = try ScanTiming(tr: 2, scans: 3, microtimeResolution: 16, microtimeOnset: 9)
        XCTAssertEqual(spm.frameTimes, [1, 3, 5])  // T0 = 9 of 16 reads the middle of each 2-s TR
        XCTAssertEqual(spm.microtimeStep, 0.125)
        XCTAssertThrowsError(try ScanTiming(tr: 2, scans: 3, microtimeOnset: 17))
        XCTAssertThrowsError(try ScanTiming(frameTimes: [0, 2, 2], tr: 2))
    }
}
