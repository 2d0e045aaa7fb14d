/// Annotations and the legend of a 2-D chart, placed where they hide no
/// data and no text.
extension ChartRenderer {
    func drawAnnotations(obstacles: Obstacles) throws {
        for a in chart.annotations {
            let block = try AnnotationBlock(a, theme: theme, canvas: canvas)
            var box = place(block.size, candidates: a.candidates, obstacles: obstacles)
            if let near = a.near {
                // Closest first; crossing a reference rule is allowed here
                // (cost below 10), crossing data is not.
                let nearBoxes = [10.0, 28, 56].flatMap { PlacementSearch.around(screen(near), size: block.size, gap: $0) }
                let text = canvas.textBoxes.map(\.rect) + canvas.placedBoxes
                if let best = PlacementSearch.best(nearBoxes, obstacles: obstacles, text: text, within: plot.insetBy(2)), best.1 < 10 {
                    box = best.0
                }
            }
            block.draw(in: box, on: canvas, background: theme.background)
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
