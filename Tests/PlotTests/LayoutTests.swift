@testable import Plot
import XCTest

/// Fails when a finished figure has text overlapping text or leaving the canvas.
func assertTextIsClear(_ figure: some Figure, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let layout = try figure.layout()
    XCTAssertFalse(layout.textBoxes.isEmpty, "\(name) drew no text", file: file, line: line)
    for (a, b) in layout.overlappingText() {
        XCTFail("\(name): '\(a.text)' \(a.rect) overlaps '\(b.text)' \(b.rect)", file: file, line: line)
    }
    for t in layout.textOutsideCanvas() {
        XCTFail("\(name): '\(t.text)' \(t.rect) is outside the canvas", file: file, line: line)
    }
}

final class LayoutTests: XCTestCase {
    func testReferenceFiguresHaveNoCollidingOrClippedText() throws {
        try assertTextIsClear(ReferenceFigures.scatterWithLine(), "scatter-fit")
        try assertTextIsClear(ReferenceFigures.regressionPlane(), "regression-plane")
        try assertTextIsClear(ReferenceFigures.designMatrix(), "design-matrix")
        try assertTextIsClear(ReferenceFigures.tallDesignMatrix(), "design-matrix-tall")
        try assertTextIsClear(LabelSheet(labels: ReferenceFigures.texLabels), "tex-labels")
    }

    func testCollisionCheckCatchesOverlappingText() throws {
        let layout = FigureLayout(size: Size(width: 100, height: 100),
                                  textBoxes: [TextBox(text: "overlap", rect: Rect(x: 10, y: 10, width: 50, height: 16)),
                                              TextBox(text: "overlap", rect: Rect(x: 12, y: 12, width: 50, height: 16))])
        XCTAssertEqual(layout.overlappingText().count, 1)
    }

    func testLabelsAskedForOnOneSpotAreMovedApart() throws {
        var chart = Chart(x: Axis("x"), y: Axis("y"))
        chart.marks = [.text("overlap", at: Point(0.5, 0.5)), .text("overlap", at: Point(0.5, 0.5))]
        XCTAssertEqual(try chart.layout().violations(), [])
    }

    func testAnnotationAvoidsDataInTheTopLeft() throws {
        // Points crowd the top left, the preferred spot; the equation must go elsewhere.
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<12 { for j in 0..<5 { xs.append(Double(i) * 0.3); ys.append(10 - Double(j) * 0.4) } }
        xs += [10, 0]; ys += [0, 0]
        var chart = Chart(x: Axis("$x$"), y: Axis("$y$"))
        chart.marks = [.points(x: xs, y: ys)]
        chart.annotations = [Annotation("$\\hat{Y} = 1.0 + 2.0X$")]
        let layout = try chart.layout()
        let box = try XCTUnwrap(layout.placedBoxes.first)
        // The cluster spans x ≤ 3.3 of 0…10, so a free spot is in the right half.
        XCTAssertGreaterThan(box.midX, chart.size.width / 2, "annotation at \(box)")
        XCTAssertTrue(layout.overlappingText().isEmpty)
    }

    func testLegendLeavesThePlotWhenItIsFull() throws {
        var xs: [Double] = [], ys: [Double] = []
        for i in 0...20 { for j in 0...20 { xs.append(Double(i)); ys.append(Double(j)) } }
        var chart = Chart(x: Axis("x"), y: Axis("y"))
        chart.marks = [.points(x: xs, y: ys, radius: 3, label: "grid")]
        let layout = try chart.layout()
        let legend = try XCTUnwrap(layout.placedBoxes.last)
        let xTitle = try XCTUnwrap(layout.textBoxes.first { $0.text == "x" })
        XCTAssertGreaterThanOrEqual(legend.minY, xTitle.rect.maxY, "legend \(legend) is in a row under the chart")
        try assertTextIsClear(chart, "full plot")
        chart.legend = .outsideRight
        let rightLayout = try chart.layout()
        let right = try XCTUnwrap(rightLayout.placedBoxes.last)
        let tickLabelRight = rightLayout.textBoxes.filter { $0.text == "20" }.map(\.rect.maxX).max() ?? 0
        XCTAssertGreaterThanOrEqual(right.minX, tickLabelRight - 20, "legend \(right) is in the right margin")
        try assertTextIsClear(chart, "full plot, legend at the right")
    }

    /// A 500-pixel figure whose legend entries are long: a column at the
    /// right would take more than a third of the width, so it goes under the
    /// plot, and the plot keeps most of the canvas's width.
    func testAWideLegendOnANarrowFigureGoesUnderThePlot() throws {
        var xs: [Double] = [], ys: [Double] = []
        for i in 0...20 { for j in 0...20 { xs.append(Double(i)); ys.append(Double(j)) } }
        var chart = Chart(size: Size(width: 500, height: 420), x: Axis("x"), y: Axis("y"))
        chart.marks = [.points(x: xs, y: ys, radius: 3, label: "Observations of every participant in the study"),
                       .line(intercept: 0, slope: 1, label: "Fitted line of the model with every predictor")]
        let layout = try chart.layout()
        let legend = try XCTUnwrap(layout.placedBoxes.last)
        let xTitle = try XCTUnwrap(layout.textBoxes.first { $0.text == "x" })
        XCTAssertGreaterThanOrEqual(legend.minY, xTitle.rect.maxY, "legend \(legend) is under the chart")
        let widths = layout.obstacles.compactMap { obstacle -> Double? in
            guard obstacle.role == .axisLine, case .segment(let a, let b) = obstacle.shape else { return nil }
            return abs(b.x - a.x)
        }
        XCTAssertGreaterThan(widths.max() ?? 0, 0.6 * 500, "the plot keeps most of the width")
        XCTAssertEqual(layout.violations(), [])
    }

    func testCrowdedLabelsGetFewerTicks() throws {
        let chart = Chart(size: Size(width: 300, height: 200), x: Axis("x"), y: Axis("y"),
                          marks: [.points(x: [1_000_000.5, 9_000_000.5], y: [0, 1])])
        try assertTextIsClear(chart, "narrow chart with long labels")
    }

    func testCameraProjection() {
        let front = Camera(azimuth: 0, elevation: 0)
        let x = front.project(Point3(1, 0, 0)), z = front.project(Point3(0, 0, 1)), y = front.project(Point3(0, 1, 0))
        XCTAssertEqual(x.u, 1, accuracy: 1e-12); XCTAssertEqual(x.v, 0, accuracy: 1e-12)
        XCTAssertEqual(z.v, 1, accuracy: 1e-12); XCTAssertEqual(y.depth, 1, accuracy: 1e-12)
        let top = Camera(azimuth: 0, elevation: 90)
        XCTAssertEqual(top.project(Point3(0, 1, 0)).v, 1, accuracy: 1e-12)
        XCTAssertEqual(top.project(Point3(0, 0, 1)).depth, -1, accuracy: 1e-12, "looking down, up is nearer")
        // Orthographic: lengths are preserved by the rotation.
        let c = Camera(azimuth: -55, elevation: 22)
        let p = c.project(Point3(0.3, -0.7, 0.4))
        XCTAssertEqual(p.u * p.u + p.v * p.v + p.depth * p.depth, 0.09 + 0.49 + 0.16, accuracy: 1e-12)
        let q = Camera(azimuth: 90, elevation: 0).project(Point3(1, 0, 0))
        XCTAssertEqual(q.depth, 1, accuracy: 1e-12, "turned 90°, +x points away")
    }

    func testMatrixImageScalesColumnsLikeSPM() {
        let image = MatrixImage(values: [[1, 2, 0], [1, 4, 0], [1, 6, 0]])
        XCTAssertEqual(image.scaledValues(), [[1, 0, 0], [1, 0.5, 0], [1, 1, 0]])
        var global = image
        global.scaling = .global
        XCTAssertEqual(global.scaledValues()[2], [1.0 / 6, 1, 0])
        let signed = MatrixImage(values: [[-2, 0, 1]], scaling: .symmetric)
        XCTAssertEqual(signed.scaledValues(), [[0, 0.5, 0.75]])
        let clamped = MatrixImage(values: [[-1, 0.5, 3]], scaling: .range(-1...1))
        XCTAssertEqual(clamped.scaledValues(), [[0, 0.75, 1]])
        XCTAssertEqual(signed.valueRange, -2...2)
        XCTAssertEqual(clamped.valueRange, -1...1)
        XCTAssertNil(image.valueRange, "per-column scaling has no single colour scale")
    }

    func testTableSizesItselfToItsContent() throws {
        let table = try ReferenceFigures.coefficientTable()
        XCTAssertLessThan(table.size.width, 760)
        XCTAssertGreaterThan(table.size.width, 300)
        try assertTextIsClear(table, "coefficient table")
        XCTAssertThrowsError(try Table(header: ["$\\hatt{b}$"], rows: []).sized()) { error in
            XCTAssertEqual((error as? TeXError)?.suggestion, "hat")
        }
    }

    func testMatrixImageRejectsRaggedRows() {
        let image = MatrixImage(values: [[1, 2], [3]])
        XCTAssertThrowsError(try image.layout()) { error in
            XCTAssertEqual(error as? PlotError, .invalidData("matrix row 2 has 1 values; row 1 has 2"))
        }
    }
}

extension LayoutTests {
    func testEveryAzimuthKeepsTextClearAndATurntableKeepsItsScale() throws {
        var chart = ReferenceFigures.regressionPlane()
        chart.sameScaleAtEveryAzimuth = true
        var floorWidths: [Double] = []
        for azimuth in stride(from: 0.0, to: 360, by: 30) {
            chart.camera = Camera(azimuth: azimuth, elevation: 22)
            try assertTextIsClear(chart, "plane at azimuth \(azimuth)")
            // The box's vertical extent is the same in every frame: measure the
            // z tick spacing through the z tick labels "5" and "25".
            let layout = try chart.layout()
            let five = layout.textBoxes.first { $0.text == "5" }, twentyFive = layout.textBoxes.first { $0.text == "25" }
            if let five, let twentyFive { floorWidths.append(five.rect.midY - twentyFive.rect.midY) }
        }
        XCTAssertGreaterThan(floorWidths.count, 6)
        let spread = (floorWidths.max() ?? 0) - (floorWidths.min() ?? 0)
        XCTAssertLessThan(spread, 0.5, "z axis length varies across frames: \(floorWidths)")
    }
}

extension LayoutTests {
    func testShortChartsGetFewerYTicks() throws {
        let chart = Chart(size: Size(width: 400, height: 140), x: Axis("x"), y: Axis("y"),
                          marks: [.points(x: [0, 1, 2], y: [0, 0.5, 1])])
        let layout = try chart.layout()
        let yLabels = layout.textBoxes.filter { $0.rect.maxX < 60 && $0.text != "y" }
        XCTAssertLessThanOrEqual(yLabels.count, 4, "\(yLabels.map(\.text))")
        try assertTextIsClear(chart, "short chart")
    }
}

extension LayoutTests {
    func testMismatchedTickLabelsAreAClearError() {
        let chart = Chart(x: Axis("Group", ticks: [0, 1], tickLabels: ["control"]), marks: [.points(x: [0, 1], y: [1, 2])])
        XCTAssertThrowsError(try chart.layout()) { error in
            XCTAssertEqual(error as? PlotError, .invalidData("axis 'Group' has 1 tick labels for 2 ticks"))
        }
    }
}

extension LayoutTests {
    func testConvexHullAndRectangleOverlap() {
        let hull = ConvexPolygon(hullOf: [Point(0, 0), Point(10, 0), Point(10, 10), Point(0, 10), Point(5, 5), Point(3, 7)])
        XCTAssertEqual(hull.vertices.count, 4, "interior points are not on the hull")
        XCTAssertTrue(hull.contains(Point(5, 5)))
        XCTAssertFalse(hull.contains(Point(11, 5)))
        XCTAssertTrue(hull.touches(Rect(x: 2, y: 2, width: 1, height: 1)), "inside")
        XCTAssertTrue(hull.touches(Rect(x: -5, y: -5, width: 30, height: 30)), "around")
        XCTAssertTrue(hull.touches(Rect(x: 8, y: 8, width: 5, height: 5)), "across an edge")
        XCTAssertFalse(hull.touches(Rect(x: 12, y: 0, width: 5, height: 5)), "beside")
    }
}
