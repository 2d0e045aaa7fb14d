/// How two images differ, for golden tests: a pixel differs when any channel
/// moves by more than the tolerance; a comparison passes when few enough do.
/// Font rasterisation changes move channels a little on many edge pixels; a
/// moved line moves many channels a lot, which is what this catches.
public struct ImageDifference: Sendable {
    public var differingPixels: Int
    public var totalPixels: Int
    public var largestChannelDelta: Int
    public var sizesMatch: Bool
    /// Differing pixels over a faded copy of the expected image: vermilion
    /// where only the expected image had ink, blue where only the new one has.
    public var diffImage: RGBAImage?

    public var differingFraction: Double { totalPixels == 0 ? 0 : Double(differingPixels) / Double(totalPixels) }

    public func passes(maximumFraction: Double) -> Bool { sizesMatch && differingFraction <= maximumFraction }
}

extension RGBAImage {
    public func difference(from expected: RGBAImage, channelTolerance: Int = 32) -> ImageDifference {
        guard width == expected.width, height == expected.height else {
            return ImageDifference(differingPixels: width * height, totalPixels: max(1, expected.width * expected.height),
                                   largestChannelDelta: 255, sizesMatch: false, diffImage: nil)
        }
        var differing = 0, largest = 0
        var diff = [UInt8](repeating: 255, count: pixels.count)
        for p in 0..<(width * height) {
            let i = p * 4
            var delta = 0
            for c in 0..<4 { delta = max(delta, abs(Int(pixels[i + c]) - Int(expected.pixels[i + c]))) }
            largest = max(largest, delta)
            if delta > channelTolerance {
                differing += 1
                // Which image has the ink here tells a reviewer what moved
                // where: vermilion where the committed image had it (removed),
                // blue where the fresh one has it (added); the Okabe–Ito pair,
                // told apart with any colour vision.
                let before = Int(expected.pixels[i]) + Int(expected.pixels[i + 1]) + Int(expected.pixels[i + 2])
                let after = Int(pixels[i]) + Int(pixels[i + 1]) + Int(pixels[i + 2])
                if after < before {
                    diff[i] = 0; diff[i + 1] = 114; diff[i + 2] = 178
                } else {
                    diff[i] = 213; diff[i + 1] = 94; diff[i + 2] = 0
                }
            } else {
                let grey = UInt8((Int(expected.pixels[i]) + Int(expected.pixels[i + 1]) + Int(expected.pixels[i + 2])) / 3)
                let faded = UInt8(255 - (255 - Int(grey)) / 4)
                diff[i] = faded; diff[i + 1] = faded; diff[i + 2] = faded
            }
        }
        return ImageDifference(differingPixels: differing, totalPixels: width * height, largestChannelDelta: largest,
                               sizesMatch: true, diffImage: RGBAImage(width: width, height: height, pixels: diff))
    }
}
