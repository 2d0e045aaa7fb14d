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
                             divisions: Int = 10, color: Color? = nil, alpha: Double? = nil, label: String? = nil) -> Mark3D {
        Mark3D(.plane(intercept: intercept, slopeX: slopeX, slopeY: slopeY, x: x, y: y, divisions: max(1, divisions)),
               color: color, alpha: alpha, label: label)
    }
}
