import Foundation
import Plot
import XCTest
@testable import Lessons

/// The per-format comparisons behind `glmviz check`.
final class CheckComparisonTests: XCTestCase {
    // MARK: fits.json

    let committedFits = Data("""
        {"hours": {"coefficients": [{"term": "(Intercept)", "estimate": 62.365858585858594, "p": 0.0259},
                                    {"term": "lot_size", "estimate": 3.5702020202020206, "p": 4.4487e-10}],
                   "covariance": [[689.7, -1.5e-17], [-1.5e-17, 0.12]], "method": "qr", "df_residual": 23}}
        """.utf8)

    func differences(_ fresh: String, tolerance: Double = 1e-9) throws -> [String] {
        try FitsComparison.differences(committed: committedFits, fresh: Data(fresh.utf8), relativeTolerance: tolerance)
            .map { "\($0.model) \($0.path): \($0.detail)" }
    }

    func testNumbersWithinTheRelativeToleranceOrRoundOffOfZeroMatch() throws {
        XCTAssertEqual(try differences("""
            {"hours": {"coefficients": [{"term": "(Intercept)", "estimate": 62.36585858585862, "p": 0.0259},
                                        {"term": "lot_size", "estimate": 3.5702020202020210, "p": 4.4487e-10}],
                       "covariance": [[689.7, 2.2e-17], [2.2e-17, 0.12]], "method": "qr", "df_residual": 23}}
            """), [])
    }

    func testADifferenceIsNamedByModelTermAndKey() throws {
        XCTAssertEqual(try differences("""
            {"hours": {"coefficients": [{"term": "(Intercept)", "estimate": 62.365858585858594, "p": 0.0259},
                                        {"term": "lot_size", "estimate": 3.58, "p": 4.4e-10}],
                       "covariance": [[689.7, -1.5e-17], [-1.5e-17, 0.12]], "method": "svd", "df_residual": 23}}
            """), [
                "hours coefficients[lot_size].estimate: is 3.5702020202020206, the fresh fit gives 3.58 (relative difference 0.0027)",
                "hours coefficients[lot_size].p: is 4.4487e-10, the fresh fit gives 4.4e-10 (relative difference 0.011)",
                "hours method: is \"qr\", the fresh fit gives \"svd\"",
            ])
    }

    func testTheToleranceIsRelative() throws {
        let fresh = String(decoding: committedFits, as: UTF8.self).replacingOccurrences(of: "4.4487e-10", with: "4.4488e-10")
        XCTAssertEqual(try differences(fresh, tolerance: 1e-3), [], "2.2e-5 relative is within 1e-3")
        XCTAssertEqual(try differences(fresh, tolerance: 1e-6).count, 1, "but not within 1e-6, however small the number")
        // In Cov(β̂) an entry is judged against the matrix's largest (689.7):
        // −1.5e-17 against 2.2e-17 is round-off at 1e-9; −1.5e-4 against 2.2e-4 is
        // beyond 1e-7 × 689.7.
        let covariance = String(decoding: committedFits, as: UTF8.self).replacingOccurrences(of: "-1.5e-17", with: "2.2e-17")
        XCTAssertEqual(try differences(covariance, tolerance: 1e-9), [])
        let wrong = try FitsComparison.differences(
            committed: Data(String(decoding: committedFits, as: UTF8.self).replacingOccurrences(of: "-1.5e-17", with: "-1.5e-4").utf8),
            fresh: Data(String(decoding: committedFits, as: UTF8.self).replacingOccurrences(of: "-1.5e-17", with: "2.2e-4").utf8),
            relativeTolerance: 1e-7)
        XCTAssertEqual(wrong.map(\.path), ["covariance[0][1]", "covariance[1][0]"])
    }

    func testModelsAndRowsThatComeOrGoAreNamed() throws {
        XCTAssertEqual(try differences("""
            {"minutes": {}, "hours": {"coefficients": [{"term": "(Intercept)", "estimate": 62.365858585858594, "p": 0.0259}],
                       "covariance": [[689.7, -1.5e-17], [-1.5e-17, 0.12]], "method": "qr"}}
            """), [
                "hours coefficients: has 2 entries, the fresh fit 1",
                "hours df_residual: is not in the fresh fit",
                "minutes : model is missing; the fresh render has it",
            ])
    }

    // MARK: SVG and PDF

    func testSVGsDifferingOnlyInIdNumberingAndCommentsAreEquivalent() {
        let a = ##"<svg><!-- cairo 1.16 --><g id="glyph-0-3"/><use xlink:href="#glyph-0-3"/><g clip-path="url(#clip-7)"/></svg>"##
        let b = ##"<svg><g id="glyph-1-0"/><use xlink:href="#glyph-1-0"/><g clip-path="url(#clip-2)"/></svg>"##
        XCTAssertEqual(VectorComparison.normalizeSVG(Data(a.utf8)), VectorComparison.normalizeSVG(Data(b.utf8)))
        guard case .equivalent = VectorComparison.compareSVG(committed: Data(a.utf8), fresh: Data(b.utf8)) else {
            return XCTFail("ids are not content")
        }
        let moved = b.replacingOccurrences(of: "<use", with: "<use x=\"3\"")
        guard case .differs(let message, _) = VectorComparison.compareSVG(committed: Data(a.utf8), fresh: Data(moved.utf8)) else {
            return XCTFail("a moved glyph is content")
        }
        XCTAssertEqual(message, "differs from the fresh render after normalising ids and comments (first difference at line 1)")
    }

    func testPDFsDifferingOnlyInDatesProducerAndOffsetsAreEquivalent() throws {
        let lesson = try PreparedLesson(LessonCatalogue(workingDirectory: "/nonexistent").source(for: "inference").parse())
        let figure = lesson.spec.figures[0]
        let pdf = try FigureFactory.make(figure, model: lesson.model(for: figure)).pdfData()
        let text = String(String.UnicodeScalarView(pdf.map { Unicode.Scalar($0) }))
        XCTAssertTrue(text.contains("/Producer ("), "cairo names itself")
        XCTAssertTrue(text.contains("/CreationDate (20000101000000Z)"), "Plot pins the date")
        // Another machine: a longer producer string and another date, which also
        // shifts every offset in the cross-reference table.
        let other = text.replacingOccurrences(of: "/Producer (", with: "/Producer (cairo 1.18.2 on another machine; ")
            .replacingOccurrences(of: "(20000101000000Z)", with: "(20261121093000Z)")
        let otherBytes = Data(other.unicodeScalars.map { UInt8($0.value) })
        XCTAssertNotEqual(otherBytes, Data(pdf))
        guard case .equivalent = VectorComparison.comparePDF(committed: Data(pdf), fresh: otherBytes) else {
            return XCTFail("metadata is not content")
        }
        let redrawn = Data(other.replacingOccurrences(of: "/MediaBox [ 0 0", with: "/MediaBox [ 0 1").unicodeScalars.map { UInt8($0.value) })
        guard case .differs(let message, _) = VectorComparison.comparePDF(committed: Data(pdf), fresh: redrawn) else {
            return XCTFail("a changed page box is content")
        }
        XCTAssertTrue(message.hasPrefix("differs from the fresh render after normalising dates, producer and font tags"), message)
        guard case .unreadable = VectorComparison.comparePDF(committed: Data("<svg/>".utf8), fresh: Data(pdf)) else {
            return XCTFail("not a PDF")
        }
    }

    // MARK: PNG and GIF

    func testImagesOfAnotherSizeDifferWithBothSizesNamed() throws {
        let small = try RGBAImage(width: 4, height: 3, pixels: [UInt8](repeating: 255, count: 48)).pngData()
        let large = try RGBAImage(width: 5, height: 3, pixels: [UInt8](repeating: 255, count: 60)).pngData()
        guard case .differs(let message, let images) = ImageComparison.comparePNG(
            committed: Data(small), fresh: Data(large), figure: "f", options: CheckOptions()) else { return XCTFail() }
        XCTAssertEqual(message, "is 4×3 pixels, the fresh render 5×3")
        XCTAssertTrue(images.isEmpty)
        guard case .unreadable = ImageComparison.comparePNG(committed: Data("x".utf8), fresh: Data(large), figure: "f",
                                                            options: CheckOptions()) else { return XCTFail() }
    }

    func testShareOfPixelsKeepsEnoughDigitsNeverToReadAsZero() {
        XCTAssertEqual(ImageComparison.percent(0.031), "3.1%")
        XCTAssertEqual(ImageComparison.percent(0.25), "25%")
        XCTAssertEqual(ImageComparison.percent(0.0025), "0.25%")
        XCTAssertEqual(ImageComparison.percent(0.00012), "0.012%")
        XCTAssertEqual(ImageComparison.percent(1e-7), "<0.001%")
        XCTAssertEqual(ImageComparison.percent(0), "0.000%")
    }

    func testGIFsAreComparedFrameByFrame() throws {
        let frames = try (0..<3).map { step in try DesignChart.frame(step) }
        let gif = try GIFEncoder().encode(frames)
        guard case .identical = ImageComparison.compareGIF(committed: Data(gif), fresh: Data(gif), figure: "anim",
                                                           options: CheckOptions()) else { return XCTFail() }
        var changed = frames
        changed[1] = try DesignChart.frame(7)
        let other = try GIFEncoder().encode(changed)
        guard case .differs(let message, let images) = ImageComparison.compareGIF(
            committed: Data(gif), fresh: Data(other), figure: "anim", options: CheckOptions()) else { return XCTFail() }
        XCTAssertTrue(message.hasPrefix("frame 2: "), message)
        XCTAssertTrue(message.contains("of pixels differ"), message)
        XCTAssertEqual(Array(images.keys), ["anim.frame-2.diff.png"])

        let shorter = try GIFEncoder().encode(Array(frames.prefix(2)))
        guard case .differs(let count, _) = ImageComparison.compareGIF(
            committed: Data(gif), fresh: Data(shorter), figure: "anim", options: CheckOptions()) else { return XCTFail() }
        XCTAssertEqual(count, "has 3 frames, the fresh render 2")
    }
}

/// Frames of a small animation: a line whose intercept steps up.
private enum DesignChart {
    static func frame(_ step: Int) throws -> RGBAImage {
        var chart = Chart(size: Size(width: 240, height: 160), x: Axis(domain: 0...10), y: Axis(domain: 0...10))
        chart.marks = [.line(intercept: Double(step), slope: 0.5)]
        return try chart.rgba()
    }
}
