import XCTest
@testable import GLM

final class PercentSignalTests: XCTestCase {
    func testEachRunByItsOwnMean() throws {
        // Run 1 has mean 100, run 2 mean 200: 110 is +10 %, 180 is −10 %.
        let y = try PercentSignal.scaled([90, 110, 180, 220], runRows: [0..<2, 2..<4])
        XCTAssertEqual(FMRIFixtures.maxError(y, [-10, 10, -10, 10]), 0, accuracy: 1e-14)
        XCTAssertThrowsError(try PercentSignal.scaled([-1, 1])) { XCTAssertEqual(($0 as! Diagnostic).exitCode, 65) }
    }
}
