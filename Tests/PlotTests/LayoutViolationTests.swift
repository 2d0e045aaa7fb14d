@testable import Plot
import XCTest

/// The layout verifier: deliberately broken layouts must be reported, naming
/// both items; clean ones must not.
final class LayoutViolationTests: XCTestCase {
    func box(_ text: String, _ role: TextRole, _ x: Double, _ y: Double, _ w: Double = 40, _ h: Double = 16) -> TextBox {
        TextBox(text: text, rect: Rect(x: x, y: y, width: w, height: h), role: role)
    }

    func testOverlappingTextIsReportedWithBothItems() {
        let layout = FigureLayout(size: Size(width: 200, height: 100),
                                  textBoxes: [box("10", .tickLabel, 10, 10), box("β̂<sub>0</sub> = 42", .annotation, 30, 14)])
        let violations = layout.violations()
        XCTAssertEqual(violations.map(\.kind), [.textOverText])
        XCTAssertEqual(violations.first?.description, "tick label \"10\" overlaps annotation \"β̂0 = 42\"")
    }

    func testTouchingWithinTheToleranceIsClean() {
        let layout = FigureLayout(size: Size(width: 200, height: 100),
                                  textBoxes: [box("a", .tickLabel, 10, 10), box("b", .tickLabel, 49.2, 10),
                                              box("edge", .title, -0.8, 60, 40, 16)])
        XCTAssertEqual(layout.violations(), [])
    }

    func testTextOverADataMarkAndAcrossAnAxisLine() {
        let layout = FigureLayout(
            size: Size(width: 200, height: 100),
            textBoxes: [box("p/2 = 0.018", .dataLabel, 50, 50, 80, 16)],
            obstacles: [LayoutObstacle(role: .dataMark, shape: .rect(Rect(x: 60, y: 55, width: 8, height: 8)), item: "(1, 2)"),
                        LayoutObstacle(role: .axisLine, shape: .segment(Point(100, 0), Point(100, 100)), item: "y"),
                        LayoutObstacle(role: .segment, shape: .segment(Point(0, 58), Point(200, 58)))])
        XCTAssertEqual(layout.violations().map(\.description),
                       ["data label \"p/2 = 0.018\" covers data mark (1, 2)",
                        "data label \"p/2 = 0.018\" crosses the y axis line"])
    }

    func testTextOutsideTheCanvas() {
        let layout = FigureLayout(size: Size(width: 200, height: 100), textBoxes: [box("p/2 = 0.01", .dataLabel, 180, 40)])
        XCTAssertEqual(layout.violations().map(\.description), ["data label \"p/2 = 0.01\" leaves the canvas"])
    }

    func testADrawnMatrixWithNumbersForcedIntoTinyCellsIsCaught() throws {
        var matrix = MatrixImage(values: (0..<30).map { r in [1, Double(r) * 1234567.0] }, columnLabels: ["a", "b"])
        matrix.size = Size(width: 200, height: 240)
        matrix.numbers = .always
        let violations = try matrix.layout().violations()
        XCTAssertTrue(violations.contains { $0.kind == .textOverText && $0.text.role == .cellNumber }, "\(violations)")
    }

    func testLabelsAskedForOnDataOrOnTheSpineAreMovedOff() throws {
        var chart = Chart(size: Size(width: 500, height: 360), x: Axis("x"), y: Axis("y"))
        chart.marks = [.points(x: [0, 1, 2], y: [0, 1, 2]), .text("covering", at: Point(1, 1)),
                       .text("on the spine", at: Point(0, 1.5), offset: Point(0, 0))]
        XCTAssertEqual(try chart.layout().violations(), [])
    }

    func testReferenceFiguresAreClean() throws {
        for (name, figure) in [("scatter", ReferenceFigures.scatterWithLine() as any Figure),
                               ("plane", ReferenceFigures.regressionPlane()),
                               ("matrix", ReferenceFigures.designMatrix())] {
            XCTAssertEqual(try figure.layout().violations().map(\.description), [], name)
        }
    }

    func testEveryTextItemHasARole() throws {
        let layout = try ReferenceFigures.scatterWithLine().layout()
        let roles = Set(layout.textBoxes.map(\.role))
        XCTAssertTrue(roles.isSuperset(of: [.tickLabel, .axisTitle, .annotation]), "\(roles)")
        XCTAssertTrue(layout.obstacles.contains { $0.role == .dataMark })
        XCTAssertEqual(layout.obstacles.filter { $0.role == .axisLine }.count, 2)
    }
}
