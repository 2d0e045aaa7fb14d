@testable import Plot
import CCairo
import XCTest

/// A figure is drawn once into a `FigureScene` and painted from there into
/// every format; these check that painting loses nothing against drawing
/// straight onto the target.
final class FigureSceneTests: XCTestCase {
    /// Replaying the recording at density 2 rasterises glyphs and lines at
    /// density 2: it matches a direct drawing at density 2 to within the golden
    /// tests' tolerance, while a 1:1 bitmap scaled up (what replaying a pixel
    /// cache would give) misses by far more. (Measured: the design matrix is
    /// identical; the scatter differs in 73 of 1.58 million pixels and the 3-D
    /// plane in 100, all on the edges of circle markers, because `cairo_arc`
    /// chooses its Bézier segments for the scale it is recorded at. A doubled
    /// bitmap differs in 22 000–53 000.)
    func testDensityTwoIsDrawnAtDensityTwoNotUpscaled() throws {
        for figure in [ReferenceFigures.scatterWithLine() as any Figure, ReferenceFigures.designMatrix(),
                       ReferenceFigures.regressionPlane()] {
            let scene = try figure.scene()
            let replayed = try scene.rgba(scale: 2)
            let direct = try figure.directRGBA(scale: 2)
            let difference = replayed.difference(from: direct, channelTolerance: 40)
            XCTAssertTrue(difference.passes(maximumFraction: 0.002),
                          "replayed at density 2 differs from a direct drawing in \(difference.differingPixels) pixels")
            let upscaled = Self.doubled(try scene.rgba(scale: 1))
            let blur = upscaled.difference(from: direct, channelTolerance: 40)
            XCTAssertGreaterThan(blur.differingFraction, 10 * max(difference.differingFraction, 0.001),
                                 "a doubled 1:1 bitmap should be visibly coarser than a density-2 drawing")
        }
    }

    /// Every pixel a doubled image has, taken from the pixel it came from.
    static func doubled(_ image: RGBAImage) -> RGBAImage {
        var pixels = [UInt8](repeating: 0, count: image.width * image.height * 16)
        for y in 0..<(image.height * 2) {
            for x in 0..<(image.width * 2) {
                let from = ((y / 2) * image.width + x / 2) * 4, to = (y * image.width * 2 + x) * 4
                for c in 0..<4 { pixels[to + c] = image.pixels[from + c] }
            }
        }
        return RGBAImage(width: image.width * 2, height: image.height * 2, pixels: pixels)
    }

    func testSceneLayoutIsTheDirectDrawingsLayout() throws {
        let figure = ReferenceFigures.scatterWithLine()
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 760, 520)!
        defer { cairo_surface_destroy(surface) }
        let direct = try figure.drawFigure(on: surface, scale: 1)
        let scene = try figure.scene()
        XCTAssertEqual(scene.layout.textBoxes.map(\.text), direct.textBoxes.map(\.text))
        XCTAssertEqual(scene.layout.textBoxes.map(\.rect), direct.textBoxes.map(\.rect))
        XCTAssertFalse(scene.layout.textBoxes.isEmpty)
    }

    /// One scene painted twice, and two scenes of one figure, give the same
    /// bytes in every format.
    func testEveryFormatIsByteIdenticalAcrossPaintsAndScenes() throws {
        let figure = ReferenceFigures.regressionPlane()
        let first = try figure.scene(), second = try figure.scene()
        XCTAssertEqual(try first.svg(), try first.svg())
        XCTAssertEqual(try first.svg(), try second.svg())
        XCTAssertEqual(try first.pdf(), try second.pdf())
        XCTAssertEqual(try first.png(scale: 2), try second.png(scale: 2))
        XCTAssertEqual(try first.png(scale: 2), try first.png(scale: 2))
    }

    /// At a density that does not give whole pixels the last row and column
    /// are still opaque background.
    func testFractionalDensityLeavesNoTransparentEdge() throws {
        let image = try ReferenceFigures.scatterWithLine().scene().rgba(scale: 1.3)
        XCTAssertEqual(image.width, 988)
        let corner = image[image.width - 1, image.height - 1]
        XCTAssertEqual([corner.0, corner.1, corner.2, corner.3], [255, 255, 255, 255])
    }

    func testPDFAndSVGStayVectorsWithText() throws {
        let scene = try ReferenceFigures.scatterWithLine().scene()
        let svg = String(decoding: try scene.svg(), as: UTF8.self)
        XCTAssertFalse(svg.contains("<image"), "the SVG holds paths and glyphs, not an embedded bitmap")
        XCTAssertTrue(svg.contains("<symbol"), "glyphs are vector symbols")
        let pdf = String(decoding: try scene.pdf(), as: UTF8.self)
        XCTAssertFalse(pdf.contains("/Subtype /Image"), "the PDF holds no image")
        XCTAssertTrue(pdf.contains("/FontFile") || pdf.contains("/Font"), "the PDF embeds a font for its text")
    }
}
