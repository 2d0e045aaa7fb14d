import Plot
import XCTest

final class SVGAccessibilityTests: XCTestCase {
    /// SVG 1.1 §5.4: `<title>` and `<desc>` as the first children of the root
    /// element name and describe the document.
    func testTitleAndDescAreTheFirstChildrenOfTheRoot() throws {
        var chart = ReferenceFigures.scatterWithLine()
        chart.accessibility = FigureAccessibility(title: "Toluca <work> & \"hours\"",
                                                  description: "Scatterplot of work hours against lot size for 25 runs.")
        let svg = String(decoding: try chart.svgData(), as: UTF8.self)
        let root = try XCTUnwrap(svg.range(of: "<svg"))
        let rootEnd = try XCTUnwrap(svg[root.upperBound...].firstIndex(of: ">"))
        let afterRoot = svg[svg.index(after: rootEnd)...].drop { $0.isWhitespace }
        XCTAssertTrue(afterRoot.hasPrefix("<title>Toluca &lt;work&gt; &amp; &quot;hours&quot;</title>"), String(afterRoot.prefix(120)))
        let afterTitle = afterRoot[afterRoot.range(of: "</title>")!.upperBound...].drop { $0.isWhitespace }
        XCTAssertTrue(afterTitle.hasPrefix("<desc>Scatterplot of work hours against lot size for 25 runs.</desc>"))
        XCTAssertEqual(svg.components(separatedBy: "<title>").count, 2, "one title")
        XCTAssertEqual(try chart.svgData(), try chart.svgData(), "still byte-identical")
    }

    func testAFigureWithoutAccessibilityWritesNeither() throws {
        let svg = String(decoding: try ReferenceFigures.scatterWithLine().svgData(), as: UTF8.self)
        XCTAssertFalse(svg.contains("<title>"))
        XCTAssertFalse(svg.contains("<desc>"))
    }
}
