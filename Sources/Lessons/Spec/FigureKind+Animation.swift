/// Which figure kinds animate, and the options that time their frames.
extension FigureKind {
    /// Kinds that can be written as an animated GIF. A lesson that asks for
    /// `gif` writes one for each such figure and skips the others.
    public var animates: Bool {
        switch self {
        case .probabilityModel, .regressionPlane: return true
        default: return false
        }
    }

    /// Accepted only by kinds that animate, so `frames` on a scatterplot is
    /// reported as an unknown option rather than silently ignored.
    static let animationOptions: [String: FigureOption.ValueType] = [
        // Enough to move smoothly; the upper bound keeps a GIF near slide size.
        "frames": .integer(2...240),
        // Seconds each frame shows (GIF stores hundredths).
        "delay": .number(0.02...10),
        // Seconds the last frame stays up, so the finished picture can be read.
        "hold": .number(0...60),
        // How many times the animation repeats after its first play, or `forever`.
        "loop": .countOrForever(1...1000, word: "forever"),
    ]
}
