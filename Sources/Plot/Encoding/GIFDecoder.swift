import CGif

/// Reads an animated GIF back into full-size RGBA frames, as a viewer shows them.
///
/// Used to compare animations frame by frame (tests and freshness checks), so it
/// composes each frame over the previous screen and honours transparency and the
/// disposal modes giflib reports.
public struct GIFDecoder: Sendable {
    /// A decoded animation: every frame is `width × height × 4` bytes of RGBA.
    public struct Animation: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public var frames: [[UInt8]]
        /// Delay after each frame, in hundredths of a second.
        public var delays: [Int]
        /// Times to play as the file asks (0 forever); nil when the file has no loop block.
        public var loopCount: Int?

        /// The frames as images, for `RGBAImage.difference(from:channelTolerance:)`.
        public var images: [RGBAImage] {
            frames.map { RGBAImage(width: width, height: height, pixels: $0) }
        }
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case malformed(String)
        public var description: String {
            switch self {
            case let .malformed(reason): return "not a readable GIF: \(reason)"
            }
        }
    }

    public init() {}

    private final class ByteSource {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    public func decode(_ bytes: [UInt8]) throws -> Animation {
        let source = ByteSource(bytes)
        let read: InputFunc = { gif, buffer, length in
            guard let gif, let buffer, length > 0 else { return 0 }
            let source = Unmanaged<ByteSource>.fromOpaque(gif.pointee.UserData).takeUnretainedValue()
            let count = min(Int(length), source.bytes.count - source.offset)
            for index in 0..<count { buffer[index] = source.bytes[source.offset + index] }
            source.offset += count
            return Int32(count)
        }
        var error: Int32 = 0
        let sourcePointer = Unmanaged.passUnretained(source).toOpaque()
        guard let gif = DGifOpen(sourcePointer, read, &error) else {
            throw Failure.malformed(String(cString: GifErrorString(error)))
        }
        defer { DGifCloseFile(gif, &error) }
        guard DGifSlurp(gif) == GIF_OK else {
            let reason = GifErrorString(gif.pointee.Error).map { String(cString: $0) } ?? "unknown error"
            throw Failure.malformed(reason)
        }

        let width = Int(gif.pointee.SWidth), height = Int(gif.pointee.SHeight)
        guard width > 0, height > 0 else { throw Failure.malformed("zero-sized screen") }
        var screen = [UInt8](repeating: 255, count: width * height * 4)
        var frames: [[UInt8]] = []
        var delays: [Int] = []
        var loopCount: Int? = nil

        for index in 0..<Int(gif.pointee.ImageCount) {
            let saved = gif.pointee.SavedImages[index]
            var control = GraphicsControlBlock(DisposalMode: DISPOSAL_UNSPECIFIED, UserInputFlag: false,
                                               DelayTime: 0, TransparentColor: NO_TRANSPARENT_COLOR)
            _ = DGifSavedExtensionToGCB(gif, Int32(index), &control)
            loopCount = loopCount ?? Self.loopCount(in: saved)

            guard let map = saved.ImageDesc.ColorMap ?? gif.pointee.SColorMap else {
                throw Failure.malformed("frame \(index) has no colour map")
            }
            let descriptor = saved.ImageDesc
            let left = Int(descriptor.Left), top = Int(descriptor.Top)
            let frameWidth = Int(descriptor.Width), frameHeight = Int(descriptor.Height)
            guard left + frameWidth <= width, top + frameHeight <= height, let raster = saved.RasterBits else {
                throw Failure.malformed("frame \(index) lies outside the screen")
            }
            let before = screen
            for y in 0..<frameHeight {
                for x in 0..<frameWidth {
                    let colorIndex = Int32(raster[y * frameWidth + x])
                    if colorIndex == control.TransparentColor || colorIndex >= map.pointee.ColorCount { continue }
                    let color = map.pointee.Colors[Int(colorIndex)]
                    let target = ((top + y) * width + left + x) * 4
                    screen[target] = color.Red
                    screen[target + 1] = color.Green
                    screen[target + 2] = color.Blue
                    screen[target + 3] = 255
                }
            }
            frames.append(screen)
            delays.append(Int(control.DelayTime))
            if control.DisposalMode == DISPOSE_PREVIOUS { screen = before }
            if control.DisposalMode == DISPOSE_BACKGROUND {
                for y in top..<(top + frameHeight) {
                    for x in left..<(left + frameWidth) {
                        let target = (y * width + x) * 4
                        screen.replaceSubrange(target..<(target + 4), with: [255, 255, 255, 255])
                    }
                }
            }
        }
        guard !frames.isEmpty else { throw Failure.malformed("no frames") }
        return Animation(width: width, height: height, frames: frames, delays: delays, loopCount: loopCount)
    }

    /// The NETSCAPE2.0 loop count, when this image carries the block.
    private static func loopCount(in image: SavedImage) -> Int? {
        guard image.ExtensionBlockCount >= 2, let blocks = image.ExtensionBlocks else { return nil }
        for index in 0..<Int(image.ExtensionBlockCount - 1) {
            let block = blocks[index]
            guard block.Function == APPLICATION_EXT_FUNC_CODE, block.ByteCount == 11, let bytes = block.Bytes else { continue }
            let identifier = String(decoding: UnsafeBufferPointer(start: bytes, count: 11), as: UTF8.self)
            let data = blocks[index + 1]
            guard identifier == "NETSCAPE2.0", data.ByteCount >= 3, let payload = data.Bytes else { continue }
            return Int(payload[1]) | Int(payload[2]) << 8
        }
        return nil
    }
}
