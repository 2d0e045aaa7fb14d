import XCTest
@testable import Plot

/// Round trips through the GIF encoder and decoder on synthetic frames: a white
/// page with an antialiased-looking grey ramp and a coloured block that moves.
final class GIFCodecTests: XCTestCase {
    private let width = 120, height = 80

    /// Okabe–Ito blue (0, 114, 178) block at `offset`, over a horizontal grey ramp.
    private func frame(offset: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                if y < 10 {
                    let grey = UInt8(255 - x * 2)
                    pixels[i] = grey; pixels[i + 1] = grey; pixels[i + 2] = grey
                }
                if (offset..<(offset + 20)).contains(x), (30..<50).contains(y) {
                    pixels[i] = 0; pixels[i + 1] = 114; pixels[i + 2] = 178
                }
            }
        }
        return pixels
    }

    private func maxChannelDelta(_ a: [UInt8], _ b: [UInt8]) -> Int {
        zip(a, b).map { abs(Int($0) - Int($1)) }.max() ?? 0
    }

    /// A held step is one frame with its own, longer delay (GIF's Graphics
    /// Control Extension carries one per frame), read back as written.
    func testEachFrameCanHaveItsOwnDelay() throws {
        let frames = [frame(offset: 10), frame(offset: 40), frame(offset: 70)]
        let encoder = GIFEncoder(options: GIFEncoder.Options(frameDelay: 5, finalDelay: 150, loopCount: 0))
        let bytes = try encoder.encode(width: width, height: height, frames: frames, delays: [8, 40, 400])
        XCTAssertEqual(try GIFDecoder().decode(bytes).delays, [8, 40, 400])
        XCTAssertThrowsError(try encoder.encode(width: width, height: height, frames: frames, delays: [8, 40]))
    }

    func testRoundTripKeepsEveryFrameCloseToItsSource() throws {
        let frames = [frame(offset: 10), frame(offset: 40), frame(offset: 70)]
        var options = GIFEncoder.Options(frameDelay: 5, finalDelay: 150, loopCount: 0)
        options.dithering = 0
        let bytes = try GIFEncoder(options: options).encode(width: width, height: height, frames: frames)
        XCTAssertEqual(Array(bytes.prefix(6)), Array("GIF89a".utf8))

        let animation = try GIFDecoder().decode(bytes)
        XCTAssertEqual(animation.width, width)
        XCTAssertEqual(animation.height, height)
        XCTAssertEqual(animation.frames.count, 3)
        XCTAssertEqual(animation.delays, [5, 5, 150])
        XCTAssertEqual(animation.loopCount, 0)
        for (decoded, source) in zip(animation.frames, frames) {
            // 126 distinct colours fit the palette, so without dithering each pixel
            // comes back within quantisation error of a few levels.
            XCTAssertLessThanOrEqual(maxChannelDelta(decoded, source), 4)
        }
        // The moved block really moved: its old place is white again.
        let oldPlace = (40 * width + 15) * 4
        XCTAssertEqual(Array(animation.frames[1][oldPlace..<(oldPlace + 3)]), [255, 255, 255])
    }

    func testEncodingIsDeterministic() throws {
        let frames = [frame(offset: 0), frame(offset: 50)]
        let encoder = GIFEncoder()
        XCTAssertEqual(try encoder.encode(width: width, height: height, frames: frames),
                       try encoder.encode(width: width, height: height, frames: frames))
    }

    func testUnchangedFramesAreStoredAsOneTransparentPixel() {
        let screen = [UInt8](repeating: 3, count: 12)
        let patch = GIFEncoder.patch(from: screen, to: screen, width: 4, height: 3)
        XCTAssertEqual(patch.width, 1)
        XCTAssertEqual(patch.height, 1)
        XCTAssertTrue(patch.usesTransparency)
    }

    func testPatchCoversOnlyTheChangedRectangle() {
        let screen = [UInt8](repeating: 0, count: 20)
        var next = screen
        next[1 * 5 + 2] = 7
        next[2 * 5 + 3] = 9
        let patch = GIFEncoder.patch(from: screen, to: next, width: 5, height: 4)
        XCTAssertEqual([patch.left, patch.top, patch.width, patch.height], [2, 1, 2, 2])
        XCTAssertEqual(patch.pixels, [7, 255, 255, 9])
    }

    func testMismatchedFrameSizeIsRefused() {
        XCTAssertThrowsError(try GIFEncoder().encode(width: 4, height: 4, frames: [[UInt8](repeating: 0, count: 10)])) {
            XCTAssertEqual($0 as? GIFEncoder.Failure, .sizeMismatch(frame: 0, expected: 64, actual: 10))
        }
        XCTAssertThrowsError(try GIFEncoder().encode(width: 4, height: 4, frames: [])) {
            XCTAssertEqual($0 as? GIFEncoder.Failure, .noFrames)
        }
    }

    func testGarbageIsAClearErrorNotACrash() {
        XCTAssertThrowsError(try GIFDecoder().decode(Array("not a gif at all".utf8)))
        XCTAssertThrowsError(try GIFDecoder().decode([]))
    }
}

extension GIFCodecTests {
    func testRenderedFiguresEncodeAndComeBackAsImages() throws {
        let images = [0, 60].map { RGBAImage(width: width, height: height, pixels: frame(offset: $0)) }
        let animation = try GIFDecoder().decode(try GIFEncoder().encode(images))
        XCTAssertEqual(animation.images.count, 2)
        XCTAssertEqual(animation.images[1].width, width)
    }
}
