import Plot

/// The frames of an animated figure and how they are played.
public struct FigureAnimation: Sendable {
    public var frames: [any Figure]
    public var timing: AnimationTiming

    /// The animation of `figure`, or nil when its kind does not animate.
    static func make(_ figure: FigureSpec, model: FittedModel) throws -> FigureAnimation? {
        guard figure.kind.animates else { return nil }
        let context = FigureContext(figure: figure, model: model)
        let timing = AnimationTiming(figure)
        let frames: [any Figure]
        switch figure.kind {
        case .probabilityModel: frames = try ProbabilityModelFigure.frames(context, count: timing.frameCount)
        case .regressionPlane: frames = try RegressionPlaneFigure.frames(context, count: timing.frameCount)
        default: return nil
        }
        return FigureAnimation(frames: frames, timing: timing)
    }

    /// Draws every frame at `scale` and encodes them as one GIF with a palette
    /// shared by all frames.
    public func gifData(scale: Double) throws -> [UInt8] {
        try GIFEncoder(options: timing.encoderOptions).encode(try rasterised(scale: scale))
    }

    /// Every frame as RGBA pixels, in order. Frames are drawn one after another:
    /// Pango's shared font map is not safe to use from several threads at once
    /// (drawing frames in parallel corrupted its font cache).
    public func rasterised(scale: Double) throws -> [RGBAImage] {
        try frames.map { try $0.rgba(scale: scale) }
    }
}
