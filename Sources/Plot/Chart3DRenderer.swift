import Foundation

/// Draws a `Chart3D`: maps data into a box, projects it with the camera, fits
/// the projection to the canvas, draws the back panes with grids, then every
/// mark piece sorted far to near (painter's algorithm), then ticks, labels,
/// titles, annotations and the legend.
struct Chart3DRenderer {
    let chart: Chart3D
    let canvas: Canvas
    let theme: Theme
    let axes: [AxisLayout]
    let colors: [Color]
    var scale = 1.0
    var origin = Point(0, 0)
    /// The camera in use; differs from the chart's only while fitting.
    var camera: Camera
    /// Width kept free at the right, or height at the bottom, for a legend
    /// that fits nowhere else.
    var reservedRight = 0.0
    var reservedBottom = 0.0

    init(chart: Chart3D, canvas: Canvas) throws {
        self.chart = chart
        self.canvas = canvas
        self.theme = chart.theme
        self.camera = chart.camera
        axes = try Chart3DRenderer.resolveAxes(chart)
        var series = 0
        colors = chart.marks.map { m in
            if let c = m.color { return c }
            if case .segments = m.geometry { return chart.theme.mutedForeground }
            defer { series += 1 }
            return chart.theme.color(series)
        }
    }

    /// All x, y and z values the marks need to show.
    static func extents(_ marks: [Mark3D]) -> ([Double], [Double], [Double]) {
        var xs: [Double] = [], ys: [Double] = [], zs: [Double] = []
        func add(_ p: Point3) { xs.append(p.x); ys.append(p.y); zs.append(p.z) }
        for m in marks {
            switch m.geometry {
            case .points(let ps, _), .polygon(let ps): ps.forEach(add)
            case .segments(let ss): ss.forEach { add($0.from); add($0.to) }
            case .plane(let a, let bx, let by, let xr, let yr, _):
                for px in [xr.lowerBound, xr.upperBound] {
                    for py in [yr.lowerBound, yr.upperBound] { add(Point3(px, py, a + bx * px + by * py)) }
                }
            }
        }
        return (xs, ys, zs)
    }

    /// The three axes, each checked by `SceneScales` against the canvas.
    /// A plane that spans the box reaches the corners of the x and y axes'
    /// rounded domains, so z is resolved after them, from the plane's height
    /// at those corners.
    static func resolveAxes(_ chart: Chart3D) throws -> [AxisLayout] {
        var (xs, ys, zs) = extents(chart.marks)
        let extent = max(chart.size.width, chart.size.height)
        let x = try AxisLayout.resolve(chart.x, name: "x", values: xs, count: min(chart.x.tickCount, 5), extent: extent)
        let y = try AxisLayout.resolve(chart.y, name: "y", values: ys, count: min(chart.y.tickCount, 5), extent: extent)
        for m in chart.marks where m.spansBox {
            guard case .plane(let a, let bx, let by, _, _, _) = m.geometry else { continue }
            for px in [x.domain.lowerBound, x.domain.upperBound] {
                for py in [y.domain.lowerBound, y.domain.upperBound] { zs.append(a + bx * px + by * py) }
            }
        }
        return try [x, y, AxisLayout.resolve(chart.z, name: "z", values: zs, count: min(chart.z.tickCount, 5), extent: extent)]
    }

    // MARK: Coordinates

    /// Data → box coordinates: each axis to [−aspect, aspect].
    func box(_ p: Point3) -> Point3 {
        func n(_ v: Double, _ d: ClosedRange<Double>, _ half: Double) -> Double {
            let span = d.upperBound - d.lowerBound
            return span == 0 ? 0 : ((v - d.lowerBound) / span * 2 - 1) * half
        }
        return Point3(n(p.x, axes[0].domain, chart.aspect.0), n(p.y, axes[1].domain, chart.aspect.1), n(p.z, axes[2].domain, chart.aspect.2))
    }

    /// Box coordinates → canvas point and depth.
    func screen(_ b: Point3) -> (Point, Double) {
        let (u, v, d) = camera.project(b)
        return (Point(origin.x + u * scale, origin.y - v * scale), d)
    }

    func project(_ p: Point3) -> Point { screen(box(p)).0 }

    var corners: [Point3] {
        let (ax, ay, az) = chart.aspect
        return [-1.0, 1].flatMap { sx in [-1.0, 1].flatMap { sy in [-1.0, 1].map { sz in Point3(sx * ax, sy * ay, sz * az) } } }
    }

    // MARK: Layout

    var tickStyle: TextStyle { TextStyle(size: theme.tickLabelSize, color: theme.foreground, family: theme.fontFamily) }
    var titleStyle: TextStyle { TextStyle(size: theme.axisTitleSize, color: theme.foreground, family: theme.fontFamily) }

    /// Scales the projected box into the canvas so that the box and all its
    /// labels fit: a first guess from the box alone, then a correction that
    /// accounts for the labels, which keep their pixel size as the box scales.
    mutating func fit() throws {
        guard let range = chart.steadyRange else { return try fitCurrentCamera() }
        if chart.steadyAzimuths != nil { return try fitEveryAzimuth(of: range) }
        // For turntables: the smallest scale any azimuth needs, and the box
        // centre fixed, so frames do not zoom or drift.
        let titleHeight = try chartTitleMarkup().map { canvas.measure(markup: $0, style: chartTitleStyle).height + theme.textPadding } ?? 0
        let centre = Point((chart.size.width - reservedRight) / 2, (chart.size.height + titleHeight - reservedBottom) / 2)
        let area = Rect(x: theme.margin, y: theme.margin + titleHeight,
                        width: chart.size.width - 2 * theme.margin - reservedRight,
                        height: chart.size.height - 2 * theme.margin - titleHeight - reservedBottom)
        var smallest = Double.infinity
        for azimuth in Self.samples(of: range) {
            camera = Camera(azimuth: azimuth, elevation: chart.camera.elevation)
            try fitCurrentCamera(shrinkingForLabels: false)
            // Centred, as every frame is, the labels (which keep their size as
            // the box scales) must still fit: shrink until they do.
            scale *= 0.96
            origin = centre
            try shrinkUntilLabelsFit(in: area, recentre: false)
            smallest = min(smallest, scale)
        }
        camera = chart.camera
        scale = smallest
        origin = centre
    }

    /// For an animation over `range`: one scale and one origin for every
    /// azimuth in it, chosen so the box and its labels, at whichever angle
    /// reaches farthest each way, just fill the area. The labels keep their
    /// size as the box scales, so the scale is found in a few steps.
    mutating func fitEveryAzimuth(of range: ClosedRange<Double>) throws {
        let titleHeight = try chartTitleMarkup().map { canvas.measure(markup: $0, style: chartTitleStyle).height + theme.textPadding } ?? 0
        var area = Rect(x: theme.margin, y: theme.margin + titleHeight,
                        width: chart.size.width - 2 * theme.margin - reservedRight,
                        height: chart.size.height - 2 * theme.margin - titleHeight - reservedBottom)
        let views = Self.samples(of: range).map { Camera(azimuth: $0, elevation: chart.camera.elevation) }
        // The annotations stand in a band under the title, the same in every
        // frame, so the box at its widest angle never runs under them.
        let band = try annotationBand()
        area = Rect(x: area.x, y: area.y + band, width: area.width, height: area.height - band)
        var smallest = Double.infinity
        for view in views {
            camera = view
            try fitCurrentCamera()
            smallest = min(smallest, scale)
        }
        scale = smallest
        origin = Point(0, 0)
        for _ in 0..<12 {
            var reach: Rect? = nil
            for view in views {
                camera = view
                let all = try axisLabelItems().reduce(Rect(bounding: corners.map { screen($0).0 })) { $0.union($1.rect) }
                reach = reach.map { $0.union(all) } ?? all
            }
            guard let reach else { break }
            origin = Point(origin.x + area.midX - reach.midX, origin.y + area.midY - reach.midY)
            if (reach.width <= area.width + 0.5 && reach.height <= area.height + 0.5) || scale <= 10 { break }
            scale = max(10, scale * min(area.width / reach.width, area.height / reach.height, 0.99))
        }
        camera = chart.camera
    }

    /// Height of the band the annotations take under the title when they are
    /// stacked there (an animation's frames), with a gap below it.
    func annotationBand() throws -> Double {
        try chart.annotations.map { try AnnotationBlock($0, theme: theme, canvas: canvas).size.height + theme.textPadding }
            .reduce(0, +)
    }

    /// Where each annotation stands when they are stacked under the title,
    /// or nothing when the chart places them itself.
    func annotationBandRects() throws -> [Rect] {
        guard chart.steadyAzimuths != nil else { return [] }
        var top = theme.margin + (try chartTitleMarkup().map { canvas.measure(markup: $0, style: chartTitleStyle).height + theme.textPadding } ?? 0)
        return try chart.annotations.map { a in
            let size = try AnnotationBlock(a, theme: theme, canvas: canvas).size
            defer { top += size.height + theme.textPadding }
            return Rect(x: theme.margin, y: top, width: size.width, height: size.height)
        }
    }

    /// Azimuths spread over `range`, both ends included, close enough (at most
    /// 15° apart) that the scale found at them serves every angle between.
    static func samples(of range: ClosedRange<Double>) -> [Double] {
        let span = range.upperBound - range.lowerBound
        let steps = max(1, Int((span / 15).rounded(.up)))
        return (0...steps).map { range.lowerBound + span * Double($0) / Double(steps) }
    }

    /// `shrinkingForLabels` false skips the last step, for a caller that
    /// shrinks for the labels itself.
    mutating func fitCurrentCamera(shrinkingForLabels: Bool = true) throws {
        let titleHeight = try chartTitleMarkup().map { canvas.measure(markup: $0, style: chartTitleStyle).height + theme.textPadding } ?? 0
        var area = Rect(x: theme.margin, y: theme.margin + titleHeight,
                        width: chart.size.width - 2 * theme.margin - reservedRight,
                        height: chart.size.height - 2 * theme.margin - titleHeight - reservedBottom)
        if chart.steadyAzimuths != nil {
            let band = try annotationBand()
            area = Rect(x: area.x, y: area.y + band, width: area.width, height: area.height - band)
        }
        let projected = corners.map { camera.project($0) }
        let u0 = projected.map(\.u).min()!, u1 = projected.map(\.u).max()!
        let v0 = projected.map(\.v).min()!, v1 = projected.map(\.v).max()!
        scale = min(area.width / (u1 - u0), area.height / (v1 - v0)) * 0.7
        origin = Point(area.midX - (u0 + u1) / 2 * scale, area.midY + (v0 + v1) / 2 * scale)
        for _ in 0..<2 {
            let boxRect = Rect(bounding: corners.map { screen($0).0 })
            let all = try axisLabelItems().reduce(boxRect) { $0.union($1.rect) }
            let extraW = all.width - boxRect.width, extraH = all.height - boxRect.height
            let s = min((area.width - extraW) / (u1 - u0), (area.height - extraH) / (v1 - v0))
            scale = max(10, s)
            let newBox = Rect(bounding: corners.map { screen($0).0 })
            let newAll = try axisLabelItems().reduce(newBox) { $0.union($1.rect) }
            origin = Point(origin.x + area.midX - newAll.midX, origin.y + area.midY - newAll.midY)
        }
        // Labels move with the box's edges but keep their size, so the two
        // steps above can leave a long title over the edge: shrink until none is.
        if shrinkingForLabels { try shrinkUntilLabelsFit(in: area, recentre: true) }
    }

    /// Shrinks the box until it and every tick label and axis title lie inside
    /// `area`, each step by the share the overhang asks for (labels keep their
    /// size, so a step falls short and another follows), optionally keeping
    /// the whole centred in `area`.
    mutating func shrinkUntilLabelsFit(in area: Rect, recentre: Bool) throws {
        for _ in 0..<12 {
            let all = try axisLabelItems().reduce(Rect(bounding: corners.map { screen($0).0 })) { $0.union($1.rect) }
            if area.contains(all, tolerance: 0.5) || scale <= 10 { return }
            let share = min(area.width / all.width, area.height / all.height, 0.98)
            scale = max(10, scale * share)
            if recentre {
                let moved = try axisLabelItems().reduce(Rect(bounding: corners.map { screen($0).0 })) { $0.union($1.rect) }
                origin = Point(origin.x + area.midX - moved.midX, origin.y + area.midY - moved.midY)
            }
        }
    }

    // MARK: Drawing

    mutating func render() throws {
        var legend = try makeLegend()
        var legendSize = legend.size(on: canvas)
        try fit()
        // A legend goes in a corner of the canvas only where it covers none of
        // the box; otherwise the box shrinks a little to leave it a row at the
        // bottom (or, if that row is too wide, a column on the right).
        var legendBox: Rect? = nil
        if legendSize.width > 0 {
            let area = Rect(x: 0, y: 0, width: chart.size.width, height: chart.size.height).insetBy(theme.margin)
            // A steady animation's legend keeps one place in every frame, so a
            // corner counts as free only if it is free at every angle.
            let views = chart.steadyRange.map { Self.samples(of: $0).map { Camera(azimuth: $0, elevation: chart.camera.elevation) } }
                ?? [camera]
            let spots: [Placement] = chart.sameScaleAtEveryAzimuth ? [] : [.topRight, .bottomRight, .bottomLeft]
            let still = camera
            var blocked: [(ConvexPolygon, [Rect])] = []
            let band = try annotationBandRects()
            for view in views {
                camera = view
                blocked.append((ConvexPolygon(hullOf: corners.map { screen($0).0 }), labelRects() + band))
            }
            camera = still
            let free = spots.map { PlacementSearch.box($0, size: legendSize, area: area) }
                .first { spot in !blocked.contains { hull, rects in hull.touches(spot.insetBy(-4)) || rects.contains(where: spot.intersects) } }
            var row = legend
            row.horizontal = true
            let rowSize = row.size(on: canvas)
            if let free {
                legendBox = free
            } else if rowSize.width <= area.width {
                legend = row
                legendSize = rowSize
                reservedBottom = rowSize.height + theme.textPadding * 2
                try fit()
                legendBox = Rect(x: (chart.size.width - rowSize.width) / 2, y: chart.size.height - theme.margin - rowSize.height,
                                 width: rowSize.width, height: rowSize.height)
            } else {
                reservedRight = legendSize.width + theme.textPadding * 2
                try fit()
                legendBox = Rect(x: chart.size.width - theme.margin - legendSize.width,
                                 y: max(theme.margin, screen(corners.max { screen($0).0.y > screen($1).0.y }!).0.y),
                                 width: legendSize.width, height: legendSize.height)
            }
        }
        drawPanes()
        let wallLines = self.wallLineEnds()
        for (line, a, b) in wallLines {
            canvas.line(from: project(a), to: project(b), color: line.color, width: 2, dash: line.dash)
            canvas.record(.segment, from: project(a), to: project(b),
                          item: "wall line \(["x", "y"][line.axis]): slope \(LayoutItem.number(line.slope))")
        }
        var obstacles = Obstacles()
        let c = corners
        for i in c.indices {
            for j in c.indices where j > i {
                let differing = (c[i].x != c[j].x ? 1 : 0) + (c[i].y != c[j].y ? 1 : 0) + (c[i].z != c[j].z ? 1 : 0)
                if differing == 1 { obstacles.add(screen(c[i]).0, screen(c[j]).0) }
            }
        }
        drawMarks(obstacles: &obstacles)
        drawFrontEdges()
        try drawAxisLabels()
        if let title = try chartTitleMarkup() {
            canvas.text(markup: title, style: chartTitleStyle, at: Point(theme.margin, theme.margin), anchor: .topLeft, role: .title)
        }
        let area = Rect(x: 0, y: 0, width: chart.size.width, height: chart.size.height).insetBy(theme.margin)
        if let legendBox { legend.draw(in: legendBox, on: canvas) }
        if chart.steadyAzimuths != nil {
            // Stacked under the title at the left, where the fit left them room.
            for (a, box) in zip(chart.annotations, try annotationBandRects()) {
                try AnnotationBlock(a, theme: theme, canvas: canvas).draw(in: box, on: canvas, background: theme.background)
            }
        } else {
            for a in chart.annotations { try drawAnnotation(a, area: area, obstacles: obstacles) }
        }
        try drawSlopeTriangles(legend: legendBox)
        try drawWallLabels(wallLines, legend: legendBox)
    }

    /// The axis labels' boxes and the title's, which a legend must not cover.
    func labelRects() -> [Rect] {
        var rects = ((try? axisLabelItems()) ?? []).map(\.rect)
        if let title = try? chartTitleMarkup() {
            rects.append(canvas.box(markup: title, style: chartTitleStyle, at: Point(theme.margin, theme.margin), anchor: .topLeft))
        }
        return rects
    }

    var chartTitleStyle: TextStyle { TextStyle(size: theme.titleSize, color: theme.foreground, bold: true, family: theme.fontFamily) }

    /// The chart's title, wrapped to the canvas so a long one never runs off it.
    func chartTitleMarkup() throws -> String? {
        try chart.title.map { canvas.wrapped(try TeX.markup($0), style: chartTitleStyle, width: chart.size.width - 2 * theme.margin) }
    }

    /// Faces of the box whose outward normal points away from the viewer are
    /// the back panes; they get a light fill and grid lines at the ticks.
    func backFaces() -> [(axis: Int, side: Double)] {
        var faces: [(Int, Double)] = []
        for axis in 0..<3 {
            for side in [-1.0, 1] {
                var n = [0.0, 0, 0]; n[axis] = side
                let depth = camera.project(Point3(n[0], n[1], n[2])).depth
                if depth > 1e-9 { faces.append((axis, side)) }
            }
        }
        return faces
    }

    func faceCorners(axis: Int, side: Double) -> [Point3] {
        let (ax, ay, az) = chart.aspect
        let half = [ax, ay, az]
        let others = [0, 1, 2].filter { $0 != axis }
        let square = [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)]
        return square.map { a, b in
            var c = [0.0, 0, 0]
            c[axis] = side * half[axis]; c[others[0]] = a * half[others[0]]; c[others[1]] = b * half[others[1]]
            return Point3(c[0], c[1], c[2])
        }
    }

    func drawPanes() {
        let pane = Color(hex: 0xF3F3F3)
        for (axis, side) in backFaces() {
            let quad = faceCorners(axis: axis, side: side).map { screen($0).0 }
            canvas.polygon(quad, fill: pane)
            // Grid lines across the pane at the ticks of the two other axes.
            let (ax, ay, az) = chart.aspect
            let half = [ax, ay, az]
            for other in [0, 1, 2] where other != axis {
                let third = 3 - axis - other
                for t in axes[other].ticks {
                    var p = [0.0, 0, 0], q = [0.0, 0, 0]
                    p[axis] = side * half[axis]; q[axis] = p[axis]
                    let c = boxCoordinate(t, axis: other)
                    p[other] = c; q[other] = c
                    p[third] = -half[third]; q[third] = half[third]
                    canvas.line(from: screen(Point3(p[0], p[1], p[2])).0, to: screen(Point3(q[0], q[1], q[2])).0,
                                color: theme.gridColor.mixed(with: .black, 0.05), width: theme.gridLineWidth)
                }
            }
            canvas.polygon(quad, fill: nil, stroke: theme.mutedForeground.withAlpha(0.6), width: 1)
        }
    }

    func boxCoordinate(_ v: Double, axis: Int) -> Double {
        let d = axes[axis].domain
        let half = [chart.aspect.0, chart.aspect.1, chart.aspect.2][axis]
        let span = d.upperBound - d.lowerBound
        return span == 0 ? 0 : ((v - d.lowerBound) / span * 2 - 1) * half
    }

    /// The box edges nearest the viewer, drawn over the marks so the box reads
    /// as a frame, lightly, to hide nothing.
    func drawFrontEdges() {
        let (ax, ay, az) = chart.aspect
        let half = [ax, ay, az]
        let back = backFaces()
        for axis in 0..<3 {
            let others = [0, 1, 2].filter { $0 != axis }
            for s0 in [-1.0, 1] {
                for s1 in [-1.0, 1] {
                    // An edge is a front edge if it borders no back face.
                    let onBack = back.contains { ($0.axis == others[0] && $0.side == s0) || ($0.axis == others[1] && $0.side == s1) }
                    if onBack { continue }
                    var p = [0.0, 0, 0], q = [0.0, 0, 0]
                    p[axis] = -half[axis]; q[axis] = half[axis]
                    p[others[0]] = s0 * half[others[0]]; q[others[0]] = p[others[0]]
                    p[others[1]] = s1 * half[others[1]]; q[others[1]] = p[others[1]]
                    canvas.line(from: screen(Point3(p[0], p[1], p[2])).0, to: screen(Point3(q[0], q[1], q[2])).0,
                                color: theme.mutedForeground.withAlpha(0.35), width: 1, dash: [4, 4])
                }
            }
        }
    }

    func drawAnnotation(_ a: Annotation, area: Rect, obstacles: Obstacles) throws {
        let block = try AnnotationBlock(a, theme: theme, canvas: canvas)
        let box = PlacementSearch.place(block.size, candidates: a.candidates, in: area, obstacles: obstacles, canvas: canvas)
        block.draw(in: box, on: canvas, background: theme.background)
    }

    func makeLegend() throws -> Legend {
        guard chart.showLegend else { return Legend(items: [], theme: theme) }
        var items: [Legend.Item] = []
        for (i, m) in chart.marks.enumerated() {
            guard let label = m.label else { continue }
            let swatch: Legend.Swatch
            switch m.geometry {
            case .points(_, let shape): swatch = .point(shape, radius: m.size ?? theme.pointRadius, alpha: m.alpha ?? 1)
            case .segments: swatch = .line(width: m.size ?? 1.6, dash: [])
            case .polygon, .plane: swatch = .fill(alpha: m.alpha ?? 0.4)
            }
            items.append(Legend.Item(swatch: swatch, color: colors[i], markup: try TeX.markup(label)))
        }
        return Legend(items: items, theme: theme)
    }
}
