/// A line segment in data coordinates (a residual, a stick, a whisker).
public struct Segment: Hashable, Sendable {
    public var from: Point
    public var to: Point
    public init(from: Point, to: Point) { self.from = from; self.to = to }
    public init(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) { from = Point(x0, y0); to = Point(x1, y1) }
}

/// One layer of a chart, in data coordinates: the geometry plus how it looks
/// and, if it has a `label`, its legend entry. Unset colours come from the
/// theme: data series take the next palette colour, guides (segments, rules,
/// arrows, brackets, text) the theme's muted foreground.
public struct Mark: Sendable {
    public enum Geometry: Sendable {
        case points([Point], shape: PointShape)
        /// The straight line y = intercept + slope·x across the whole plot.
        case line(intercept: Double, slope: Double)
        case polyline([Point])
        case segments([Segment])
        /// A filled region between `lower` and `upper` over `x` (confidence bands).
        case band(x: [Double], lower: [Double], upper: [Double])
        case polygon([Point])
        case arrow(from: Point, to: Point)
        /// A square bracket beside the span from `from` to `to`, with a TeX label
        /// on its outer side (a mean difference, an intercept).
        case bracket(from: Point, to: Point, label: String?)
        /// TeX text anchored at a data point, shifted by `offset` pixels.
        case text(String, at: Point, anchor: TextAnchor, offset: Point)
        /// A horizontal (y = value) or vertical (x = value) reference line.
        case horizontalRule(y: Double)
        case verticalRule(x: Double)
    }

    public var geometry: Geometry
    public var color: Color?
    /// Line width, or marker radius for points, or font size for text.
    public var size: Double?
    public var alpha: Double?
    public var dash: [Double]
    /// Legend entry; nil keeps the mark out of the legend.
    public var label: String?

    public init(_ geometry: Geometry, color: Color? = nil, size: Double? = nil, alpha: Double? = nil,
                dash: [Double] = [], label: String? = nil) {
        self.geometry = geometry; self.color = color; self.size = size; self.alpha = alpha
        self.dash = dash; self.label = label
    }

    /// True for marks that represent data and so take palette colours.
    var isSeries: Bool {
        switch geometry {
        case .points, .line, .polyline, .band, .polygon: return true
        default: return false
        }
    }
}

extension Mark {
    public static func points(x: [Double], y: [Double], shape: PointShape = .circle, color: Color? = nil,
                              radius: Double? = nil, alpha: Double? = nil, label: String? = nil) -> Mark {
        Mark(.points(zip(x, y).map { Point($0, $1) }, shape: shape), color: color, size: radius, alpha: alpha, label: label)
    }

    public static func points(_ points: [Point], shape: PointShape = .circle, color: Color? = nil,
                              radius: Double? = nil, alpha: Double? = nil, label: String? = nil) -> Mark {
        Mark(.points(points, shape: shape), color: color, size: radius, alpha: alpha, label: label)
    }

    public static func line(intercept: Double, slope: Double, color: Color? = nil, width: Double? = nil,
                            dash: [Double] = [], label: String? = nil) -> Mark {
        Mark(.line(intercept: intercept, slope: slope), color: color, size: width, dash: dash, label: label)
    }

    public static func polyline(x: [Double], y: [Double], color: Color? = nil, width: Double? = nil,
                                dash: [Double] = [], label: String? = nil) -> Mark {
        Mark(.polyline(zip(x, y).map { Point($0, $1) }), color: color, size: width, dash: dash, label: label)
    }

    public static func polyline(_ points: [Point], color: Color? = nil, width: Double? = nil,
                                dash: [Double] = [], label: String? = nil) -> Mark {
        Mark(.polyline(points), color: color, size: width, dash: dash, label: label)
    }

    public static func segments(_ segments: [Segment], color: Color? = nil, width: Double? = nil,
                                dash: [Double] = [], label: String? = nil) -> Mark {
        Mark(.segments(segments), color: color, size: width, dash: dash, label: label)
    }

    public static func band(x: [Double], lower: [Double], upper: [Double], color: Color? = nil,
                            alpha: Double? = nil, label: String? = nil) -> Mark {
        Mark(.band(x: x, lower: lower, upper: upper), color: color, alpha: alpha, label: label)
    }

    public static func polygon(_ points: [Point], color: Color? = nil, alpha: Double? = nil, label: String? = nil) -> Mark {
        Mark(.polygon(points), color: color, alpha: alpha, label: label)
    }

    public static func arrow(from: Point, to: Point, color: Color? = nil, width: Double? = nil) -> Mark {
        Mark(.arrow(from: from, to: to), color: color, size: width)
    }

    public static func bracket(from: Point, to: Point, label: String? = nil, color: Color? = nil) -> Mark {
        Mark(.bracket(from: from, to: to, label: label), color: color)
    }

    public static func text(_ tex: String, at point: Point, anchor: TextAnchor = .center, offset: Point = Point(0, 0),
                            color: Color? = nil, size: Double? = nil) -> Mark {
        Mark(.text(tex, at: point, anchor: anchor, offset: offset), color: color, size: size)
    }

    public static func rule(y: Double, color: Color? = nil, width: Double? = nil, dash: [Double] = [], label: String? = nil) -> Mark {
        Mark(.horizontalRule(y: y), color: color, size: width, dash: dash, label: label)
    }

    public static func rule(x: Double, color: Color? = nil, width: Double? = nil, dash: [Double] = [], label: String? = nil) -> Mark {
        Mark(.verticalRule(x: x), color: color, size: width, dash: dash, label: label)
    }
}
