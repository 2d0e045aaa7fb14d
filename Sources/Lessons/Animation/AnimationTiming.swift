import Plot

/// How many frames an animated figure has and how they are played, read from
/// the figure's options with defaults chosen per kind (`FigureKindAnimation`).
public struct AnimationTiming: Sendable, Equatable {
    public var frameCount: Int
    /// Hundredths of a second between frames (GIF's unit).
    public var frameDelay: Int
    /// Hundredths of a second the last frame stays up.
    public var finalDelay: Int
    /// Repeats after the first play; 0 repeats forever.
    public var loopCount: Int

    public init(frameCount: Int, frameDelay: Int, finalDelay: Int, loopCount: Int) {
        self.frameCount = frameCount
        self.frameDelay = frameDelay
        self.finalDelay = finalDelay
        self.loopCount = loopCount
    }

    /// The timing of `figure`: its options where given, its kind's defaults
    /// elsewhere; nil when the kind does not animate.
    public init?(_ figure: FigureSpec) {
        guard let animation = figure.kind.definition.animation else { return nil }
        self.init(figure, animation: animation)
    }

    init(_ figure: FigureSpec, animation: FigureKindAnimation) {
        var timing = animation.defaults
        if let frames = figure.value(AnimationOptions.frames) { timing.frameCount = frames }
        if let delay = figure.value(AnimationOptions.delay) { timing.frameDelay = Self.hundredths(delay) }
        if let hold = figure.value(AnimationOptions.hold) {
            timing.finalDelay = Self.hundredths(hold)
        } else if animation.holdFollowsDelay {
            timing.finalDelay = timing.frameDelay
        }
        if let loop = figure.value(AnimationOptions.loop) { timing.loopCount = loop }
        self = timing
    }

    /// Seconds to GIF hundredths; browsers treat delays under 0.02 s as 0.1 s,
    /// so the shortest delay is kept at 2.
    static func hundredths(_ seconds: Double) -> Int {
        max(2, Int((seconds * 100).rounded()))
    }

    /// The encoder options for this timing. libimagequant at speed 8 builds the
    /// palette about four times faster than at its default of 4 (measured on
    /// the two course GIFs: 3.5–4 s down to 0.8–1.1 s under load) with no
    /// difference visible in the frames; the files grow by 2–50 %, well
    /// inside the 2 MB budget.
    var encoderOptions: GIFEncoder.Options {
        GIFEncoder.Options(frameDelay: frameDelay, finalDelay: finalDelay, loopCount: loopCount, speed: 8)
    }
}
