import Plot
import XCTest

/// Ticks of large or tiny values print as short mantissas and the axis title
/// states the power of ten once (Support's `AxisScale`), instead of every
/// label repeating "×10⁷".
final class AxisFactorTests: XCTestCase {
    func testMillionsPrintShortTicksAndTheFactorOnceInTheTitle() throws {
        var chart = Chart(x: Axis("Floor area"), y: Axis("Price"))
        chart.marks = [.points(x: [5e6, 1e7, 1.5e7, 2e7], y: [1, 2, 3, 4])]
        let boxes = try chart.layout().textBoxes
        let xTicks = boxes.filter { $0.role == .tickLabel && $0.item?.hasPrefix("x") == true }.map(\.plainText)
        XCTAssertFalse(xTicks.isEmpty)
        XCTAssertTrue(xTicks.allSatisfy { !$0.contains("×") && $0.count <= 4 }, "\(xTicks)")
        // Each label times the stated 10⁷ is the tick's value.
        XCTAssertGreaterThanOrEqual(boxes.filter { $0.role == .tickLabel && $0.item?.hasPrefix("x = ") == true }.count, 3)
        for box in boxes where box.role == .tickLabel && box.item?.hasPrefix("x = ") == true {
            let value = try XCTUnwrap(Double(box.item!.dropFirst(4)), box.item!)
            XCTAssertEqual(try XCTUnwrap(Double(box.plainText)) * 1e7, value, accuracy: 1e-6 * value)
        }
        let titles = boxes.filter { $0.role == .axisTitle }.map(\.plainText)
        XCTAssertEqual(titles.filter { $0.hasPrefix("Floor area (") }.count, 1, "\(titles)")
        XCTAssertTrue(titles.contains { $0.hasPrefix("Floor area (") && $0.contains("107") }, "\(titles)")
        XCTAssertTrue(titles.contains("Price"), "the y axis of small numbers keeps its title: \(titles)")
        XCTAssertTrue(try chart.layout().violations().isEmpty)
    }

    func testTinyValuesStateANegativePowerAndAnUntitledAxisStillGetsIt() throws {
        var chart = Chart(x: Axis(""), y: Axis("Response"))
        chart.marks = [.points(x: [1e-4, 2e-4, 3e-4, 4e-4], y: [1, 2, 3, 4])]
        let boxes = try chart.layout().textBoxes
        let xTicks = boxes.filter { $0.role == .tickLabel && $0.item?.hasPrefix("x") == true }.map(\.plainText)
        XCTAssertTrue(xTicks.allSatisfy { !$0.contains("×") }, "\(xTicks)")
        let titles = boxes.filter { $0.role == .axisTitle }.map(\.plainText)
        XCTAssertTrue(titles.contains { $0.contains("10−4") }, "\(titles)")
    }
}
