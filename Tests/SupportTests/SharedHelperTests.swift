import Foundation
import Support
import XCTest

/// The helpers GLM, Plot and Lessons share besides escaping. `String(posixFormat:)`
/// is exercised under a real German locale by `ReliabilityLocaleTests`.
final class SharedHelperTests: XCTestCase {
    func testEditDistanceCountsSwapsAsOneEdit() {
        // kitten/sitting = 3 is the textbook Levenshtein example.
        XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
        XCTAssertEqual(EditDistance.between("dsoe", "dose"), 1)
        XCTAssertEqual(EditDistance.between("", "abc"), 3)
    }

    func testClosestPrefersTheEarlierCandidateOnTies() throws {
        let best = try XCTUnwrap(EditDistance.closest(to: "cat", among: ["bat", "hat", "cart"]))
        XCTAssertEqual(best.candidate, "bat")
        XCTAssertEqual(best.distance, 1)
        XCTAssertEqual(EditDistance.closest(to: "PNG", among: ["svg", "png"], ignoringCase: true)?.candidate, "png")
        XCTAssertNil(EditDistance.closest(to: "x", among: []))
    }

    func testAtomicFileReplacesAndReportsThePath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("support-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a.txt")
        try AtomicFile.write(Array("old".utf8), to: url)
        try AtomicFile.write(Array("new".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "new")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["a.txt"])
        let missing = directory.appendingPathComponent("no/such/b.txt")
        XCTAssertThrowsError(try AtomicFile.write([], to: missing)) { error in
            XCTAssertEqual("\(error)", "cannot write \(missing.path): No such file or directory")
        }
    }
}
