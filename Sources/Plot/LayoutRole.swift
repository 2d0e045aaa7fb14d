/// What a piece of text is for. A layout check needs it to say which two
/// items collide in words an author recognises ("tick label "10" overlaps
/// annotation …"), and placement needs it to know which text may move.
public enum TextRole: String, Sendable, Hashable, CaseIterable {
    case title = "title"
    case axisTitle = "axis title"
    case tickLabel = "tick label"
    case legend = "legend"
    case annotation = "annotation"
    /// Text that belongs to one data element: a β̂ beside its mean, a slope
    /// triangle's rise, a tail's p/2.
    case dataLabel = "data label"
    case tableCell = "table cell"
    case tableHeader = "table header"
    /// A matrix image's row or column name.
    case matrixLabel = "matrix label"
    /// A number printed inside a matrix cell.
    case cellNumber = "cell number"
    /// A remark under a figure (how many columns a summarised matrix shows).
    case note = "note"
    /// A display equation typeset as a whole (`DisplayEquations`).
    case equation = "equation"
}

/// What a drawn, non-text element is, so text can be checked against the ones
/// it must never cover (data marks, axis lines) and the others can be reported.
public enum ObstacleRole: String, Sendable, Hashable, CaseIterable {
    /// A point marker, or a block of a dense point cloud.
    case dataMark = "data mark"
    /// An axis spine or a 3-D box edge that carries ticks.
    case axisLine = "axis line"
    /// A fitted line, curve or outline of a filled area.
    case line = "line"
    /// A residual, stick, bracket or slope-triangle leg.
    case segment = "segment"
    /// A rule across the plot at a fixed x or y.
    case referenceLine = "reference line"
}

/// One drawn element that is not text, in figure coordinates: a rectangle for
/// markers, a segment for lines.
public struct LayoutObstacle: Hashable, Sendable {
    public enum Shape: Hashable, Sendable {
        case rect(Rect)
        case segment(Point, Point)
    }

    public var role: ObstacleRole
    public var shape: Shape
    /// The data item it shows, e.g. "(3, 4.5)" for a point.
    public var item: String?

    public init(role: ObstacleRole, shape: Shape, item: String? = nil) {
        self.role = role; self.shape = shape; self.item = item
    }

    /// Whether the element covers `box` shrunk by `inset` on every side, so that
    /// a touch within the tolerance does not count.
    public func covers(_ box: Rect, inset: Double) -> Bool {
        let inner = box.insetBy(inset)
        guard inner.width > 0, inner.height > 0 else { return false }
        switch shape {
        case .rect(let r): return r.intersects(inner)
        case .segment(let a, let b): return inner.intersectsSegment(a, b)
        }
    }
}
