import Plot

/// How many frames an animated figure has and how they are played, read from
/// the figure's options with defaults chosen per kind.
public struct AnimationTiming: Sendable, Equatable {
    public var frameCount: Int
    /// Hundredths of a second between frames (GIF's unit).
    public var frameDelay: Int
    /// Hundredths of a second the last frame stays up.
    public var finalDelay: Int
    /// Repeats after the first play; 0 repeats forever.
    public var loopCount: Int

    /// Defaults: the probability model builds up once and then rests on the
    /// full picture; the plane turns at an even pace with no pause, so its loop
    /// is seamless.
    public static func defaults(for kind: FigureKind) -> AnimationTiming {
        switch kind {
        case .regressionPlane: return AnimationTiming(frameCount: 30, frameDelay: 10, finalDelay: 10, loopCount: 0)
        default: return AnimationTiming(frameCount: 48, frameDelay: 6, finalDelay: 300, loopCount: 0)
        }
    }

    public init(frameCount: Int, frameDelay: Int, finalDelay: Int, loopCount: Int) {
        self.frameCount = frameCount
        self.frameDelay = frameDelay
        self.finalDelay = finalDelay
        self.loopCount = loopCount
    }

    /// The timing of `figure`: its options where given, the kind's defaults elsewhere.
    public init(_ figure: FigureSpec) {
        var timing = AnimationTiming.defaults(for: figure.kind)
        if let frames = figure.integer("frames") { timing.frameCount = frames }
        if let delay = figure.number("delay") { timing.frameDelay = Self.hundredths(delay) }
        if let hold = figure.number("hold") {
            timing.finalDelay = Self.hundredths(hold)
        } else if figure.kind == .regressionPlane {
            timing.finalDelay = timing.frameDelay
        }
        if let loop = figure.integer("loop") { timing.loopCount = loop }
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
