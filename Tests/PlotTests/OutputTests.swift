import Foundation
import Plot
import XCTest

final class OutputTests: XCTestCase {
    func testSVGIsByteIdenticalAcrossRendersInOneProcess() throws {
        for figure in [ReferenceFigures.scatterWithLine() as any Figure, ReferenceFigures.regressionPlane(), ReferenceFigures.designMatrix()] {
            let first = try figure.svgData(), second = try figure.svgData()
            XCTAssertEqual(first, second)
            let text = String(decoding: first, as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("<?xml"), "SVG starts with an XML declaration")
            XCTAssertTrue(text.contains("id=\"glyph1\""), "glyph ids are renumbered from 1")
        }
    }

    func testPDFIsReproducibleAndDated2000() throws {
        let figure = ReferenceFigures.scatterWithLine()
        let first = try figure.pdfData(), second = try figure.pdfData()
        XCTAssertEqual(first, second)
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF-"))
        // cairo 1.16 writes the date without the "D:" prefix.
        XCTAssertTrue(text.contains("/CreationDate (20000101000000Z)"), "fixed creation date")
    }

    func testPNGRoundTripsThroughTheDecoder() throws {
        let figure = ReferenceFigures.scatterWithLine()
        let pixels = try figure.rgba()
        let decoded = try RGBAImage(pngData: try figure.pngData())
        XCTAssertEqual(decoded.width, 760)
        XCTAssertEqual(decoded.height, 520)
        XCTAssertEqual(decoded, pixels)
        XCTAssertEqual(try figure.pngData(), try figure.pngData(), "PNG bytes are deterministic")
        // The background is the theme's white and opaque.
        let corner = decoded[0, 0]
        XCTAssertEqual([corner.0, corner.1, corner.2, corner.3], [255, 255, 255, 255])
    }

    func testDecoderRejectsNonPNG() {
        XCTAssertThrowsError(try RGBAImage(pngData: Array("not a png".utf8))) { error in
            guard case PlotError.invalidPNG = error else { return XCTFail("\(error)") }
        }
    }

    func testWritesAtomicallyByExtensionAndLeavesNoTemporaryFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plot-output-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let figure = ReferenceFigures.designMatrix()
        for ext in ["png", "svg", "pdf"] {
            try figure.write(to: dir.appendingPathComponent("design.\(ext)"))
        }
        // Overwriting replaces the file whole.
        try figure.write(to: dir.appendingPathComponent("design.png"))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(names, ["design.pdf", "design.png", "design.svg"])
        let png = try RGBAImage(contentsOf: dir.appendingPathComponent("design.png"))
        XCTAssertEqual(png.width, 760)

        XCTAssertThrowsError(try figure.write(to: dir.appendingPathComponent("design.gif"))) { error in
            XCTAssertEqual(error as? PlotError, .unsupportedFormat(path: dir.appendingPathComponent("design.gif").path))
        }
        let missing = dir.appendingPathComponent("no/such/dir/design.png")
        XCTAssertThrowsError(try figure.write(to: missing)) { error in
            guard case PlotError.io(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, missing.path)
        }
    }

    func testImageDifferenceToleratesSmallChangesButNotAMovedLine() throws {
        var base = Chart(size: Size(width: 200, height: 150), x: Axis(domain: 0...10), y: Axis(domain: 0...10))
        base.marks = [.line(intercept: 2, slope: 0.5)]
        var moved = base
        moved.marks = [.line(intercept: 4, slope: 0.5)]
        let a = try base.rgba(), b = try moved.rgba()
        XCTAssertEqual(a.difference(from: a).differingPixels, 0)
        var nudged = a
        for i in stride(from: 0, to: nudged.pixels.count, by: 4) { nudged.pixels[i] = nudged.pixels[i] &- min(nudged.pixels[i], 10) }
        XCTAssertTrue(nudged.difference(from: a, channelTolerance: 40).passes(maximumFraction: 0.002))
        let d = b.difference(from: a, channelTolerance: 40)
        XCTAssertFalse(d.passes(maximumFraction: 0.002))
        XCTAssertNotNil(d.diffImage)
    }
}

extension OutputTests {
    func testOneRenderGivesBytesAndTheLayoutTheyShow() throws {
        let figure = ReferenceFigures.scatterWithLine()
        let rendered = try figure.render(.png)
        XCTAssertEqual(rendered.bytes, try figure.pngData())
        let separate = try figure.layout()
        XCTAssertEqual(rendered.layout.textBoxes, separate.textBoxes, "every format lays out alike")
        XCTAssertEqual(try figure.render(.svg).layout.textBoxes, separate.textBoxes)
        XCTAssertEqual(try figure.render(.pdf).layout.textBoxes, separate.textBoxes)
        XCTAssertEqual(try figure.render(.png, scale: 2).layout.textBoxes, separate.textBoxes)
        XCTAssertEqual(rendered.layout.placedBoxes.count, 2, "the equation and the legend")
    }

    func testAbsurdPixelSizesAreRefused() {
        XCTAssertThrowsError(try ReferenceFigures.scatterWithLine().rgba(scale: 100)) { error in
            guard case PlotError.invalidData = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try ReferenceFigures.scatterWithLine().pngData(scale: 0))
    }
}
