import Plot

/// Everything glmviz knows about one figure kind, declared in the kind's own
/// file and registered once in `FigureKindRegistry`. Every member is required
/// (none has a default implementation), so a kind that forgets to say whether
/// it animates or what it exports does not compile, and nothing elsewhere
/// switches over kinds.
protocol FigureKindDefinition: Sendable {
    /// The name a spec writes after `kind:`.
    static var name: String { get }
    /// What the figure shows, in one line for the docs' table of kinds.
    static var summary: String { get }
    /// The options this kind accepts beyond the common ones, in the order the
    /// docs list them. A kind reads an option only through one of these.
    static var options: [any FigureOptionDeclaring] { get }
    /// How the kind moves, or nil when it is only ever a still.
    static var animation: FigureKindAnimation? { get }
    /// The drawing, built and checked but not yet rendered.
    static func make(_ context: FigureContext) throws -> any Figure
    /// Files written beside the images (LaTeX of the numbers shown), if any.
    static func exports(_ context: FigureContext) throws -> [FigureExport]
    /// What the figure shows, in words generated from the data and the fit
    /// (never the caption again): the alt text of its MyST snippet and the
    /// `<desc>` of its SVG, for a reader who cannot see it. Numbers as the
    /// figure prints them, names as its axes and columns show them
    /// (`FigureDescription`).
    static func describe(_ context: FigureContext) throws -> String
}

/// How an animated kind moves and how its GIF is played when the spec's
/// `frames`, `delay`, `hold` and `loop` say nothing.
struct FigureKindAnimation: Sendable {
    /// What moves, in one line for the docs.
    let summary: String
    let defaults: AnimationTiming
    /// When `hold` is left out the last frame shows as long as any other, so a
    /// turn that ends where it began loops without a pause.
    let holdFollowsDelay: Bool
    /// The animation's `count` frame slots, as pictures each filling one or
    /// more of them.
    let frames: @Sendable (FigureContext, Int) throws -> [AnimationFrame]
}

/// One picture of an animation and how many of its frame slots it fills. A
/// step the animation holds (a pause at the end of a rock, a stage of a story
/// kept up to be read) is drawn once and shown for its slots' time, so the
/// GIF neither draws nor stores the same picture twice.
struct AnimationFrame {
    let figure: any Figure
    var slots: Int = 1

    /// `count` slots as pictures: each run of slots whose `key` is the same
    /// becomes one picture, made once by `make`.
    static func runs<Key: Equatable>(of keys: [Key], make: (Key) throws -> any Figure) rethrows -> [AnimationFrame] {
        var frames: [AnimationFrame] = []
        var previous: Key? = nil
        for key in keys {
            if let previous, previous == key, !frames.isEmpty {
                frames[frames.count - 1].slots += 1
            } else {
                frames.append(AnimationFrame(figure: try make(key)))
            }
            previous = key
        }
        return frames
    }
}

/// A file a figure kind writes beside its images.
struct FigureExport: Sendable {
    /// Appended to the figure id: `tex` gives `<figure-id>.tex`.
    let fileExtension: String
    let text: String
}
