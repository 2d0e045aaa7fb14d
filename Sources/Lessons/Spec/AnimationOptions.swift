/// The options that time an animation's frames, declared once for every kind
/// that animates. Accepted only by those kinds, so `frames` on a scatterplot is
/// reported as an unknown option rather than silently ignored. Their defaults
/// belong to each kind (`FigureKindAnimation.defaults`).
enum AnimationOptions {
    /// Enough to move smoothly; the upper bound keeps a GIF near slide size.
    static let frames = FigureOptionKey.optionalInteger(
        "frames", in: 2...240, absent: "the kind's", "number of frames")
    /// GIF stores hundredths of a second.
    static let delay = FigureOptionKey.optionalNumber(
        "delay", in: 0.02...10, absent: "the kind's", "seconds each frame shows")
    /// So the finished picture can be read before the animation starts again.
    static let hold = FigureOptionKey.optionalNumber(
        "hold", in: 0...60, absent: "the kind's", "seconds the last frame shows")
    static let loop = FigureOptionKey.countOrForever(
        "loop", in: 1...1000, word: "forever", absent: "`forever`", "how many times the animation plays")

    static let all: [any FigureOptionDeclaring] = [frames, delay, hold, loop]
}
