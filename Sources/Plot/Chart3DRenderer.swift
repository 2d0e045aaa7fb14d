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
        var xs: [Double] = [], ys: [Double] = [], zs: [Double] = []
        func add(_ p: Point3) { xs.append(p.x); ys.append(p.y); zs.append(p.z) }
        for m in chart.marks {
            switch m.geometry {
            case .points(let ps, _), .polygon(let ps): ps.forEach(add)
            case .segments(let ss): ss.forEach { add($0.from); add($0.to) }
            case .plane(let a, let bx, let by, let xr, let yr, _):
                for px in [xr.lowerBound, xr.upperBound] {
                    for py in [yr.lowerBound, yr.upperBound] { add(Point3(px, py, a + bx * px + by * py)) }
                }
            }
        }
        axes = try [AxisLayout.resolve(chart.x, values: xs, count: min(chart.x.tickCount, 5)),
                    AxisLayout.resolve(chart.y, values: ys, count: min(chart.y.tickCount, 5)),
                    AxisLayout.resolve(chart.z, values: zs, count: min(chart.z.tickCount, 5))]
        var series = 0
        colors = chart.marks.map { m in
            if let c = m.color { return c }
            if case .segments = m.geometry { return chart.theme.mutedForeground }
            defer { series += 1 }
            return chart.theme.color(series)
        }
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
        guard chart.sameScaleAtEveryAzimuth else { return try fitCurrentCamera() }
        // For turntable animations: the smallest scale any azimuth needs, and
        // the box centre fixed, so frames do not zoom or drift.
        var smallest = Double.infinity
        for azimuth in stride(from: 0.0, to: 360, by: 15) {
            camera = Camera(azimuth: azimuth, elevation: chart.camera.elevation)
            try fitCurrentCamera()
            smallest = min(smallest, scale)
        }
        camera = chart.camera
        try fitCurrentCamera()
        let titleHeight = try chart.title.map { canvas.measure(markup: try TeX.markup($0), style: titleStyle).height + theme.textPadding } ?? 0
        scale = smallest * 0.96
        origin = Point((chart.size.width - reservedRight) / 2, (chart.size.height + titleHeight - reservedBottom) / 2)
    }

    mutating func fitCurrentCamera() throws {
        let titleHeight = try chart.title.map { canvas.measure(markup: try TeX.markup($0), style: titleStyle).height + theme.textPadding } ?? 0
        let area = Rect(x: theme.margin, y: theme.margin + titleHeight,
                        width: chart.size.width - 2 * theme.margin - reservedRight,
                        height: chart.size.height - 2 * theme.margin - titleHeight - reservedBottom)
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
            let hull = ConvexPolygon(hullOf: corners.map { screen($0).0 })
            let free = [Placement.topRight, .bottomRight, .bottomLeft].map { PlacementSearch.box($0, size: legendSize, area: area) }
                .first { !hull.touches($0.insetBy(-4)) && !labelRects().contains(where: $0.intersects) }
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
        if let title = chart.title {
            try canvas.tex(title, style: TextStyle(size: theme.titleSize, color: theme.foreground, bold: true, family: theme.fontFamily),
                           at: Point(theme.margin, theme.margin), anchor: .topLeft)
        }
        let area = Rect(x: 0, y: 0, width: chart.size.width, height: chart.size.height).insetBy(theme.margin)
        if let legendBox { legend.draw(in: legendBox, on: canvas) }
        for a in chart.annotations { try drawAnnotation(a, area: area, obstacles: obstacles) }
    }

    func labelRects() -> [Rect] { ((try? axisLabelItems()) ?? []).map(\.rect) }

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

    /// One drawable piece with its depth.
    enum Piece {
        case point(Point, PointShape, Double, Color)
        case segment(Point, Point, Double, Color)
        case polygon([Point], Color, Color?)
    }

    /// With exactly one plane, which side of it (in data units) a point is
    /// on, signed so that positive is the viewer's side. Drawing everything on
    /// the far side, then the plane, then the near side is exact for the plane
    /// wherever depth sorting by centroids is only approximate.
    func viewerSide() -> ((Point3) -> Double)? {
        let planes = chart.marks.compactMap { m -> (Double, Double, Double)? in
            if case .plane(let a, let bx, let by, _, _, _) = m.geometry { return (a, bx, by) }
            return nil
        }
        guard planes.count == 1, let (a, bx, by) = planes.first else { return nil }
        let az = camera.azimuth * .pi / 180, el = camera.elevation * .pi / 180
        // Towards the viewer in box units, then in data units per axis.
        let towardBox = [-sin(az) * cos(el), -cos(az) * cos(el), sin(el)]
        let half = [chart.aspect.0, chart.aspect.1, chart.aspect.2]
        let toward = (0..<3).map { i in towardBox[i] * (axes[i].domain.upperBound - axes[i].domain.lowerBound) / (2 * half[i]) }
        let viewerAbove = toward[2] - bx * toward[0] - by * toward[1] > 0
        return { p in
            let above = p.z - (a + bx * p.x + by * p.y)
            return viewerAbove ? above : -above
        }
    }

    func drawMarks(obstacles: inout Obstacles) {
        var pieces: [(layer: Int, depth: Double, order: Int, piece: Piece)] = []
        let side = viewerSide()
        /// Layer 0: far side of the plane (or everything when there is no
        /// single plane); 1: the plane; 2: near side.
        func layer(_ p: Point3?) -> Int {
            guard let side else { return 0 }
            guard let p else { return 1 }
            return side(p) >= 0 ? 2 : 0
        }
        func push(_ depth: Double, _ piece: Piece, at data: Point3?) {
            pieces.append((layer(data), depth, pieces.count, piece))
        }
        for (i, m) in chart.marks.enumerated() {
            let color = colors[i]
            switch m.geometry {
            case .points(let ps, let shape):
                let r = m.size ?? theme.pointRadius
                for p in ps where p.x.isFinite && p.y.isFinite && p.z.isFinite {
                    let (s, d) = screen(box(p))
                    push(d, .point(s, shape, r, color.withAlpha(m.alpha ?? 1)), at: p)
                    obstacles.add(Rect(x: s.x - r - 2, y: s.y - r - 2, width: 2 * r + 4, height: 2 * r + 4))
                }
            case .segments(let ss):
                // Split so each part sorts on its own against planes it crosses.
                let parts = 6
                for s in ss {
                    let a = box(s.from), b = box(s.to)
                    obstacles.add(screen(a).0, screen(b).0)
                    for k in 0..<parts {
                        let t0 = Double(k) / Double(parts), t1 = Double(k + 1) / Double(parts)
                        let p = lerp(a, b, t0), q = lerp(a, b, t1)
                        let (sp, dp) = screen(p), (sq, dq) = screen(q)
                        let middle = lerp(s.from, s.to, (t0 + t1) / 2)
                        push((dp + dq) / 2, .segment(sp, sq, m.size ?? 1.6, color.withAlpha(m.alpha ?? 0.9)), at: middle)
                    }
                }
            case .polygon(let ps):
                let projected = ps.map { screen(box($0)) }
                let depth = projected.map(\.1).reduce(0, +) / Double(max(1, projected.count))
                let centroid = Point3(ps.map(\.x).reduce(0, +) / Double(max(1, ps.count)), ps.map(\.y).reduce(0, +) / Double(max(1, ps.count)),
                                      ps.map(\.z).reduce(0, +) / Double(max(1, ps.count)))
                push(depth, .polygon(projected.map(\.0), color.withAlpha(m.alpha ?? 0.5), color), at: centroid)
            case .plane(let a0, let bx, let by, let xr, let yr, let n):
                let shade = planeShade(slopeX: bx, slopeY: by)
                let fill = color.mixed(with: .white, 0.2 * (1 - shade)).mixed(with: .black, 0.2 * shade).withAlpha(m.alpha ?? 0.4)
                let edge = color.mixed(with: .black, 0.35)
                func at(_ i: Int, _ j: Int) -> Point3 {
                    let x = xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double(i) / Double(n)
                    let y = yr.lowerBound + (yr.upperBound - yr.lowerBound) * Double(j) / Double(n)
                    return box(Point3(x, y, a0 + bx * x + by * y))
                }
                for i in 0..<n {
                    for j in 0..<n {
                        let quad = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)].map(screen)
                        push(quad.map(\.1).reduce(0, +) / 4, .polygon(quad.map(\.0), fill, nil), at: nil)
                    }
                }
                // Grid lines on the plane every other division, and its outline,
                // as sorted pieces so points in front still cover them.
                for k in stride(from: 0, through: n, by: 2) {
                    for (p, q) in [(at(k, 0), at(k, n)), (at(0, k), at(n, k))] {
                        let border = k == 0 || k == n
                        let pieces = n
                        for part in 0..<pieces {
                            let (sp, dp) = screen(lerp(p, q, Double(part) / Double(pieces)))
                            let (sq, dq) = screen(lerp(p, q, Double(part + 1) / Double(pieces)))
                            push((dp + dq) / 2 - 1e-6, .segment(sp, sq, border ? 1.4 : 0.8, edge.withAlpha(border ? 0.9 : 0.3)), at: nil)
                        }
                    }
                }
                let outline = [at(0, 0), at(n, 0), at(n, n), at(0, n), at(0, 0)].map { screen($0).0 }
                for k in 1..<outline.count { obstacles.add(outline[k - 1], outline[k]) }
            }
        }
        pieces.sort {
            if $0.layer != $1.layer { return $0.layer < $1.layer }
            if case .polygon = $0.piece, case .segment = $1.piece, $0.layer == 1 { return true }  // tiles before grid lines
            if case .segment = $0.piece, case .polygon = $1.piece, $0.layer == 1 { return false }
            return $0.depth != $1.depth ? $0.depth > $1.depth : $0.order < $1.order
        }
        for (_, _, _, piece) in pieces {
            switch piece {
            case .point(let p, let shape, let r, let c):
                canvas.marker(shape, at: p, radius: r, fill: c, outline: theme.pointOutline, outlineWidth: 1)
            case .segment(let a, let b, let w, let c):
                canvas.line(from: a, to: b, color: c, width: w, roundCap: true)
            case .polygon(let ps, let fill, let stroke):
                if stroke == nil {
                    // Tiles of one surface: without antialiasing their shared
                    // edges neither gap nor double-cover.
                    canvas.withoutAntialiasing { canvas.polygon(ps, fill: fill) }
                } else {
                    canvas.polygon(ps, fill: fill, stroke: stroke, width: 0.8)
                }
            }
        }
    }

    func lerp(_ a: Point3, _ b: Point3, _ t: Double) -> Point3 {
        Point3(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t)
    }

    /// Lambert shading of the plane (in box coordinates) under a light from
    /// the upper left behind the viewer: 0 is fully lit, 1 is in shadow.
    func planeShade(slopeX bx: Double, slopeY by: Double) -> Double {
        let dx = axes[0].domain.upperBound - axes[0].domain.lowerBound
        let dy = axes[1].domain.upperBound - axes[1].domain.lowerBound
        let dz = axes[2].domain.upperBound - axes[2].domain.lowerBound
        // Normal of z = f(x, y) after each axis is rescaled into the box.
        let gx = bx * dx / dz * chart.aspect.2 / chart.aspect.0, gy = by * dy / dz * chart.aspect.2 / chart.aspect.1
        let n = [-gx, -gy, 1.0]
        let len = (n[0] * n[0] + n[1] * n[1] + 1).squareRoot()
        let light = [-0.4, -0.5, 0.77]
        let ll = (light[0] * light[0] + light[1] * light[1] + light[2] * light[2]).squareRoot()
        let lambert = (n[0] * light[0] + n[1] * light[1] + n[2] * light[2]) / (len * ll)
        return min(1, max(0, 1 - lambert))
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

    /// A tick or title label of the box, positioned but not yet drawn.
    struct LabelItem {
        var markup: String
        var style: TextStyle
        var at: Point
        var anchor: TextAnchor
        var rotation: Double
        var rect: Rect
        /// The tick mark drawn with a tick label.
        var tick: (Point, Point)?
    }

    /// For the x and y axes, ticks on the floor edge nearest the viewer; for
    /// z, on the vertical edge at the left of the picture. Labels go outward
    /// from the box and a label that would touch an earlier one is skipped.
    func axisLabelItems() throws -> [LabelItem] {
        let (ax, ay, az) = chart.aspect
        let half = [ax, ay, az]
        let pad = theme.textPadding
        var items: [LabelItem] = []

        func anchorFor(_ dx: Double, _ dy: Double) -> TextAnchor {
            let h: TextAnchor.Horizontal = dx > 0.35 ? .left : (dx < -0.35 ? .right : .center)
            let v: TextAnchor.Vertical = dy > 0.35 ? .top : (dy < -0.35 ? .bottom : .middle)
            return TextAnchor(h, v)
        }

        for axis in 0..<3 {
            var fixed = [0.0, 0, 0]
            var outward = Point(0, 0)
            if axis < 2 {
                let other = 1 - axis
                let candidates = [-1.0, 1].map { s -> (Double, Double) in
                    var m = [0.0, 0, 0]; m[other] = s * half[other]; m[2] = -half[2]
                    return (s, screen(Point3(m[0], m[1], m[2])).1)
                }
                let nearest = candidates.min { $0.1 < $1.1 }!.0
                fixed[other] = nearest * half[other]
                fixed[2] = -half[2]
                var o = [0.0, 0, 0]; o[other] = nearest * half[other] * 1.3; o[2] = -half[2]
                let tip = screen(Point3(o[0], o[1], o[2])).0
                let base = screen(Point3(fixed[0], fixed[1], fixed[2])).0
                outward = Point(tip.x - base.x, tip.y - base.y)
            } else {
                var best: (Point3, Double)? = nil
                for sx in [-1.0, 1] {
                    for sy in [-1.0, 1] {
                        let p = Point3(sx * half[0], sy * half[1], 0)
                        let u = screen(p).0.x
                        if best == nil || u < best!.1 - 1e-9 { best = (p, u) }
                    }
                }
                fixed[0] = best!.0.x; fixed[1] = best!.0.y
                outward = Point(-1, 0)
            }
            let len = max(1e-9, (outward.x * outward.x + outward.y * outward.y).squareRoot())
            let dir = Point(outward.x / len, outward.y / len)
            let anchor = anchorFor(dir.x, dir.y)
            var extent = 0.0
            for (t, label) in zip(axes[axis].ticks, axes[axis].labels) {
                var p = fixed; p[axis] = boxCoordinate(t, axis: axis)
                let s = screen(Point3(p[0], p[1], p[2])).0
                let tickEnd = Point(s.x + dir.x * theme.tickLength, s.y + dir.y * theme.tickLength)
                let at = Point(tickEnd.x + dir.x * pad, tickEnd.y + dir.y * pad)
                let r = canvas.box(markup: label, style: tickStyle, at: at, anchor: anchor)
                if items.contains(where: { $0.rect.insetBy(-2).intersects(r) }) { continue }
                items.append(LabelItem(markup: label, style: tickStyle, at: at, anchor: anchor, rotation: 0, rect: r, tick: (s, tickEnd)))
                extent = max(extent, abs(dir.x) * r.width + abs(dir.y) * r.height)
            }
            let title = [chart.x.title, chart.y.title, chart.z.title][axis]
            guard !title.isEmpty else { continue }
            var mid = fixed; mid[axis] = 0
            let s = screen(Point3(mid[0], mid[1], mid[2])).0
            let distance = theme.tickLength + pad * 2.5 + extent
            var position = Point(s.x + dir.x * distance, s.y + dir.y * distance)
            let markup = try TeX.markup(title)
            let rotation = axis == 2 ? Double.pi / 2 : 0
            let titleAnchor = axis == 2 ? TextAnchor.bottom : anchor
            var r = canvas.box(markup: markup, style: titleStyle, at: position, anchor: titleAnchor, rotation: rotation)
            var tries = 0
            while items.contains(where: { $0.rect.intersects(r) }) && tries < 25 {
                position = Point(position.x + dir.x * 4, position.y + dir.y * 4)
                r = canvas.box(markup: markup, style: titleStyle, at: position, anchor: titleAnchor, rotation: rotation)
                tries += 1
            }
            items.append(LabelItem(markup: markup, style: titleStyle, at: position, anchor: titleAnchor, rotation: rotation, rect: r, tick: nil))
        }
        return items
    }

    func drawAxisLabels() throws {
        for item in try axisLabelItems() {
            if let (a, b) = item.tick { canvas.line(from: a, to: b, color: theme.foreground, width: theme.axisLineWidth) }
            canvas.text(markup: item.markup, style: item.style, at: item.at, anchor: item.anchor, rotation: item.rotation)
        }
    }

    func drawAnnotation(_ a: Annotation, area: Rect, obstacles: Obstacles) throws {
        let style = TextStyle(size: a.size ?? theme.annotationSize, color: a.color ?? theme.foreground, family: theme.fontFamily)
        let markups = try a.lines.map { try TeX.markup($0) }
        let sizes = markups.map { canvas.measure(markup: $0, style: style) }
        let inner = 6.0, gap = 3.0
        let block = Size(width: (sizes.map(\.width).max() ?? 0) + 2 * inner,
                         height: sizes.map(\.height).reduce(0, +) + gap * Double(max(0, sizes.count - 1)) + 2 * inner)
        let box = PlacementSearch.place(block, candidates: a.candidates, in: area, obstacles: obstacles, canvas: canvas)
        canvas.fill(box, theme.background.withAlpha(0.88))
        var y = box.minY + inner
        for (markup, s) in zip(markups, sizes) {
            canvas.text(markup: markup, style: style, at: Point(box.minX + inner, y), anchor: .topLeft)
            y += s.height + gap
        }
        canvas.placedBoxes.append(box)
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
