import Foundation
import Plot
import XCTest

/// Prints the cost of the first figure (which loads fontconfig and the Pango
/// font map) and of later ones (which reuse them), and fails if a figure
/// becomes pathologically slow. Run: swift test --filter RenderingCostTests
final class RenderingCostTests: XCTestCase {
    func testLaterFiguresReuseTheFontSetUp() throws {
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        let figure = ReferenceFigures.scatterWithLine()
        let first = try seconds { _ = try figure.pngData() }
        let runs = 10
        let later = try seconds { for _ in 0..<runs { _ = try figure.pngData() } } / Double(runs)
        let svg = try seconds { for _ in 0..<runs { _ = try figure.svgData() } } / Double(runs)
        let plane = try seconds { for _ in 0..<runs { _ = try ReferenceFigures.regressionPlane().pngData() } } / Double(runs)
        print(String(format: "rendering cost: first PNG %.1f ms (includes font set-up if first in process); scatter PNG %.1f ms, scatter SVG %.1f ms, 3-D plane PNG %.1f ms per figure",
                     first * 1000, later * 1000, svg * 1000, plane * 1000))
        XCTAssertLessThan(later, 0.5, "a 760×520 scatter should render well under half a second")
        XCTAssertLessThan(plane, 1.0)
    }
}
