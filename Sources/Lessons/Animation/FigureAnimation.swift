import Dispatch
import Foundation
import Plot

/// The frames of an animated figure and how they are played.
public struct FigureAnimation: Sendable {
    /// The pictures, each different from the one before.
    public var frames: [any Figure]
    /// How many of the `timing.frameCount` slots each picture fills.
    public var slots: [Int]
    public var timing: AnimationTiming

    /// The animation of `figure`, or nil when its kind does not animate.
    static func make(_ figure: FigureSpec, model: FittedModel) throws -> FigureAnimation? {
        guard let animation = figure.kind.definition.animation else { return nil }
        let timing = AnimationTiming(figure, animation: animation)
        let frames = try animation.frames(FigureContext(figure: figure, model: model), timing.frameCount)
        return FigureAnimation(frames: frames.map(\.figure), slots: frames.map(\.slots), timing: timing)
    }

    /// Each picture's delay in hundredths of a second: `delay` for every slot
    /// it fills, and for the last picture `hold` in place of its last slot's.
    public var delays: [Int] {
        slots.enumerated().map { index, count in
            index == slots.count - 1 ? (count - 1) * timing.frameDelay + timing.finalDelay : count * timing.frameDelay
        }
    }

    /// Draws every picture at `scale` and encodes them as one GIF with a
    /// palette shared by all frames.
    public func gifData(scale: Double) throws -> [UInt8] {
        try GIFEncoder(options: timing.encoderOptions).encode(try rasterised(scale: scale), delays: delays)
    }

    /// Every frame as RGBA pixels, in order. Each frame is a figure drawn once
    /// into its scene and painted from there, through the same path as a
    /// still's PNG, so a frame and the still agree pixel for pixel. Frames are
    /// independent, so they are drawn in parallel (each renderer borrows its
    /// own Pango context and font map).
    public func rasterised(scale: Double) throws -> [RGBAImage] {
        let frames = self.frames
        let slots = FrameSlots(count: frames.count)
        DispatchQueue.concurrentPerform(iterations: frames.count) { index in
            slots.set(index, Result { try frames[index].scene().rgba(scale: scale) })
        }
        return try slots.values.map { try $0.get() }
    }
}

/// Frame images written from concurrent iterations, one slot each.
private final class FrameSlots: @unchecked Sendable {
    private var slots: [Result<RGBAImage, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<RGBAImage, any Error>) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
    }

    var values: [Result<RGBAImage, any Error>] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}
