/// Annotations and the legend of a 2-D chart, placed where they hide no
/// data and no text.
extension ChartRenderer {
    func annotationStyle(_ a: Annotation) -> TextStyle {
        TextStyle(size: a.size ?? theme.annotationSize, color: a.color ?? theme.foreground, family: theme.fontFamily)
    }

    func drawAnnotations(obstacles: Obstacles) throws {
        let lineGap = 3.0, inner = 6.0
        for a in chart.annotations {
            let style = annotationStyle(a)
            let markups = try a.lines.map { try TeX.markup($0) }
            let sizes = markups.map { canvas.measure(markup: $0, style: style) }
            let block = Size(width: (sizes.map(\.width).max() ?? 0) + 2 * inner,
                             height: sizes.map(\.height).reduce(0, +) + lineGap * Double(max(0, sizes.count - 1)) + 2 * inner)
            var box = place(block, candidates: a.candidates, obstacles: obstacles)
            if let near = a.near {
                // Closest first; crossing a reference rule is allowed here
                // (cost below 10), crossing data is not.
                let nearBoxes = [10.0, 28, 56].flatMap { PlacementSearch.around(screen(near), size: block, gap: $0) }
                let text = canvas.textBoxes.map(\.rect) + canvas.placedBoxes
                if let best = PlacementSearch.best(nearBoxes, obstacles: obstacles, text: text, within: plot.insetBy(2)), best.1 < 10 {
                    box = best.0
                }
            }
            canvas.fill(box, theme.background.withAlpha(0.88))
            var y = box.minY + inner
            for (markup, s) in zip(markups, sizes) {
                canvas.text(markup: markup, style: style, at: Point(box.minX + inner, y), anchor: .topLeft)
                y += s.height + lineGap
            }
            canvas.placedBoxes.append(box)
        }
    }

    func place(_ block: Size, candidates: [Placement], obstacles: Obstacles) -> Rect {
        PlacementSearch.place(block, candidates: candidates, in: plot.insetBy(8), obstacles: obstacles, canvas: canvas)
    }

    func legend() throws -> Legend {
        var items: [Legend.Item] = []
        for (i, m) in chart.marks.enumerated() {
            guard let label = m.label else { continue }
            let swatch: Legend.Swatch
            switch m.geometry {
            case .points(_, let shape): swatch = .point(shape, radius: m.size ?? theme.pointRadius, alpha: m.alpha ?? theme.pointAlpha)
            case .band, .polygon: swatch = .fill(alpha: m.alpha ?? theme.bandAlpha)
            case .segments: swatch = .line(width: m.size ?? theme.lineWidth * 0.55, dash: m.dash)
            default: swatch = .line(width: m.size ?? theme.lineWidth, dash: m.dash)
            }
            items.append(Legend.Item(swatch: swatch, color: colors[i], markup: try TeX.markup(label)))
        }
        return Legend(items: items, theme: theme)
    }

    func measureLegend() throws -> Size {
        if case .hidden = chart.legend { return Size(width: 0, height: 0) }
        return try legend().size(on: canvas)
    }

    func drawLegend(obstacles: Obstacles) throws {
        guard legendSize.width > 0 else { return }
        let box: Rect
        if legendBelow {
            var row = try legend()
            row.horizontal = true
            let x = min(max(theme.margin, plot.midX - legendRowSize.width / 2), chart.size.width - theme.margin - legendRowSize.width)
            row.draw(in: Rect(x: x, y: chart.size.height - theme.margin - legendRowSize.height,
                              width: legendRowSize.width, height: legendRowSize.height), on: canvas)
            return
        }
        if legendOutside {
            box = Rect(x: chart.size.width - theme.margin - legendSize.width, y: plot.minY,
                       width: legendSize.width, height: legendSize.height)
        } else {
            var candidates: [Placement] = [.topRight, .bottomRight, .topLeft, .bottomLeft, .top, .bottom, .right, .left]
            if case .inside(let given) = chart.legend { candidates = given }
            box = place(legendSize, candidates: candidates, obstacles: obstacles)
        }
        try legend().draw(in: box, on: canvas)
    }
}
