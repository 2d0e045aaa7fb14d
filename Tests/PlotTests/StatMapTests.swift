@testable import Plot
import Foundation
import XCTest

/// A thresholded statistic map on synthetic slices whose every value is known:
/// voxels keep the aspect of their millimetres, a voxel past the threshold is
/// painted the scale's colour and one under it shows the anatomy's grey, the
/// marker rings the asked voxel, the colour bar names the threshold, and no
/// text collides with anything at the widths the course uses.
final class StatMapTests: XCTestCase {
    /// 12 rows × 16 columns: t rises from −8 at the left to +8 at the right, and
    /// the anatomy from 100 at the top to 210 at the bottom; the corner voxel
    /// (row 0, column 0) is outside the mask.
    func slice(_ label: String, shift: Double = 0) -> StatMap.Slice {
        let values = (0..<12).map { r in (0..<16).map { c in r == 0 && c == 0 ? Double.nan : -8 + Double(c) * 16 / 15 + shift } }
        let background = (0..<12).map { r in (0..<16).map { _ in 100 + Double(r) * 10 } }
        return StatMap.Slice(label: label, values: values, background: background)
    }

    func map(width: Double = 600, slices count: Int = 1, columns: Int? = nil) -> StatMap {
        var map = StatMap(size: Size(width: width, height: 400), title: "face − house",
                          slices: (0..<count).map { slice("z = \(3 * $0) mm", shift: Double($0) * 0.1) },
                          voxelWidth: 3.1, voxelHeight: 3.75, threshold: .twoSided(3))
        map.columns = columns
        map.limit = 10
        map.notes = ["Coloured: |t| ≥ 3.00, p < 0.005 uncorrected (100 df)."]
        return map
    }

    func panels(_ layout: FigureLayout) -> [Rect] {
        layout.obstacles.compactMap { o -> Rect? in
            guard o.role == .dataMark, o.item?.hasPrefix("slice ") == true, case .rect(let r) = o.shape else { return nil }
            return r
        }
    }

    func testVoxelsKeepTheAspectOfTheirMillimetres() throws {
        for columns in [nil, 2] {
            var figure = map(slices: 4, columns: columns)
            figure.size.height = try figure.fittedHeight()
            let rects = panels(try figure.layout())
            XCTAssertEqual(rects.count, 4)
            for r in rects {
                // 16 columns of 3.1 mm across, 12 rows of 3.75 mm down.
                XCTAssertEqual(r.width / r.height, 16 * 3.1 / (12 * 3.75), accuracy: 1e-9)
            }
            XCTAssertEqual(Set(rects.map(\.width)).count, 1, "every slice the same size")
            // One row, or two rows of two.
            XCTAssertEqual(Set(rects.map(\.minY)).count, columns == nil ? 1 : 2)
        }
    }

    /// The pixel at a voxel's centre, at density 2, with the voxel's rectangle.
    func pixel(_ figure: StatMap, row: Int, column: Int) throws -> (UInt8, UInt8, UInt8) {
        let scene = try figure.scene()
        let panel = panels(scene.layout)[0]
        let w = panel.width / 16, h = panel.height / 12
        let image = try scene.rgba(scale: 2)
        let x = Int(((panel.minX + (Double(column) + 0.5) * w) * 2).rounded(.down))
        let y = Int(((panel.minY + (Double(row) + 0.5) * h) * 2).rounded(.down))
        let i = (y * image.width + x) * 4
        return (image.pixels[i], image.pixels[i + 1], image.pixels[i + 2])
    }

    func assertColor(_ p: (UInt8, UInt8, UInt8), _ c: Color, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Double(p.0), c.red * 255, accuracy: 1.01, file: file, line: line)
        XCTAssertEqual(Double(p.1), c.green * 255, accuracy: 1.01, file: file, line: line)
        XCTAssertEqual(Double(p.2), c.blue * 255, accuracy: 1.01, file: file, line: line)
    }

    func testASuprathresholdVoxelHasTheScalesColour() throws {
        let figure = map()
        // Column 15: t = 8 → 5/7 of the way from the threshold (3) to the bar's end (10), positive arm.
        let t = -8 + 15 * 16 / 15.0
        XCTAssertEqual(t, 8, accuracy: 1e-12)
        let expected = try XCTUnwrap(StatColorScale.color(8, threshold: .twoSided(3), limit: 10))
        assertColor(try pixel(figure, row: 5, column: 15), expected)
        XCTAssertEqual(expected, StatColorScale.arm(StatColorScale.positiveArm, 5.0 / 7))
        // Column 0: t = −8, the negative arm at the same place.
        assertColor(try pixel(figure, row: 5, column: 0), StatColorScale.arm(StatColorScale.negativeArm, 5.0 / 7))
    }

    func testAVoxelUnderTheThresholdShowsTheAnatomy() throws {
        let figure = map()
        // Column 8: t = 0.53, under 3. Row 5's anatomy is 150 on a 100…210 range.
        let grey = try XCTUnwrap(StatMapRenderer.grey(150, range: 100...210))
        assertColor(try pixel(figure, row: 5, column: 8), grey)
        XCTAssertEqual(grey.red, 0.12 + 0.8 * 50 / 110, accuracy: 1e-12)
        // Just under and just over the threshold.
        XCTAssertNil(StatColorScale.color(2.999, threshold: .twoSided(3), limit: 10))
        XCTAssertNotNil(StatColorScale.color(-3, threshold: .twoSided(3), limit: 10))
        XCTAssertNil(StatColorScale.color(-5, threshold: .upper(3), limit: 10))
        XCTAssertNil(StatColorScale.color(.nan, threshold: .upper(0), limit: 10))
    }

    func testTheArmsAreDarkAtTheThresholdAndLighterOutward() {
        for arm in [StatColorScale.positiveArm, StatColorScale.negativeArm] {
            let luminance = stride(from: 0.0, through: 1, by: 0.1).map { StatColorScale.arm(arm, $0).luminance }
            XCTAssertEqual(luminance, luminance.sorted(), "lightness orders the magnitudes")
            XCTAssertLessThan(luminance[0], 0.07)
        }
    }

    func testTheMarkerRingsTheAskedVoxel() throws {
        var figure = map(slices: 3, columns: nil)
        figure.marker = StatMap.Voxel(slice: 1, row: 4, column: 9)
        let layout = try figure.layout()
        let panel = panels(layout)[1]
        let ring = try XCTUnwrap(layout.obstacles.first { $0.item?.hasPrefix("marked voxel") == true })
        guard case .rect(let r) = ring.shape else { return XCTFail("a ring is a rectangle") }
        XCTAssertEqual(r.midX, panel.minX + 9.5 * panel.width / 16, accuracy: 1e-9)
        XCTAssertEqual(r.midY, panel.minY + 4.5 * panel.height / 12, accuracy: 1e-9)
        figure.marker = StatMap.Voxel(slice: 3, row: 0, column: 0)
        XCTAssertThrowsError(try figure.layout())
    }

    func testTheColourBarNamesTheThreshold() throws {
        let layout = try map().layout()
        let thresholds = layout.textBoxes.filter { $0.item?.hasPrefix("threshold = ") == true }.map(\.text).sorted()
        XCTAssertEqual(thresholds, ["3.00", "\u{2212}3.00"].sorted())
        var f = map()
        f.threshold = .upper(4.5)
        let upper = try f.layout().textBoxes.filter { $0.item?.hasPrefix("threshold = ") == true }.map(\.text)
        XCTAssertEqual(upper, ["4.50"])
    }

    func testNoLayoutViolationsAtCourseWidths() throws {
        for width in [420.0, 500, 600, 700] {
            for (count, columns) in [(1, nil), (4, nil), (10, 5), (7, 3)] as [(Int, Int?)] {
                var figure = map(width: width, slices: count, columns: columns)
                figure.marker = StatMap.Voxel(slice: 0, row: 6, column: 3)
                figure.size.height = try figure.fittedHeight()
                let violations = try figure.layout().violations()
                XCTAssertEqual(violations, [], "\(width) px, \(count) slices: \(violations)")
                if let dir = ProcessInfo.processInfo.environment["GLMVIZ_STATMAP_PNG"], width == 600 {
                    try Data(figure.pngData(scale: 2)).write(to: URL(fileURLWithPath: "\(dir)/statmap-\(count).png"))
                }
            }
        }
    }

    func testBadMapsAreRefusedWithAReason() {
        var ragged = map()
        ragged.slices.append(StatMap.Slice(label: "z", values: [[1, 2]]))
        XCTAssertThrowsError(try ragged.layout()) { XCTAssertTrue("\($0)".contains("slice 2"), "\($0)") }
        var flat = map()
        flat.voxelHeight = 0
        XCTAssertThrowsError(try flat.layout())
        var empty = map()
        empty.slices = []
        XCTAssertThrowsError(try empty.layout())
    }
}
