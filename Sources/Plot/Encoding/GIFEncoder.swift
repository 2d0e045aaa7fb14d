import CGif
import CImageQuant

/// Encodes frames of RGBA pixels as an animated GIF.
///
/// Two well-kept libraries do the work: libimagequant builds one palette for the
/// whole animation (a histogram over every frame) and remaps each frame with
/// dithering, so antialiased lines and text stay clean under GIF's 256-colour
/// limit; giflib writes the container. Between frames only the changed rectangle
/// is stored, with unchanged pixels transparent, which keeps an animation whose
/// frames share most of their pixels (axes, labels, a fitted line) small.
public struct GIFEncoder: Sendable {
    /// How the animation is timed and quantised.
    public struct Options: Sendable, Equatable {
        /// Delay after each frame in hundredths of a second (GIF's unit).
        public var frameDelay: Int
        /// Delay after the last frame, so the finished picture can be read.
        public var finalDelay: Int
        /// Times to play; 0 loops forever.
        public var loopCount: Int
        /// Floyd–Steinberg dithering strength, 0 (none) to 1 (full).
        public var dithering: Float
        /// libimagequant speed, 1 (best) to 10 (fastest).
        public var speed: Int

        public init(frameDelay: Int = 8, finalDelay: Int = 200, loopCount: Int = 0,
                    dithering: Float = 1.0, speed: Int = 4) {
            self.frameDelay = frameDelay
            self.finalDelay = finalDelay
            self.loopCount = loopCount
            self.dithering = dithering
            self.speed = speed
        }
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case noFrames
        case sizeMismatch(frame: Int, expected: Int, actual: Int)
        case dimensionsOutOfRange(width: Int, height: Int)
        case quantisation(String)
        case container(String)

        public var description: String {
            switch self {
            case .noFrames: return "an animation needs at least one frame"
            case let .sizeMismatch(frame, expected, actual):
                return "frame \(frame) has \(actual) bytes; expected \(expected) (width × height × 4)"
            case let .dimensionsOutOfRange(width, height):
                return "GIF frames must be 1–65535 pixels a side; got \(width)×\(height)"
            case let .quantisation(message): return "palette quantisation failed: \(message)"
            case let .container(message): return "GIF encoding failed: \(message)"
            }
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Encodes `frames`, each `width × height` pixels of 8-bit RGBA (rows top to
    /// bottom, straight alpha; transparency is ignored because figures are opaque),
    /// and returns the bytes of the GIF file.
    /// `delays`, when given, holds each frame's delay in hundredths of a second
    /// (one per frame), instead of `frameDelay` and `finalDelay`: a step an
    /// animation holds is then one frame shown longer, drawn and stored once.
    public func encode(width: Int, height: Int, frames: [[UInt8]], delays: [Int]? = nil) throws -> [UInt8] {
        guard !frames.isEmpty else { throw Failure.noFrames }
        if let delays, delays.count != frames.count {
            throw Failure.container("\(delays.count) delays for \(frames.count) frames")
        }
        guard (1...65535).contains(width), (1...65535).contains(height) else {
            throw Failure.dimensionsOutOfRange(width: width, height: height)
        }
        let expected = width * height * 4
        for (index, frame) in frames.enumerated() where frame.count != expected {
            throw Failure.sizeMismatch(frame: index, expected: expected, actual: frame.count)
        }
        let (palette, indexed) = try quantise(width: width, height: height, frames: frames)
        let timing = delays ?? frames.indices.map { $0 == frames.count - 1 ? options.finalDelay : options.frameDelay }
        return try writeContainer(width: width, height: height, palette: palette, indexed: indexed, delays: timing)
    }

    /// Encodes rendered figures (see `Figure.rgba(scale:)`), which must share one size.
    public func encode(_ frames: [RGBAImage], delays: [Int]? = nil) throws -> [UInt8] {
        guard let first = frames.first else { throw Failure.noFrames }
        return try encode(width: first.width, height: first.height, frames: frames.map(\.pixels), delays: delays)
    }

    // MARK: - Palette

    /// Index reserved for "unchanged since the previous frame".
    private static let transparentIndex: UInt8 = 255

    /// One palette for every frame (at most 255 colours, leaving the transparent
    /// index free) and each frame remapped to it.
    private func quantise(width: Int, height: Int, frames: [[UInt8]]) throws
        -> (palette: [(UInt8, UInt8, UInt8)], indexed: [[UInt8]])
    {
        guard let attr = liq_attr_create() else { throw Failure.quantisation("out of memory") }
        defer { liq_attr_destroy(attr) }
        liq_set_max_colors(attr, 255)
        liq_set_speed(attr, Int32(max(1, min(10, options.speed))))
        guard let histogram = liq_histogram_create(attr) else { throw Failure.quantisation("out of memory") }
        defer { liq_histogram_destroy(histogram) }

        for frame in frames {
            let status: liq_error = frame.withUnsafeBytes { bytes in
                guard let image = liq_image_create_rgba(attr, bytes.baseAddress!, Int32(width), Int32(height), 0) else {
                    return LIQ_OUT_OF_MEMORY
                }
                defer { liq_image_destroy(image) }
                return liq_histogram_add_image(histogram, attr, image)
            }
            guard status == LIQ_OK else { throw Failure.quantisation("histogram error \(status.rawValue)") }
        }

        var resultPointer: OpaquePointer?
        let status = liq_histogram_quantize(histogram, attr, &resultPointer)
        guard status == LIQ_OK, let result = resultPointer else {
            throw Failure.quantisation("error \(status.rawValue)")
        }
        defer { liq_result_destroy(result) }
        liq_set_dithering_level(result, max(0, min(1, options.dithering)))

        var indexed: [[UInt8]] = []
        indexed.reserveCapacity(frames.count)
        for frame in frames {
            var pixels = [UInt8](repeating: 0, count: width * height)
            let status: liq_error = frame.withUnsafeBytes { bytes in
                guard let image = liq_image_create_rgba(attr, bytes.baseAddress!, Int32(width), Int32(height), 0) else {
                    return LIQ_OUT_OF_MEMORY
                }
                defer { liq_image_destroy(image) }
                return pixels.withUnsafeMutableBytes { out in
                    liq_write_remapped_image(result, image, out.baseAddress!, out.count)
                }
            }
            guard status == LIQ_OK else { throw Failure.quantisation("remap error \(status.rawValue)") }
            indexed.append(pixels)
        }

        // With a histogram-built palette the palette no longer changes while remapping.
        let raw = liq_get_palette(result)!.pointee
        let count = Int(raw.count)
        let palette: [(UInt8, UInt8, UInt8)] = withUnsafeBytes(of: raw.entries) { bytes in
            (0..<count).map { (bytes[4 * $0], bytes[4 * $0 + 1], bytes[4 * $0 + 2]) }
        }
        return (palette, indexed)
    }

    // MARK: - Container

    /// The part of a frame to store: the rectangle of pixels that differ from what
    /// is already on screen, with unchanged pixels inside it transparent.
    struct FramePatch: Equatable {
        var left: Int, top: Int, width: Int, height: Int
        var pixels: [UInt8]
        var usesTransparency: Bool
    }

    /// Computes the patch that turns `screen` into `frame` (both full-size index
    /// buffers). An unchanged frame becomes a single transparent pixel.
    static func patch(from screen: [UInt8]?, to frame: [UInt8], width: Int, height: Int) -> FramePatch {
        guard let screen else {
            return FramePatch(left: 0, top: 0, width: width, height: height, pixels: frame, usesTransparency: false)
        }
        var minX = width, minY = height, maxX = -1, maxY = -1
        for y in 0..<height {
            let row = y * width
            for x in 0..<width where screen[row + x] != frame[row + x] {
                minX = min(minX, x); maxX = max(maxX, x)
                minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else {
            return FramePatch(left: 0, top: 0, width: 1, height: 1, pixels: [transparentIndex], usesTransparency: true)
        }
        let patchWidth = maxX - minX + 1, patchHeight = maxY - minY + 1
        var pixels = [UInt8](repeating: transparentIndex, count: patchWidth * patchHeight)
        for y in 0..<patchHeight {
            let source = (minY + y) * width + minX
            for x in 0..<patchWidth where screen[source + x] != frame[source + x] {
                pixels[y * patchWidth + x] = frame[source + x]
            }
        }
        return FramePatch(left: minX, top: minY, width: patchWidth, height: patchHeight,
                          pixels: pixels, usesTransparency: true)
    }

    /// Collects the bytes giflib writes.
    private final class ByteSink {
        var bytes: [UInt8] = []
    }

    private func writeContainer(width: Int, height: Int, palette: [(UInt8, UInt8, UInt8)],
                                indexed: [[UInt8]], delays: [Int]) throws -> [UInt8] {
        let sink = ByteSink()
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        var error: Int32 = 0
        let write: OutputFunc = { gif, data, length in
            guard let gif, let data, length > 0 else { return 0 }
            let sink = Unmanaged<ByteSink>.fromOpaque(gif.pointee.UserData).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return length
        }
        guard let gif = EGifOpen(sinkPointer, write, &error) else {
            throw Failure.container(String(cString: GifErrorString(error)))
        }
        var closed = false
        defer { if !closed { EGifCloseFile(gif, &error) } }
        func check(_ status: Int32, _ what: String) throws {
            guard status == GIF_OK else {
                let reason = GifErrorString(gif.pointee.Error).map { String(cString: $0) } ?? "unknown error"
                throw Failure.container("\(what): \(reason)")
            }
        }
        EGifSetGifVersion(gif, true)

        var colors = [GifColorType](repeating: GifColorType(Red: 0, Green: 0, Blue: 0), count: 256)
        for (index, color) in palette.enumerated() {
            colors[index] = GifColorType(Red: color.0, Green: color.1, Blue: color.2)
        }
        guard let colorMap = GifMakeMapObject(256, colors) else { throw Failure.container("out of memory") }
        defer { GifFreeMapObject(colorMap) }
        try check(EGifPutScreenDesc(gif, Int32(width), Int32(height), 8, 0, colorMap), "screen descriptor")

        if indexed.count > 1 {
            try check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "loop block")
            var identifier = Array("NETSCAPE2.0".utf8)
            try check(EGifPutExtensionBlock(gif, 11, &identifier), "loop block")
            let loops = UInt16(clamping: max(0, options.loopCount))
            var loopData: [UInt8] = [1, UInt8(loops & 0xff), UInt8(loops >> 8)]
            try check(EGifPutExtensionBlock(gif, 3, &loopData), "loop block")
            try check(EGifPutExtensionTrailer(gif), "loop block")
        }

        var screen: [UInt8]? = nil
        for (index, frame) in indexed.enumerated() {
            let patch = Self.patch(from: screen, to: frame, width: width, height: height)
            var control = GraphicsControlBlock(
                DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false,
                DelayTime: Int32(clamping: min(65535, max(0, delays[index]))),
                TransparentColor: patch.usesTransparency ? Int32(Self.transparentIndex) : NO_TRANSPARENT_COLOR)
            var extension4 = [UInt8](repeating: 0, count: 4)
            _ = EGifGCBToExtension(&control, &extension4)
            try check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, extension4), "frame \(index) timing")
            try check(EGifPutImageDesc(gif, Int32(patch.left), Int32(patch.top),
                                       Int32(patch.width), Int32(patch.height), false, nil),
                      "frame \(index) descriptor")
            var pixels = patch.pixels
            for row in 0..<patch.height {
                let status = pixels.withUnsafeMutableBufferPointer { buffer in
                    EGifPutLine(gif, buffer.baseAddress! + row * patch.width, Int32(patch.width))
                }
                try check(status, "frame \(index) pixels")
            }
            screen = frame
        }
        closed = true
        guard EGifCloseFile(gif, &error) == GIF_OK else {
            throw Failure.container(String(cString: GifErrorString(error)))
        }
        return sink.bytes
    }
}
