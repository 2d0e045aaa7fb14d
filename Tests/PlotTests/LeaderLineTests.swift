@testable import Plot
import XCTest

/// A label the placement search has to move away from the point it names gets
/// a leader line back to that point; one left where it was asked gets none.
final class LeaderLineTests: XCTestCase {
    /// A block of points covering the middle of the plot, where the label asks to go.
    private func crowdedChart(label: String) -> Chart {
        var points: [Point] = []
        for i in 0...24 { for j in 0...24 { points.append(Point(3 + Double(i) * 0.16, 3 + Double(j) * 0.16)) } }
        points += [Point(0, 0), Point(10, 10)]
        var chart = Chart(x: Axis("x"), y: Axis("y"))
        chart.size = Size(width: 600, height: 420)
        chart.marks = [.points(points, radius: 3), .text(label, at: Point(5, 5))]
        return chart
    }

    func testAMovedLabelIsJoinedToItsPointByALeader() throws {
        let layout = try crowdedChart(label: "moved").layout()
        XCTAssertEqual(layout.violations(), [])
        let label = try XCTUnwrap(layout.textBoxes.first { $0.text == "moved" })
        let leader = try XCTUnwrap(layout.obstacles.first { $0.item == "leader to moved" }, "no leader drawn")
        guard case .segment(let start, let end) = leader.shape else { return XCTFail("leader is not a segment") }
        // It starts on the label's box and ends beside the named point, which is
        // inside the crowd (x and y from 3 to 6.84 in data units).
        XCTAssertTrue(label.rect.insetBy(-0.5).contains(start),
                      "leader starts at \(start), label at \(label.rect)")
        XCTAssertFalse(label.rect.insetBy(-2).contains(end))
        let length = hypot(end.x - start.x, end.y - start.y)
        XCTAssertGreaterThan(length, DataLabelPlacement.leaderDistance - 3)
    }

    func testALabelLeftWhereItWasAskedHasNoLeader() throws {
        var chart = Chart(x: Axis("x"), y: Axis("y"))
        chart.size = Size(width: 600, height: 420)
        chart.marks = [.points([Point(0, 0), Point(10, 10)]), .text("free", at: Point(5, 5))]
        let layout = try chart.layout()
        XCTAssertNotNil(layout.textBoxes.first { $0.text == "free" })
        XCTAssertNil(layout.obstacles.first { $0.item?.hasPrefix("leader") == true })
    }

    func testLeaderGeometry() {
        let box = Rect(x: 100, y: 100, width: 40, height: 12)
        XCTAssertNil(DataLabelPlacement.leader(from: box, to: Point(150, 106)), "10 px away needs no leader")
        let (start, end) = try! XCTUnwrap(DataLabelPlacement.leader(from: box, to: Point(200, 106)))
        XCTAssertEqual(start.x, 140); XCTAssertEqual(start.y, 106)
        XCTAssertEqual(end.x, 197, accuracy: 1e-12); XCTAssertEqual(end.y, 106)
    }
}
