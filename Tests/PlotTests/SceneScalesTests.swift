import Plot
import XCTest

/// Coordinates that cannot be drawn are refused by name rather than drawn as an empty
/// or garbled plot: domains past the largest double (1.8e308), domains narrower than
/// 10⁻¹² of their size, and positions beyond cairo's fixed-point range (24.8 bits,
/// about ±8.4·10⁶ device units).
final class SceneScalesTests: XCTestCase {
    private func assertUndrawable(_ figure: any Figure, axis: String, mentioning words: [String],
                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try figure.validateScales(), file: file, line: line) { error in
            guard case let PlotError.undrawable(refused, reason)? = error as? PlotError else {
                return XCTFail("expected an undrawable error, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(refused, axis, file: file, line: line)
            for word in words { XCTAssertTrue(reason.contains(word), "'\(word)' missing from: \(reason)", file: file, line: line) }
        }
    }

    /// −1.7e308 to 1.7e308 is 3.4e308 wide, past the largest double; drawing refuses it
    /// too, not only the validation.
    func testPaddingPastTheLargestDoubleIsRefused() throws {
        let chart = Chart(marks: [.points(x: [-1.7e308, 1.7e308], y: [1, 2])])
        assertUndrawable(chart, axis: "x", mentioning: ["1.8e308", "infinity"])
        XCTAssertThrowsError(try chart.pngData()) { XCTAssertTrue("\($0)".contains("beyond the largest number")) }
    }

    func testZeroWidthDomainIsRefused() throws {
        let x = [1.0, 1.0.nextUp, 1.0.nextUp.nextUp]
        assertUndrawable(Chart(marks: [.points(x: x, y: [1, 2, 3])]), axis: "x", mentioning: ["too narrow", "around 1"])
        // A single value is fine: it is padded by ±10 %.
        XCTAssertNoThrow(try Chart(marks: [.points(x: [1, 1, 1], y: [1, 2, 3])]).validateScales())
    }

    /// A point 10⁹ plot widths outside a fixed domain would land at about 10¹¹ pixels.
    func testPositionBeyondCairosFixedPointRangeIsRefused() throws {
        let chart = Chart(x: Axis("x", domain: 0...1), marks: [.points(x: [0.5, 1e9], y: [1, 2])])
        assertUndrawable(chart, axis: "x", mentioning: ["1e+09", "too far outside"])
        XCTAssertThrowsError(try chart.svgData())
    }

    /// A line's ends are not data extents: a slope of 10³⁰⁰ over [0, 1] reaches 10³⁰⁰.
    func testSteepLineIsRefused() throws {
        let chart = Chart(marks: [.points(x: [0, 1], y: [0, 1]), .line(intercept: 0, slope: 1e300)])
        assertUndrawable(chart, axis: "y", mentioning: ["e+298", "too far outside"])
    }

    /// Drawing skips non-finite points (ConcurrencyTests); validation refuses them, and
    /// names the infinity rather than the NaN it caused.
    func testNonFiniteCoordinatesAreRefusedByValidation() throws {
        let chart = Chart(marks: [.points(x: [1, .nan, 3], y: [1, 2, .infinity])])
        assertUndrawable(chart, axis: "y", mentioning: ["infinite"])
        let plane = Chart3D(marks: [.points([Point3(0, 0, 0), Point3(1, 1, .infinity)])])
        assertUndrawable(plane, axis: "z", mentioning: ["infinite"])
    }

    /// The Toluca scatter's ranges (Kutner Table 1.1: lot sizes 20–120, hours 113–546).
    func testOrdinaryChartsPass() throws {
        let chart = Chart(marks: [.points(x: [20, 80, 120], y: [113, 300, 546]), .line(intercept: 62.37, slope: 3.57)])
        XCTAssertNoThrow(try chart.validateScales())
        let plane = Chart3D(marks: [.plane(intercept: 1, slopeX: 2, slopeY: 3, x: 0...1, y: 0...1)])
        XCTAssertNoThrow(try plane.validateScales())
    }
}
