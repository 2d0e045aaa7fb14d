/// Ticks, tick labels and axis titles around the 3-D box.
extension Chart3DRenderer {
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
        var role: TextRole = .tickLabel
        /// The axis (x, y or z) and, for a tick label, its value.
        var item: String? = nil
        /// The box edge the axis's ticks stand on, recorded as its axis line.
        var edge: (Point, Point)? = nil
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

        // The vertical axis first: its column of labels is the one a stray
        // floor label would seem to continue, so floor labels give way to it.
        let lineHeight = canvas.measure(markup: "0", style: tickStyle).height
        for axis in [2, 0, 1] {
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
            var dir = Point(outward.x / len, outward.y / len)
            var low = fixed, high = fixed
            low[axis] = -half[axis]; high[axis] = half[axis]
            let edge = (screen(Point3(low[0], low[1], low[2])).0, screen(Point3(high[0], high[1], high[2])).0)
            // Labels step away from their edge at a right angle on the screen, on
            // the outward side: seen nearly end-on, the 3-D outward direction
            // runs along the edge and would lay the labels across it.
            let ex = edge.1.x - edge.0.x, ey = edge.1.y - edge.0.y
            let edgeLength = (ex * ex + ey * ey).squareRoot()
            if edgeLength > 1 {
                var normal = Point(-ey / edgeLength, ex / edgeLength)
                if normal.x * dir.x + normal.y * dir.y < 0 { normal = Point(-normal.x, -normal.y) }
                dir = normal
            }
            let anchor = anchorFor(dir.x, dir.y)
            var extent = 0.0
            for (t, label) in zip(axes[axis].ticks, axes[axis].labels) {
                var p = fixed; p[axis] = boxCoordinate(t, axis: axis)
                let s = screen(Point3(p[0], p[1], p[2])).0
                let tickEnd = Point(s.x + dir.x * theme.tickLength, s.y + dir.y * theme.tickLength)
                let at = Point(tickEnd.x + dir.x * pad, tickEnd.y + dir.y * pad)
                let r = canvas.box(markup: label, style: tickStyle, at: at, anchor: anchor)
                // A label of another axis keeps a line's distance, so no label
                // lines up with another axis's and reads as one of them.
                let axisName = ["x", "y", "z"][axis]
                if items.contains(where: { other in
                    let own = other.item?.hasPrefix(axisName) ?? false
                    if own { return other.rect.insetBy(-2).intersects(r) }
                    let acrossTheColumn = other.item?.hasPrefix("z") ?? false
                    return other.rect.insetBy(-lineHeight).intersects(r)
                        || (acrossTheColumn && Self.inLine(r, other.rect, lineHeight: lineHeight))
                }) { continue }
                items.append(LabelItem(markup: label, style: tickStyle, at: at, anchor: anchor, rotation: 0, rect: r, tick: (s, tickEnd),
                                       item: "\(["x", "y", "z"][axis]) = \(LayoutItem.number(t))", edge: edge))
                extent = max(extent, abs(dir.x) * r.width + abs(dir.y) * r.height)
            }
            let title = axes[axis].title(for: [chart.x, chart.y, chart.z][axis])
            guard !title.isEmpty else { continue }
            var mid = fixed; mid[axis] = 0
            let s = screen(Point3(mid[0], mid[1], mid[2])).0
            let distance = theme.tickLength + pad * 2.5 + extent
            var position = Point(s.x + dir.x * distance, s.y + dir.y * distance)
            // Long titles wrap: a floor axis's to a quarter of the canvas, the
            // vertical one's to half its height.
            var centred = titleStyle
            centred.centered = true
            let markup = canvas.wrapped(try TeX.markup(title), style: centred,
                                        width: axis == 2 ? chart.size.height * 0.5 : chart.size.width * 0.26)
            let rotation = axis == 2 ? Double.pi / 2 : 0
            let titleAnchor = axis == 2 ? TextAnchor.bottom : anchor
            var r = canvas.box(markup: markup, style: centred, at: position, anchor: titleAnchor, rotation: rotation)
            var tries = 0
            while items.contains(where: { $0.rect.intersects(r) }) && tries < 25 {
                position = Point(position.x + dir.x * 4, position.y + dir.y * 4)
                r = canvas.box(markup: markup, style: centred, at: position, anchor: titleAnchor, rotation: rotation)
                tries += 1
            }
            items.append(LabelItem(markup: markup, style: centred, at: position, anchor: titleAnchor, rotation: rotation, rect: r, tick: nil,
                                   role: .axisTitle, item: ["x", "y", "z"][axis]))
        }
        return items
    }

    /// Whether a floor label would read as part of the vertical axis's column
    /// (or its row): they share a stretch of x (or of y) and stand within three
    /// and a half lines (or a line and a half across) of each other, as where the column
    /// runs down into a floor axis's labels at the box's corner.
    static func inLine(_ a: Rect, _ b: Rect, lineHeight: Double) -> Bool {
        let sharesX = a.minX < b.maxX && b.minX < a.maxX
        let sharesY = a.minY < b.maxY && b.minY < a.maxY
        let gapY = max(a.minY - b.maxY, b.minY - a.maxY), gapX = max(a.minX - b.maxX, b.minX - a.maxX)
        return (sharesX && gapY < 3.5 * lineHeight) || (sharesY && gapX < 1.5 * lineHeight)
    }

    func drawAxisLabels() throws {
        let items = try axisLabelItems()
        var recorded = Set<String>()
        for item in items {
            guard let (a, b) = item.edge, let name = item.item?.prefix(1), recorded.insert(String(name)).inserted else { continue }
            canvas.record(.axisLine, from: a, to: b, item: String(name))
        }
        for item in items {
            if let (a, b) = item.tick { canvas.line(from: a, to: b, color: theme.foreground, width: theme.axisLineWidth) }
            canvas.text(markup: item.markup, style: item.style, at: item.at, anchor: item.anchor, rotation: item.rotation,
                        role: item.role, item: item.item)
        }
    }
}
