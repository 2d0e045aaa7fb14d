import Foundation

/// Slope triangles on the plane's edges and lines on the back walls, drawn
/// last so their labels can be placed clear of everything else. In an
/// animation each keeps one place in data space for every frame (a place
/// clear at every angle of the range), so nothing jumps as the box rocks.
extension Chart3DRenderer {
    /// The one plane of the chart, as drawn: its coefficients and the x and y
    /// ranges it covers.
    func drawnPlane() -> (a: Double, bx: Double, by: Double, x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        let planes = chart.marks.compactMap { m -> (Double, Double, Double, ClosedRange<Double>, ClosedRange<Double>)? in
            guard case .plane(let a, let bx, let by, let xr, let yr, _) = m.geometry else { return nil }
            return (a, bx, by, m.spansBox ? axes[0].domain : xr, m.spansBox ? axes[1].domain : yr)
        }
        return planes.count == 1 ? planes[0] : nil
    }

    /// What a label may not cover at one camera angle: the points, the tick
    /// labels and axis titles, the axis lines, and the text that stays put in
    /// every frame (title, legend, annotations).
    struct View {
        var camera: Camera
        var rects: [Rect]
        var lines: [(Point, Point)]
    }

    /// What labels must be clear of at the still's angle (the middle of an
    /// animation's range: where each triangle and label stands is chosen
    /// there, so it stays put in every frame) and at the camera's own.
    mutating func labelViews(legend: Rect?) throws -> (reference: View, current: View) {
        let current = camera
        defer { camera = current }
        let fixed = canvas.textBoxes.filter { $0.role == .title || $0.role == .annotation || $0.role == .legend }.map(\.rect)
            + (legend.map { [$0] } ?? [])
        func view(_ at: Camera) throws -> View {
            camera = at
            let items = try axisLabelItems()
            var rects = fixed + items.map(\.rect)
            for m in chart.marks {
                guard case .points(let ps, let shape) = m.geometry else { continue }
                let r = m.size ?? theme.pointRadius
                rects += ps.filter { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }.map { shape.extent(at: project($0), radius: r) }
            }
            return View(camera: at, rects: rects, lines: items.compactMap(\.edge))
        }
        let middle = chart.steadyAzimuths.map { Camera(azimuth: ($0.lowerBound + $0.upperBound) / 2, elevation: current.elevation) } ?? current
        return (try view(middle), try view(current))
    }

    /// Whether `box` stays on the canvas and covers nothing in `view`.
    func isClear(_ box: Rect, in view: View, also taken: [Rect]) -> Bool {
        let area = Rect(x: 0, y: 0, width: chart.size.width, height: chart.size.height).insetBy(theme.margin / 2)
        guard area.contains(box, tolerance: 0) else { return false }
        let padded = box.insetBy(-2)
        if (view.rects + taken).contains(where: { $0.intersects(padded) }) { return false }
        return !view.lines.contains { padded.intersectsSegment($0.0, $0.1) }
    }

    var slopeStyle: TextStyle { TextStyle(size: theme.tickLabelSize, color: theme.foreground, family: theme.fontFamily) }

    /// The anchor that puts text on the `direction` side of a point.
    func anchor(toward direction: Point) -> TextAnchor {
        let h: TextAnchor.Horizontal = direction.x > 0.35 ? .left : (direction.x < -0.35 ? .right : .center)
        let v: TextAnchor.Vertical = direction.y > 0.35 ? .top : (direction.y < -0.35 ? .bottom : .middle)
        return TextAnchor(h, v)
    }

    /// A triangle at the current camera: its corners on the canvas and the
    /// middles of its level leg (the run) and its upright leg (the rise),
    /// each with the direction pointing out of the triangle.
    struct PlacedTriangle {
        var a: Point, corner: Point, b: Point
        var runMid: Point, runOut: Point
        var riseMid: Point, riseOut: Point
    }

    /// Places a label may take beside a leg, best first: straight out of the
    /// triangle, then below, above, left, right and along the diagonals from
    /// the leg's middle, each at a few distances.
    func labelSpots(middle: Point, out: Point) -> [(at: Point, anchor: TextAnchor)] {
        let gap = theme.textPadding + 2
        var spots: [(Point, TextAnchor)] = []
        let diagonal = 0.5.squareRoot()
        let directions = [out, Point(0, 1), Point(0, -1), Point(-1, 0), Point(1, 0),
                          Point(diagonal, diagonal), Point(-diagonal, diagonal), Point(diagonal, -diagonal), Point(-diagonal, -diagonal)]
        for direction in directions {
            for step in [1.0, 2.0, 3.5, 5.0] {
                spots.append((Point(middle.x + direction.x * gap * step, middle.y + direction.y * gap * step), anchor(toward: direction)))
            }
        }
        return spots
    }

    /// Each triangle stands on the plane's edge along its axis, at the wall
    /// nearest the viewer (the one behind when the front has no room): a run
    /// along the axis and the rise the plane makes over it, so the edge's
    /// slope is rise ÷ run. Where along the edge, and which spot each label
    /// takes, is chosen at the still's angle (middle of the edge first), so
    /// the triangle stays put as an animation rocks; in a frame where a label
    /// would cover something it tries its other spots, and is left out only
    /// when none is clear. A triangle with no clear place at all is left out
    /// rather than drawn over other text.
    mutating func drawSlopeTriangles(legend: Rect?) throws {
        guard !chart.slopeTriangles.isEmpty, let plane = drawnPlane() else { return }
        let half = [chart.aspect.0, chart.aspect.1, chart.aspect.2]
        let views = try labelViews(legend: legend)
        let still = camera
        var takenReference: [Rect] = [], taken: [Rect] = []
        for triangle in chart.slopeTriangles where triangle.axis == 0 || triangle.axis == 1 {
            let axis = triangle.axis, other = 1 - axis
            let range = axis == 0 ? plane.x : plane.y, otherRange = axis == 0 ? plane.y : plane.x
            guard triangle.run > 0, triangle.run < range.upperBound - range.lowerBound else { continue }
            var style = slopeStyle
            style.color = triangle.color.mixed(with: .black, 0.25)
            let runMarkup = try TeX.markup(triangle.runLabel), riseMarkup = try TeX.markup(triangle.riseLabel)
            let walls = [otherRange.lowerBound, otherRange.upperBound].map { value -> (Double, Double) in
                var p = [0.0, 0, 0]; p[other] = boxCoordinate(value, axis: other); p[2] = -half[2]
                return (value, screen(Point3(p[0], p[1], p[2])).1)
            }.sorted { $0.1 < $1.1 }.map(\.0)
            func height(_ along: Double, _ wall: Double) -> Double {
                axis == 0 ? plane.a + plane.bx * along + plane.by * wall : plane.a + plane.bx * wall + plane.by * along
            }
            func placed(_ x0: Double, _ wall: Double) -> PlacedTriangle {
                func point(_ along: Double, _ z: Double) -> Point3 { axis == 0 ? Point3(along, wall, z) : Point3(wall, along, z) }
                let x1 = x0 + triangle.run
                let a = project(point(x0, height(x0, wall))), b = project(point(x1, height(x1, wall)))
                // The corner goes below the edge (run then rise when the plane
                // climbs, rise then run when it falls), off the plane.
                let rising = height(x1, wall) >= height(x0, wall)
                let c = project(rising ? point(x1, height(x0, wall)) : point(x0, height(x1, wall)))
                let runLeg = rising ? (a, c) : (c, b), riseLeg = rising ? (c, b) : (a, c)
                func middle(_ leg: (Point, Point)) -> Point { Point((leg.0.x + leg.1.x) / 2, (leg.0.y + leg.1.y) / 2) }
                func away(from p: Point, _ m: Point) -> Point {
                    let dx = m.x - p.x, dy = m.y - p.y
                    let len = max(1e-9, (dx * dx + dy * dy).squareRoot())
                    return Point(dx / len, dy / len)
                }
                let runMid = middle(runLeg), riseMid = middle(riseLeg)
                return PlacedTriangle(a: a, corner: c, b: b,
                                      runMid: runMid, runOut: away(from: rising ? b : a, runMid),
                                      riseMid: riseMid, riseOut: away(from: rising ? a : b, riseMid))
            }
            func box(_ markup: String, _ spot: (at: Point, anchor: TextAnchor)) -> Rect {
                canvas.box(markup: markup, style: style, at: spot.at, anchor: spot.anchor)
            }
            // At the still's angle: the first place with a clear spot for both labels.
            let span = range.upperBound - range.lowerBound - triangle.run
            camera = views.reference.camera
            var chosen: (x0: Double, wall: Double, run: Int, rise: Int)? = nil
            search: for wall in walls {
                for share in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0.0, 1.0] {
                    let x0 = range.lowerBound + span * share
                    let t = placed(x0, wall)
                    let runSpots = labelSpots(middle: t.runMid, out: t.runOut), riseSpots = labelSpots(middle: t.riseMid, out: t.riseOut)
                    guard let run = runSpots.firstIndex(where: { isClear(box(runMarkup, $0), in: views.reference, also: takenReference) })
                    else { continue }
                    let runBox = box(runMarkup, runSpots[run])
                    guard let rise = riseSpots.firstIndex(where: { isClear(box(riseMarkup, $0), in: views.reference, also: takenReference + [runBox]) })
                    else { continue }
                    takenReference += [runBox, box(riseMarkup, riseSpots[rise])]
                    chosen = (x0, wall, run, rise)
                    break search
                }
            }
            camera = still
            guard let chosen else { continue }
            let t = placed(chosen.x0, chosen.wall), x1 = chosen.x0 + triangle.run
            canvas.line(from: t.a, to: t.corner, color: triangle.color, width: 2.2, roundCap: true)
            canvas.line(from: t.corner, to: t.b, color: triangle.color, width: 2.2, roundCap: true)
            let name = ["x", "y"][axis]
            let rise = height(x1, chosen.wall) - height(chosen.x0, chosen.wall)
            canvas.record(.segment, from: t.a, to: t.b,
                          item: "\(name) slope: rise \(LayoutItem.number(rise)) over run \(LayoutItem.number(x1 - chosen.x0))")
            let halo = theme.background.withAlpha(0.85)
            let labels = [(runMarkup, "run", labelSpots(middle: t.runMid, out: t.runOut), chosen.run),
                          (riseMarkup, "rise", labelSpots(middle: t.riseMid, out: t.riseOut), chosen.rise)]
            for (markup, part, spots, first) in labels {
                for spot in spots[first...] + spots[..<first] {
                    let r = box(markup, spot)
                    guard isClear(r, in: views.current, also: taken) else { continue }
                    canvas.text(markup: markup, style: style, at: spot.at, anchor: spot.anchor, halo: halo, item: "\(name) slope \(part)")
                    taken.append(r)
                    break
                }
            }
        }
    }
}

extension Chart3DRenderer {
    /// Each wall line's two ends in data space: on the back wall across its
    /// axis, clipped to the x or y domain and to the z domain.
    func wallLineEnds() -> [(WallLine3D, Point3, Point3)] {
        chart.wallLines.compactMap { line in
            guard line.axis == 0 || line.axis == 1 else { return nil }
            let other = 1 - line.axis
            let walls = [axes[other].domain.lowerBound, axes[other].domain.upperBound].map { value -> (Double, Double) in
                var p = [0.0, 0, 0]; p[other] = boxCoordinate(value, axis: other)
                return (value, screen(Point3(p[0], p[1], p[2])).1)
            }
            let wall = walls.max { $0.1 < $1.1 }!.0
            var low = axes[line.axis].domain.lowerBound, high = axes[line.axis].domain.upperBound
            let z = axes[2].domain
            if line.slope != 0 {
                // The stretch where the line stays between the floor and the lid.
                let v0 = (z.lowerBound - line.intercept) / line.slope, v1 = (z.upperBound - line.intercept) / line.slope
                low = max(low, min(v0, v1)); high = min(high, max(v0, v1))
            } else if !z.contains(line.intercept) {
                return nil
            }
            guard high > low else { return nil }
            func point(_ v: Double) -> Point3 {
                let height = line.intercept + line.slope * v
                return line.axis == 0 ? Point3(v, wall, height) : Point3(wall, v, height)
            }
            return (line, point(low), point(high))
        }
    }

    /// A wall line's label just above its line, at the first of a few places
    /// along it where it covers nothing in every view.
    mutating func drawWallLabels(_ lines: [(WallLine3D, Point3, Point3)], legend: Rect?) throws {
        guard lines.contains(where: { $0.0.label != nil }) else { return }
        let views = try labelViews(legend: legend)
        let still = camera
        let others = canvas.textBoxes.filter { $0.role == .dataLabel }.map(\.rect)
        var takenReference = others, taken = others
        for (line, a, b) in lines {
            guard let text = line.label else { continue }
            var style = slopeStyle
            style.color = line.color.mixed(with: .black, 0.25)
            let markup = try TeX.markup(text)
            /// Above the line at a share of its length, or (negative share) below.
            func box(_ share: Double) -> (Point, Rect) {
                let on = project(lerp(a, b, abs(share)))
                let at = Point(on.x, on.y + (share < 0 ? 4 : -4))
                return (at, canvas.box(markup: markup, style: style, at: at, anchor: share < 0 ? .top : .bottom))
            }
            // The place is chosen at the still's angle; a frame where it covers
            // something tries the others in turn.
            let along = [0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.9, 0.1]
            let shares = along + along.map { -$0 }
            camera = views.reference.camera
            let first = shares.firstIndex { isClear(box($0).1, in: views.reference, also: takenReference) } ?? 0
            takenReference.append(box(shares[first]).1)
            camera = still
            for share in shares[first...] + shares[..<first] {
                let (at, r) = box(share)
                guard isClear(r, in: views.current, also: taken) else { continue }
                canvas.text(markup: markup, style: style, at: at, anchor: share < 0 ? .top : .bottom,
                            halo: theme.background.withAlpha(0.85), item: "wall line \(["x", "y"][line.axis])")
                taken.append(r)
                break
            }
        }
    }
}
