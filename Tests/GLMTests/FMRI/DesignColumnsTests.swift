import XCTest
@testable import GLM

/// A formula `Design` built from an fMRI design's named columns.
final class DesignColumnsTests: XCTestCase {
    func testFMRIDesignAsDesign() throws {
        let events = EventTable([
            FMRIEvent(condition: "face", onset: 10, duration: 10), FMRIEvent(condition: "house", onset: 40, duration: 10),
        ])
        let fmri = try FMRIDesign(runs: [FMRIRun(events: events, timing: try ScanTiming(tr: 2, scans: 60))])
        let y = (0..<60).map { i in 3 * fmri.x[i, 0] + fmri.x[i, 1] + cos(Double(i)) }
        let design = try fmri.design(response: y)
        XCTAssertEqual(design.columnNames, fmri.columnNames)
        XCTAssertEqual(design.x, fmri.x)
        XCTAssertEqual(design.y, y)
        XCTAssertFalse(design.hasIntercept)
        // Contrasts by name work the same on both.
        XCTAssertEqual(try design.contrastWeights("face - house"), try fmri.contrastWeights("face - house"))
        XCTAssertThrowsError(try Design(columns: [(name: "a`b", values: [1, 2])], response: [1, 2]))
        XCTAssertThrowsError(try Design(columns: [(name: "y", values: [1, 2])], response: [1, 2]))
    }
}
