import Foundation
import Plot
import XCTest
@testable import Lessons

/// Why the PNG defaults are Δ 64 per channel and 0.25% of pixels.
///
/// Plot renders text without hinting and with greyscale antialiasing, so what
/// changes between machines is where a rasteriser puts glyph edges within a
/// pixel. Modelled here as every text box of every bundled figure resampled a
/// quarter pixel right and down: that must pass. A fitted line moved by half a
/// pixel, or drawn in the neighbouring Okabe–Ito colour, must fail; and each
/// default is shown to be needed by a change that a looser value would miss.
final class CheckDefaultsTests: XCTestCase {
    let defaults = CheckOptions()

    func testDefaultsAreTheDocumentedOnes() {
        XCTAssertEqual(defaults.channelTolerance, 64)
        XCTAssertEqual(defaults.pixelFraction, 0.0025)
    }

    func testRoundingNoiseAndQuarterPixelGlyphPlacementPassOnEveryChart() throws {
        let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")
        var checked = 0
        for name in catalogue.names {
            let lesson = try PreparedLesson(catalogue.source(for: name).parse())
            for figure in lesson.spec.figures {
                let drawing = try FigureFactory.make(figure, model: lesson.model(for: figure))
                let scale = lesson.spec.density
                let image = try drawing.rgba(scale: scale)

                // Compositing that rounds differently: every channel off by up to 2.
                var noisy = image
                for i in noisy.pixels.indices where i % 4 != 3 {
                    noisy.pixels[i] = i % 3 == 0 ? noisy.pixels[i] &+ min(2, 255 - noisy.pixels[i]) : noisy.pixels[i] &- min(2, noisy.pixels[i])
                }
                XCTAssertNil(ImageComparison.difference(image, noisy, options: defaults), "\(name)/\(figure.id)")

                // A text-dense table moves too many glyph edges for the fraction; it
                // is the known exception (0.35% of its pixels), as are equations set
                // small to fit (glm-equations/prediction at 59%: 0.33%).
                guard figure.kind != .coefficientTable, figure.kind != .equation else { continue }
                let boxes = try drawing.layout().textBoxes.map(\.rect)
                let moved = Self.textShifted(image, boxes: boxes, scale: scale, by: 0.25)
                XCTAssertNotEqual(moved, image)
                XCTAssertNil(ImageComparison.difference(image, moved, options: defaults), "\(name)/\(figure.id)")
                let share = moved.difference(from: image, channelTolerance: defaults.channelTolerance).differingFraction
                print("quarter-pixel text shift, \(name)/\(figure.id): \(ImageComparison.percent(share)) of pixels beyond Δ 64")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 9)
    }

    func testAMovedLineOrAChangedColourFails() throws {
        let base = try Self.chart(intercept: 1, color: OkabeIto.blue)
        // On this 760×520 chart one unit of y is 43.5 px, so 0.0115 is half a pixel.
        let halfPixel = try Self.chart(intercept: 1.0115, color: OkabeIto.blue)
        let onePixel = try Self.chart(intercept: 1.023, color: OkabeIto.blue)
        let skyBlue = try Self.chart(intercept: 1, color: OkabeIto.skyBlue)
        for (label, changed) in [("half-pixel move", halfPixel), ("one-pixel move", onePixel), ("sky blue", skyBlue)] {
            let message = try XCTUnwrap(ImageComparison.difference(base, changed, options: defaults), label)
            XCTAssertTrue(message.contains("of pixels differ"), message)
            print("\(label) of the fitted line: \(message)")
        }
        // Looser defaults would miss them: blue → sky blue moves no channel by
        // more than 86, and the half-pixel move touches 0.34% of the pixels.
        XCTAssertNil(ImageComparison.difference(base, skyBlue, options: CheckOptions(channelTolerance: 96)))
        XCTAssertNil(ImageComparison.difference(base, halfPixel, options: CheckOptions(pixelFraction: 0.004)))
    }

    static func chart(intercept: Double, color: Color) throws -> RGBAImage {
        var chart = Chart(size: Size(width: 760, height: 520), x: Axis(domain: 0...10), y: Axis(domain: 0...10))
        chart.marks = [.points(x: [1, 3, 5, 7, 9], y: [2, 3, 5, 6, 8]), .line(intercept: intercept, slope: 0.7, color: color)]
        return try chart.rgba()
    }

    /// `image` with the pixels inside each text box resampled (bilinearly) as if
    /// every glyph edge sat `amount` of a pixel further right and down.
    static func textShifted(_ image: RGBAImage, boxes: [Rect], scale: Double, by amount: Double) -> RGBAImage {
        var out = image.pixels
        let w = image.width, h = image.height
        func value(_ x: Int, _ y: Int, _ c: Int) -> Double { Double(image.pixels[(y * w + x) * 4 + c]) }
        for box in boxes {
            let x0 = max(1, Int((box.x * scale).rounded(.down))), x1 = min(w - 1, Int(((box.x + box.width) * scale).rounded(.up)))
            let y0 = max(1, Int((box.y * scale).rounded(.down))), y1 = min(h - 1, Int(((box.y + box.height) * scale).rounded(.up)))
            guard x0 < x1, y0 < y1 else { continue }
            for y in y0...y1 { for x in x0...x1 { for c in 0..<4 {
                let v = (1 - amount) * (1 - amount) * value(x, y, c) + amount * (1 - amount) * (value(x - 1, y, c) + value(x, y - 1, c))
                    + amount * amount * value(x - 1, y - 1, c)
                out[(y * w + x) * 4 + c] = UInt8(min(255, max(0, v.rounded())))
            } } }
        }
        return RGBAImage(width: w, height: h, pixels: out)
    }
}
