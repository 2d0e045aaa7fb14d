/// A segment between two points in 3-D data space (a residual stick).
public struct Segment3: Hashable, Sendable {
    public var from: Point3
    public var to: Point3
    public init(from: Point3, to: Point3) { self.from = from; self.to = to }
}

/// One layer of a `Chart3D`, in data coordinates. Everything is depth-sorted
/// together before drawing, so points hide behind a plane and sticks pass
/// through it.
public struct Mark3D: Sendable {
    public enum Geometry: Sendable {
        case points([Point3], shape: PointShape)
        case segments([Segment3])
        case polygon([Point3])
        /// z = intercept + slopeX·x + slopeY·y over the given ranges, drawn as a
        /// grid of `divisions`² shaded quads so it sorts correctly against points.
        case plane(intercept: Double, slopeX: Double, slopeY: Double, x: ClosedRange<Double>, y: ClosedRange<Double>, divisions: Int)
    }

    public var geometry: Geometry
    public var color: Color?
    public var size: Double?
    public var alpha: Double?
    public var label: String?
    /// For a `.plane`: draw it over the whole floor of the box, out to the
    /// walls, instead of over its x and y ranges alone, so its edges are
    /// where it meets the walls and the slope along each can be read there.
    public var spansBox = false

    public init(_ geometry: Geometry, color: Color? = nil, size: Double? = nil, alpha: Double? = nil, label: String? = nil) {
        self.geometry = geometry; self.color = color; self.size = size; self.alpha = alpha; self.label = label
    }

    public static func points(_ points: [Point3], shape: PointShape = .circle, color: Color? = nil,
                              radius: Double? = nil, label: String? = nil) -> Mark3D {
        Mark3D(.points(points, shape: shape), color: color, size: radius, label: label)
    }

    public static func segments(_ segments: [Segment3], color: Color? = nil, width: Double? = nil, label: String? = nil) -> Mark3D {
        Mark3D(.segments(segments), color: color, size: width, label: label)
    }

    public static func polygon(_ points: [Point3], color: Color? = nil, alpha: Double? = nil, label: String? = nil) -> Mark3D {
        Mark3D(.polygon(points), color: color, alpha: alpha, label: label)
    }

    public static func plane(intercept: Double, slopeX: Double, slopeY: Double, x: ClosedRange<Double>, y: ClosedRange<Double>,
                             divisions: Int = 10, color: Color? = nil, alpha: Double? = nil, label: String? = nil,
                             spansBox: Bool = false) -> Mark3D {
        var mark = Mark3D(.plane(intercept: intercept, slopeX: slopeX, slopeY: slopeY, x: x, y: y, divisions: max(1, divisions)),
                          color: color, alpha: alpha, label: label)
        mark.spansBox = spansBox
        return mark
    }
}

/// A rise-over-run triangle on the plane's front edge along the x axis
/// (`axis` 0) or the y axis (1): a run of `run` data units along that axis with
/// the other held at its wall, and the rise the plane makes over it. The
/// renderer chooses where along the edge it stands, clear of points and text.
public struct SlopeTriangle3D: Sendable {
    public var axis: Int
    public var run: Double
    /// TeX for the run leg ("1") and the rise leg ("\\hat{\\beta}_1 = 2").
    public var runLabel: String
    public var riseLabel: String
    public var color: Color

    public init(axis: Int, run: Double, runLabel: String, riseLabel: String, color: Color) {
        self.axis = axis; self.run = run; self.runLabel = runLabel; self.riseLabel = riseLabel; self.color = color
    }
}

/// A straight line z = intercept + slope · v drawn on the back wall that the
/// axis `axis` (0 for x, 1 for y) runs along, clipped to the box, with an
/// optional label beside it: the wall is where the plane's own edge along that
/// axis shows, so the two slopes can be compared side by side.
public struct WallLine3D: Sendable {
    public var axis: Int
    public var intercept: Double
    public var slope: Double
    public var color: Color
    public var dash: [Double]
    public var label: String?

    public init(axis: Int, intercept: Double, slope: Double, color: Color, dash: [Double] = [6, 4], label: String? = nil) {
        self.axis = axis; self.intercept = intercept; self.slope = slope; self.color = color; self.dash = dash; self.label = label
    }
}
