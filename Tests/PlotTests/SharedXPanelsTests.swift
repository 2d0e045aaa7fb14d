@testable import Plot
import XCTest

/// Stacked panels over one time axis: whatever width each panel's y labels
/// take, the plot areas start and end at the same x, every panel maps time
/// to the same pixels, the x axis is labelled once (under the bottom panel),
/// and nothing overlaps.
final class SharedXPanelsTests: XCTestCase {
    /// Three panels whose y labels differ in width (0–1, thousands, negative
    /// decimals), as the convolution figure stacks events, HRF and regressor.
    func figure(width: Double = 600, height: Double = 480) -> SharedXPanels {
        let t = (0..<60).map { Double($0) * 2 }
        var events = Chart(title: "Events", y: Axis("on"))
        events.marks = [.polyline(x: t, y: t.map { Int($0) % 30 < 10 ? 1 : 0 })]
        var big = Chart(title: "Signal in scanner units", y: Axis("BOLD (a.u.)"))
        big.marks = [.polyline(x: t, y: t.map { 12_000 + 800 * sin($0 / 9) })]
        var small = Chart(title: "Residual", y: Axis("$e$"))
        small.marks = [.points(x: t, y: t.map { -0.0123 * cos($0 / 4) }, label: "Residual")]
        return SharedXPanels([events, big, small], x: Axis("Time (s)"), size: Size(width: width, height: height),
                             weights: [1, 2, 2], title: "Three panels, one time axis")
    }

    /// The axis lines each panel recorded, by name ("x" or "y"), top to bottom.
    func axisLines(_ layout: FigureLayout, _ name: String) -> [(Point, Point)] {
        layout.obstacles.compactMap { o -> (Point, Point)? in
            guard o.role == .axisLine, o.item == name, case .segment(let a, let b) = o.shape else { return nil }
            return (a, b)
        }.sorted { $0.0.y < $1.0.y }
    }

    func testPlotAreasShareTheirLeftAndRightEdges() throws {
        let layout = try figure().layout()
        let ys = axisLines(layout, "y"), xs = axisLines(layout, "x")
        XCTAssertEqual(ys.count, 3)
        XCTAssertEqual(xs.count, 3)
        // The y axis lines stand at one x (the plot areas' left edge) ...
        XCTAssertEqual(Set(ys.map(\.0.x)).count, 1, "\(ys)")
        // ... and the x axis lines span the same pixels, so t maps to one x in every panel.
        XCTAssertEqual(Set(xs.map(\.0.x)).count, 1, "\(xs)")
        XCTAssertEqual(Set(xs.map(\.1.x)).count, 1, "\(xs)")
        // The widest y labels (12,000-ish) set that edge: wider than a lone chart with 0–1 labels needs.
        var alone = figure().panels[0]
        alone.size = Size(width: 600, height: 160)
        let aloneY = axisLines(try alone.layout(), "y")
        XCTAssertGreaterThan(ys[0].0.x, aloneY[0].0.x + 10)
    }

    /// A flat panel ticks at −1, 0 and 1 only once it is short enough: the
    /// margins must be fixed at the heights the panels are drawn at.
    func testEdgesStayAlignedWhenAPanelsLabelsChangeWithItsHeight() throws {
        var figure = figure(width: 600, height: 800)
        var flat = Chart(title: "A condition with no event in the window", y: Axis("Regressor", include: [0]))
        flat.marks = [.points(x: (0..<60).map { Double($0) * 2 }, y: Array(repeating: 0, count: 60), label: "at the scans")]
        flat.legend = .below
        figure.panels.append(flat)
        let layout = try figure.layout()
        let ys = axisLines(layout, "y")
        XCTAssertEqual(ys.count, 4)
        XCTAssertEqual(Set(ys.map(\.0.x)).count, 1, "\(ys)")
        XCTAssertEqual(layout.violations().map(\.description), [])
    }

    func testOnlyTheBottomPanelLabelsTheSharedAxis() throws {
        let layout = try figure().layout()
        let bottomAxisY = axisLines(layout, "x").last!.0.y
        let xLabels = layout.textBoxes.filter { $0.role == .tickLabel && $0.item?.hasPrefix("x = ") == true }
        XCTAssertFalse(xLabels.isEmpty)
        XCTAssertTrue(xLabels.allSatisfy { $0.rect.minY > bottomAxisY }, "\(xLabels.map(\.rect))")
        XCTAssertEqual(layout.textBoxes.filter { $0.role == .axisTitle && $0.item == "x" }.count, 1)
        // Every panel's x ticks are the bottom one's: same count of tick labels as x grid positions.
        let labelXs = Set(xLabels.map { ($0.rect.midX * 10).rounded() })
        XCTAssertEqual(labelXs.count, xLabels.count)
    }

    func testPlotHeightsFollowTheWeights() throws {
        let layout = try figure(height: 800).layout()
        let ys = axisLines(layout, "y")
        let heights = ys.map { $0.1.y - $0.0.y }
        XCTAssertEqual(heights[1] / heights[0], 2, accuracy: 0.02, "\(heights)")
        XCTAssertEqual(heights[2] / heights[1], 1, accuracy: 0.02, "\(heights)")
    }

    /// Too short a figure squeezes its panels until their labels collide; at
    /// the height `fittingHeight` asks for, they fit.
    func testTheFittingHeightGivesEveryPanelRoom() throws {
        var short = figure(width: 500, height: 300)
        XCTAssertFalse(try short.layout().violations().isEmpty, "the test needs a figure too short for its panels")
        let height = try short.fittingHeight()
        XCTAssertGreaterThan(height, 300)
        short.size.height = height
        XCTAssertEqual(try short.layout().violations().map(\.description), [])
    }

    func testNoLayoutViolationsAtCourseWidths() throws {
        // Heights as the course shows three stacked panels: square.
        for width in [500.0, 600, 700] {
            let layout = try figure(width: width, height: width).layout()
            XCTAssertEqual(layout.violations().map(\.description), [], "width \(width)")
        }
    }
}
