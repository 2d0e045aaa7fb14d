/// A three-dimensional chart drawn with an orthographic `Camera`: a box with
/// shaded back panes, grids, ticks and labels, and depth-sorted marks.
///
/// ```swift
/// var chart = Chart3D(x: Axis("$X_1$"), y: Axis("$X_2$"), z: Axis("$Y$"))
/// chart.marks = [
///     .plane(intercept: 2, slopeX: 0.5, slopeY: -0.3, x: 0...10, y: 0...10),
///     .segments(sticks),
///     .points(above, color: OkabeIto.blue, label: "Above the plane"),
/// ]
/// ```
public struct Chart3D: Figure {
    public var size: Size
    public var theme: Theme
    public var accessibility: FigureAccessibility?
    public var title: String?
    public var camera: Camera
    public var x: Axis
    public var y: Axis
    public var z: Axis
    /// Box proportions along x, y, z.
    public var aspect: (Double, Double, Double)
    public var marks: [Mark3D]
    public var annotations: [Annotation]
    public var showLegend: Bool
    /// Keep the box the same size and place whatever the azimuth, so the
    /// frames of a turntable animation neither zoom nor drift.
    public var sameScaleAtEveryAzimuth = false
    /// Keep the box the same size and place for every azimuth in this range
    /// only: an animation that rocks between two angles needs no room for
    /// the angles it never reaches, so its frames can be the still's size.
    public var steadyAzimuths: ClosedRange<Double>? = nil
    /// Rise-over-run triangles drawn on the plane's front edges (needs one
    /// `.plane` mark), so a slope can be read off the edge it belongs to.
    public var slopeTriangles: [SlopeTriangle3D] = []
    /// Lines drawn on the back walls (a simple regression's line beside the
    /// plane's edge on the same wall).
    public var wallLines: [WallLine3D] = []

    /// The azimuths the scale must serve: the steady range, a full turn, or
    /// nil when only the camera's own azimuth counts.
    var steadyRange: ClosedRange<Double>? {
        steadyAzimuths ?? (sameScaleAtEveryAzimuth ? 0...360 : nil)
    }

    public init(size: Size = Size(width: 760, height: 620), theme: Theme = .textbook, title: String? = nil,
                camera: Camera = Camera(), x: Axis = Axis(), y: Axis = Axis(), z: Axis = Axis(),
                marks: [Mark3D] = [], annotations: [Annotation] = [], showLegend: Bool = true) {
        self.size = size; self.theme = theme; self.title = title; self.camera = camera
        self.x = x; self.y = y; self.z = z; self.aspect = (1, 1, 0.8)
        self.marks = marks; self.annotations = annotations; self.showLegend = showLegend
    }

    public func draw(on canvas: Canvas) throws {
        var renderer = try Chart3DRenderer(chart: self, canvas: canvas)
        try renderer.render()
    }
}
