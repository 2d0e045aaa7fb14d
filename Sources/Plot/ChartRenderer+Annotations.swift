/// Annotations and the legend of a 2-D chart, placed where they hide no
/// data and no text.
extension ChartRenderer {
    /// The widest an annotation block may be: the plot less the search's inset.
    var annotationWidth: Double { plot.width - 16 }
    /// The widest a block in the band above the plot may be: the canvas.
    var bandWidth: Double { chart.size.width - 2 * theme.margin }

    /// Annotations are kept off the data: one for which no spot inside the plot
    /// is free of data marks and of the other annotations goes into a band
    /// above the plot instead. Returns whether any did, so the caller lays the
    /// chart out again with the band.
    mutating func moveCrowdedAnnotationsOut(obstacles: Obstacles) throws -> Bool {
        var taken: [Rect] = []
        var outside: Set<Int> = []
        var band = 0.0
        for (index, a) in chart.annotations.enumerated() where a.near == nil {
            let block = try AnnotationBlock(a, theme: theme, canvas: canvas, maxWidth: annotationWidth)
            let area = plot.insetBy(8)
            let boxes = a.candidates.map { PlacementSearch.box($0, size: block.size, area: area) }
                + PlacementSearch.scan(size: block.size, area: area)
            let free = boxes.first { box in
                area.contains(box, tolerance: 0.5) && obstacles.leavesDataVisible(box)
                    && !taken.contains { $0.intersects(box) }
            }
            if let free {
                taken.append(free)
            } else {
                outside.insert(index)
                let wide = try AnnotationBlock(a, theme: theme, canvas: canvas, maxWidth: bandWidth)
                band += wide.size.height + theme.textPadding
            }
        }
        outsideAnnotations = outside
        plannedAnnotationBoxes = taken
        annotationBand = band
        return !outside.isEmpty
    }

    func drawAnnotations(obstacles: Obstacles) throws {
        var bandY = plot.minY - annotationBand - canvas.measure(markup: "0", style: tickStyle).height / 2
        for (index, a) in chart.annotations.enumerated() {
            let outside = outsideAnnotations.contains(index)
            let block = try AnnotationBlock(a, theme: theme, canvas: canvas, maxWidth: outside ? bandWidth : annotationWidth)
            if outside {
                let x = max(theme.margin, min(plot.minX, chart.size.width - theme.margin - block.size.width))
                block.draw(in: Rect(x: x, y: bandY, width: block.size.width, height: block.size.height), on: canvas,
                           background: theme.background)
                bandY += block.size.height + theme.textPadding
                continue
            }
            var box = place(block.size, candidates: a.candidates, obstacles: obstacles)
            if let near = a.near {
                // Closest first; crossing a reference rule is allowed here
                // (cost below 10), crossing data is not.
                let nearBoxes = [10.0, 28, 56].flatMap { PlacementSearch.around(screen(near), size: block.size, gap: $0) }
                let text = canvas.textBoxes.map(\.rect) + canvas.placedBoxes
                if let best = PlacementSearch.best(nearBoxes, obstacles: obstacles, text: text, within: plot.insetBy(2)), best.1 < 10 {
                    box = best.0
                } else {
                    // Nowhere near is free: the block went where the plot has
                    // room, and a leader says which point it describes.
                    drawLeader(from: box, wanted: .init(x: screen(near).x, y: screen(near).y, width: 0, height: 0),
                               to: screen(near), item: a.lines.joined(separator: " "))
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
            row.horizontal = !legendStacked
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
