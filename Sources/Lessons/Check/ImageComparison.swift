import Foundation
import Plot

/// Decodes PNG and GIF outputs and compares them pixel by pixel with Plot's
/// `ImageDifference`, so a check tolerates rasteriser noise but not a change
/// a reader would see.
enum ImageComparison {
    static func comparePNG(committed: Data, fresh: Data, figure: String, options: CheckOptions) -> FileVerdict {
        if committed == fresh { return .identical }
        let old: RGBAImage, new: RGBAImage
        do { old = try RGBAImage(pngData: [UInt8](committed)) } catch {
            return .unreadable("cannot be decoded as PNG (\(error)); re-render it")
        }
        do { new = try RGBAImage(pngData: [UInt8](fresh)) } catch {
            return .differs("the fresh render cannot be decoded as PNG (\(error))")
        }
        guard let message = difference(old, new, options: options) else { return .equivalent }
        let diff = old.width == new.width && old.height == new.height
            ? new.difference(from: old, channelTolerance: options.channelTolerance).diffImage : nil
        return .differs(message, diffImages: diff.map { ["\(figure).diff.png": $0] } ?? [:])
    }

    /// Frame by frame, so the message names the first frame that changed.
    static func compareGIF(committed: Data, fresh: Data, figure: String, options: CheckOptions) -> FileVerdict {
        if committed == fresh { return .identical }
        let old: GIFDecoder.Animation, new: GIFDecoder.Animation
        do { old = try GIFDecoder().decode([UInt8](committed)) } catch {
            return .unreadable("cannot be decoded as GIF (\(error)); re-render it")
        }
        do { new = try GIFDecoder().decode([UInt8](fresh)) } catch {
            return .differs("the fresh render cannot be decoded as GIF (\(error))")
        }
        guard old.frames.count == new.frames.count else {
            return .differs("has \(old.frames.count) frames, the fresh render \(new.frames.count)")
        }
        var changed: [String] = []
        var images: [String: RGBAImage] = [:]
        for (index, (before, after)) in zip(old.images, new.images).enumerated() {
            guard let message = difference(before, after, options: options) else { continue }
            changed.append("frame \(index + 1): \(message)")
            if images.isEmpty, let diff = after.difference(from: before, channelTolerance: options.channelTolerance).diffImage,
               before.width == after.width, before.height == after.height {
                images["\(figure).frame-\(index + 1).diff.png"] = diff
            }
        }
        if old.delays != new.delays {
            changed.append("frame delays \(old.delays) differ from the fresh render's \(new.delays)")
        }
        guard let first = changed.first else { return .equivalent }
        let more = changed.count > 1 ? " (and \(changed.count - 1) more frame\(changed.count > 2 ? "s" : ""))" : ""
        return .differs(first + more, diffImages: images)
    }

    /// A sentence saying how `old` differs from `new`, or nil when they match
    /// within the tolerances.
    static func difference(_ old: RGBAImage, _ new: RGBAImage, options: CheckOptions) -> String? {
        guard old.width == new.width, old.height == new.height else {
            return "is \(old.width)×\(old.height) pixels, the fresh render \(new.width)×\(new.height)"
        }
        let difference = new.difference(from: old, channelTolerance: options.channelTolerance)
        guard !difference.passes(maximumFraction: options.pixelFraction) else { return nil }
        return "\(percent(difference.differingFraction)) of pixels differ, max Δ \(difference.largestChannelDelta)"
            + " (allowed: \(percent(options.pixelFraction)) beyond Δ \(options.channelTolerance))"
    }

    /// Enough digits that a small but failing fraction never prints as 0%.
    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        if value > 0 && value < 0.0005 { return "<0.001%" }
        let digits = value >= 10 ? 0 : value >= 1 ? 1 : value >= 0.1 ? 2 : 3
        return String(format: "%.\(digits)f%%", value)
    }
}
