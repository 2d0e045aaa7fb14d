/// Where an annotation or legend may go inside the plot area. Candidates are
/// tried in order; the first that covers no data and no text wins.
public enum Placement: Hashable, Sendable, CaseIterable {
    case topLeft, top, topRight, right, bottomRight, bottom, bottomLeft, left

    /// The reading order a textbook uses for equations: top left first.
    public static let preferred: [Placement] = [.topLeft, .topRight, .bottomRight, .bottomLeft, .top, .bottom, .left, .right]
}

/// A text block (TeX subset, one item per line) placed automatically where it
/// hides nothing: an equation, R², a slope.
public struct Annotation: Sendable {
    public var lines: [String]
    public var candidates: [Placement]
    public var size: Double?
    public var color: Color?
    /// A data point the annotation belongs to (a slope label beside its
    /// line): spots around it are tried first, the named candidates after.
    public var near: Point?

    public init(_ lines: String..., candidates: [Placement] = Placement.preferred, size: Double? = nil, color: Color? = nil) {
        self.lines = lines; self.candidates = candidates; self.size = size; self.color = color
    }

    public init(lines: [String], candidates: [Placement] = Placement.preferred, size: Double? = nil, color: Color? = nil) {
        self.lines = lines; self.candidates = candidates; self.size = size; self.color = color
    }

    /// An annotation placed beside a data point, e.g. a slope label by its line.
    public static func near(_ point: Point, _ lines: String..., size: Double? = nil, color: Color? = nil) -> Annotation {
        var a = Annotation(lines: lines, size: size, color: color)
        a.near = point
        return a
    }
}

/// Where the legend goes: automatically inside the plot where it hides no
/// data (falling back to a row under the chart, or the right margin when the
/// row is too wide), in the right margin, in a row under the chart, or nowhere.
public enum LegendPosition: Sendable {
    case automatic
    case inside([Placement])
    case outsideRight
    case below
    case hidden
}
