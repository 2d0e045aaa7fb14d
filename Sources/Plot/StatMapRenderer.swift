import Foundation
import Support

/// Lays out and draws a `StatMap`. Every band is measured before the slices
/// are sized: the title on top, the orientation key in a band at the left,
/// the colour bar and its labels in a band at the right, each slice's
/// coordinate under it and the notes under the mosaic. The slices get one
/// scale (pixels per millimetre), the largest at which the mosaic fits what
/// is left, so a voxel keeps its true aspect and every slice the same size.
struct StatMapRenderer {
    let map: StatMap
    let canvas: Canvas
    var theme: Theme { map.theme }

    /// Where the slices went: one rectangle per slice, and the pixels a
    /// millimetre takes.
    struct Grid {
        var panels: [Rect]
        var scale: Double
        var voxel: Size
    }

    func validate() throws {
        guard let first = map.slices.first else { throw PlotError.invalidData("a statistic map needs at least one slice") }
        let rows = first.rowCount, columns = first.columnCount
        guard rows > 0, columns > 0 else { throw PlotError.invalidData("a statistic map's slices need at least one row and one column") }
        for (k, slice) in map.slices.enumerated() {
            guard slice.rowCount == rows, slice.values.allSatisfy({ $0.count == columns }) else {
                throw PlotError.invalidData("slice \(k + 1) is not \(rows) × \(columns) like slice 1")
            }
            if let background = slice.background,
               background.count != rows || !background.allSatisfy({ $0.count == columns }) {
                throw PlotError.invalidData("the background of slice \(k + 1) is not on the map's \(rows) × \(columns) grid")
            }
        }
        guard map.voxelWidth.isFinite, map.voxelHeight.isFinite, map.voxelWidth > 0, map.voxelHeight > 0 else {
            throw PlotError.invalidData("voxel sizes must be positive millimetres, not \(map.voxelWidth) × \(map.voxelHeight)")
        }
        guard map.threshold.value.isFinite, map.threshold.value >= 0 else {
            throw PlotError.invalidData("a threshold must be a non-negative number, not \(map.threshold.value)")
        }
        if let limit = map.limit, !(limit.isFinite && limit > 0) {
            throw PlotError.invalidData("the colour bar's end must be a positive number, not \(limit)")
        }
        if let columns = map.columns, columns < 1 { throw PlotError.invalidData("a mosaic needs at least one column, not \(columns)") }
        if let v = map.marker {
            guard map.slices.indices.contains(v.slice), (0..<rows).contains(v.row), (0..<columns).contains(v.column) else {
                throw PlotError.invalidData("the marked voxel (slice \(v.slice + 1), row \(v.row + 1), column \(v.column + 1)) is outside the map")
            }
        }
    }

    func render() throws {
        try validate()
        let pad = theme.textPadding, m = theme.margin
        let width = map.size.width, height = map.size.height
        let labelStyle = TextStyle(size: theme.tickLabelSize, color: theme.foreground, family: theme.fontFamily)
        let titleStyle = TextStyle(size: theme.titleSize, color: theme.foreground, bold: true, family: theme.fontFamily)
        let letterStyle = TextStyle(size: theme.tickLabelSize, color: theme.foreground, bold: true, family: theme.fontFamily)
        let lineHeight = canvas.measure(markup: "0", style: labelStyle).height

        let titleMarkup = try map.title.map { canvas.wrapped(try TeX.markup($0), style: titleStyle, width: width - 2 * m) }
        let titleHeight = titleMarkup.map { canvas.measure(markup: $0, style: titleStyle).height + pad * 2 } ?? 0
        let notes = map.notes.map { canvas.wrapped(escapeMarkup($0), style: labelStyle, width: width - 2 * m) }
        let noteHeights = notes.map { canvas.measure(markup: $0, style: labelStyle).height }
        let noteHeight = noteHeights.reduce(0) { $0 + $1 + pad }

        // The colour bar's labels: the threshold(s) and the round values that do not crowd them.
        let bar = ColorBarLabels(map: map, canvas: canvas, style: labelStyle)
        let barTitle = try TeX.markup(map.statisticLabel)
        let barTitleSize = canvas.measure(markup: barTitle, style: labelStyle)
        let barWidth = 16.0
        let rightBand = pad * 3 + max(barWidth + theme.tickLength + pad + bar.labelWidth, barTitleSize.width)

        // The orientation key: four letters around a small cross.
        let key = OrientationKey(orientation: map.orientation, canvas: canvas, style: letterStyle, pad: pad)
        let leftBand = key.size.width + pad * 2

        let count = map.slices.count
        let coordinateBand = lineHeight + pad * 2
        let top = m + titleHeight
        let labelWidth = map.slices.map { canvas.measure(markup: escapeMarkup($0.label), style: labelStyle).width }.max() ?? 0
        let sliceWidth = Double(map.slices[0].columnCount) * map.voxelWidth
        let sliceHeight = Double(map.slices[0].rowCount) * map.voxelHeight
        let spanWidth = width - 2 * m - leftBand - rightBand
        /// The scale and the gap between slices for `columns` per row: slices
        /// as large as the width and height allow, at least two paddings
        /// apart, and further apart when their coordinates are wider than
        /// they are (the pitch must hold a coordinate and a padding).
        func fit(_ columns: Int) -> (scale: Double, gap: Double) {
            let rows = (count + columns - 1) / columns
            let c = Double(columns)
            let byHeight = (height - top - m - noteHeight - coordinateBand * Double(rows)) / (Double(rows) * sliceHeight)
            let narrowGaps = (spanWidth - 2 * pad * (c - 1)) / (c * sliceWidth)
            let wideGaps = (spanWidth - (c - 1) * (labelWidth + pad)) / sliceWidth
            // Narrow gaps unless they leave the pitch shorter than a coordinate.
            let byWidth = narrowGaps * sliceWidth + 2 * pad >= labelWidth + pad ? narrowGaps : min(narrowGaps, wideGaps)
            let scale = min(byWidth, byHeight)
            return (scale, max(2 * pad, labelWidth + pad - scale * sliceWidth))
        }
        var columns = min(map.columns ?? count, count)
        // As asked (one row by default) unless the slices would be narrower
        // than their coordinates: then as many per row as keep each slice as
        // wide as its coordinate.
        while columns > 1 && fit(columns).scale * sliceWidth < labelWidth { columns -= 1 }
        let (scale, gapX) = fit(columns)
        guard scale.isFinite, scale > 0 else {
            throw PlotError.invalidData("a \(Int(width)) × \(Int(height)) figure leaves no room for \(count) slices; make it larger or use fewer slices")
        }
        let panelSize = Size(width: sliceWidth * scale, height: sliceHeight * scale)
        let mosaicWidth = Double(columns) * panelSize.width + gapX * Double(columns - 1)
        let x0 = m + leftBand + (spanWidth - mosaicWidth) / 2
        let panels = (0..<count).map { k in
            Rect(x: x0 + Double(k % columns) * (panelSize.width + gapX),
                 y: top + Double(k / columns) * (panelSize.height + coordinateBand),
                 width: panelSize.width, height: panelSize.height)
        }
        let grid = Grid(panels: panels, scale: scale, voxel: Size(width: map.voxelWidth * scale, height: map.voxelHeight * scale))

        drawSlices(grid)
        for (k, (slice, panel)) in zip(map.slices, panels).enumerated() {
            canvas.record(.dataMark, rect: panel, item: "slice \(k + 1)")
            canvas.text(markup: escapeMarkup(slice.label), style: labelStyle, at: Point(panel.midX, panel.maxY + pad), anchor: .top,
                        role: .tickLabel, item: "slice \(k + 1)")
        }
        if let voxel = map.marker { drawMarker(voxel, grid) }

        key.draw(centre: Point(m + leftBand / 2, panels[0].midY))

        let mosaicBottom = panels.map(\.maxY).max() ?? top
        let barTop = top + barTitleSize.height + pad
        // A bar shorter than a few labels cannot show them; it may then reach into the coordinate band.
        let barBottom = max(mosaicBottom, min(barTop + 10 * lineHeight, height - m - noteHeight - lineHeight / 2))
        let barRect = Rect(x: x0 + mosaicWidth + pad * 3, y: barTop, width: barWidth, height: max(barBottom - barTop, 1))
        canvas.text(markup: barTitle, style: labelStyle, at: Point(barRect.minX, top), anchor: .topLeft, role: .axisTitle,
                    item: "colour bar")
        bar.draw(in: barRect, theme: theme)

        var noteY = max(mosaicBottom + coordinateBand, barRect.maxY + lineHeight / 2 + pad)
        for (note, h) in zip(notes, noteHeights) {
            canvas.text(markup: note, style: labelStyle, at: Point(m, noteY), anchor: .topLeft, role: .note)
            noteY += h + pad
        }
        if let titleMarkup {
            canvas.text(markup: titleMarkup, style: titleStyle, at: Point(m, m), anchor: .topLeft, role: .title)
        }
    }

    /// The grey of a background value: 0.12 (darkest) to 0.92, so white
    /// (nothing) stays apart from the palest tissue and black text apart
    /// from the darkest.
    static func grey(_ value: Double, range: ClosedRange<Double>) -> Color? {
        guard value.isFinite else { return nil }
        let span = range.upperBound - range.lowerBound
        let f = span > 0 ? min(1, max(0, (value - range.lowerBound) / span)) : 0.5
        let g = 0.12 + 0.8 * f
        return Color(red: g, green: g, blue: g)
    }

    /// The grey of an in-mask voxel when there is no background: light, so
    /// the shape of the brain shows and the colours stand out.
    static let maskGrey = Color(hex: 0xD0D0D0)

    /// The background's grey range: the map's, else its own extremes.
    var backgroundRange: ClosedRange<Double> {
        if let range = map.backgroundRange { return range }
        let all = map.slices.flatMap { slice -> [Double] in slice.background.map { Array($0.joined()) } ?? [] }.filter(\.isFinite)
        return (all.min() ?? 0)...(all.max() ?? 1)
    }

    /// Every voxel as a rectangle: grey background, then the colour of a
    /// suprathreshold statistic on top. Tiles overlap their neighbours by half
    /// a pixel, drawn without antialiasing, so no seam opens when the
    /// recording is replayed at density 2.
    func drawSlices(_ grid: Grid) {
        let range = backgroundRange, limit = map.barLimit
        let overlap = 0.5
        canvas.withoutAntialiasing {
            for (slice, panel) in zip(map.slices, grid.panels) {
                let rows = slice.rowCount, columns = slice.columnCount
                for r in 0..<rows {
                    for c in 0..<columns {
                        let cell = Rect(x: panel.minX + Double(c) * grid.voxel.width, y: panel.minY + Double(r) * grid.voxel.height,
                                        width: grid.voxel.width + (c < columns - 1 ? overlap : 0),
                                        height: grid.voxel.height + (r < rows - 1 ? overlap : 0))
                        let value = slice.values[r][c]
                        let base = slice.background.flatMap { Self.grey($0[r][c], range: range) }
                            ?? (value.isFinite && slice.background == nil ? Self.maskGrey : nil)
                        let colour = StatColorScale.color(value, threshold: map.threshold, limit: limit) ?? base
                        if let colour { canvas.fill(cell, colour) }
                    }
                }
            }
        }
        for panel in grid.panels { canvas.strokeRect(panel, Color(hex: 0x9A9A9A), width: 0.8) }
    }

    /// A ring around the voxel's centre with four short ticks pointing at it,
    /// black inside white so it shows on any colour. Drawn inside its slice
    /// only: on a voxel at the edge, or on voxels so large that the ring
    /// reaches past the slice, nothing spills over the labels around it.
    func drawMarker(_ voxel: StatMap.Voxel, _ grid: Grid) {
        let panel = grid.panels[voxel.slice]
        let centre = Point(panel.minX + (Double(voxel.column) + 0.5) * grid.voxel.width,
                           panel.minY + (Double(voxel.row) + 0.5) * grid.voxel.height)
        // Around a small voxel; inside a large one, where a ring around it would cover its neighbours.
        let radius = min(max(max(grid.voxel.width, grid.voxel.height) * 0.75, 6), 14)
        let tick = radius * 0.7
        let directions = [(1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0)]
        canvas.clip(to: panel)
        defer { canvas.restore() }
        for (ink, lineWidth) in [(Color.white, 4.0), (Color.black, 1.8)] {
            canvas.polygon((0..<48).map { i in
                let a = Double(i) / 48 * 2 * .pi
                return Point(centre.x + radius * cos(a), centre.y + radius * sin(a))
            }, fill: nil, stroke: ink, width: lineWidth)
            for (dx, dy) in directions {
                canvas.line(from: Point(centre.x + dx * radius, centre.y + dy * radius),
                            to: Point(centre.x + dx * (radius + tick), centre.y + dy * (radius + tick)), color: ink, width: lineWidth)
            }
        }
        let reach = radius + tick
        let x0 = max(panel.minX, centre.x - reach), y0 = max(panel.minY, centre.y - reach)
        let x1 = min(panel.maxX, centre.x + reach), y1 = min(panel.maxY, centre.y + reach)
        canvas.record(.dataMark, rect: Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0),
                      item: "marked voxel (slice \(voxel.slice + 1), row \(voxel.row + 1), column \(voxel.column + 1))")
    }
}

/// The orientation key: the top and bottom letters above and below a small
/// cross, the left and right letters beside it — how every slice is turned.
struct OrientationKey {
    let orientation: StatMap.Orientation
    let canvas: Canvas
    let style: TextStyle
    let pad: Double
    var arm: Double { 9 }

    var letterSizes: (left: Size, right: Size, top: Size, bottom: Size) {
        (canvas.measure(markup: escapeMarkup(orientation.left), style: style),
         canvas.measure(markup: escapeMarkup(orientation.right), style: style),
         canvas.measure(markup: escapeMarkup(orientation.top), style: style),
         canvas.measure(markup: escapeMarkup(orientation.bottom), style: style))
    }

    var size: Size {
        let s = letterSizes
        return Size(width: s.left.width + s.right.width + 2 * arm + 2 * (pad / 2),
                    height: s.top.height + s.bottom.height + 2 * arm + 2 * (pad / 3))
    }

    func draw(centre c: Point) {
        let ink = Color(hex: 0x555555)
        canvas.line(from: Point(c.x - arm, c.y), to: Point(c.x + arm, c.y), color: ink, width: 1.2)
        canvas.line(from: Point(c.x, c.y - arm), to: Point(c.x, c.y + arm), color: ink, width: 1.2)
        let gap = pad / 2, vgap = pad / 3
        canvas.text(markup: escapeMarkup(orientation.left), style: style, at: Point(c.x - arm - gap, c.y), anchor: .right,
                    role: .annotation, item: "orientation left")
        canvas.text(markup: escapeMarkup(orientation.right), style: style, at: Point(c.x + arm + gap, c.y), anchor: .left,
                    role: .annotation, item: "orientation right")
        canvas.text(markup: escapeMarkup(orientation.top), style: style, at: Point(c.x, c.y - arm - vgap), anchor: .bottom,
                    role: .annotation, item: "orientation top")
        canvas.text(markup: escapeMarkup(orientation.bottom), style: style, at: Point(c.x, c.y + arm + vgap), anchor: .top,
                    role: .annotation, item: "orientation bottom")
    }
}

/// The colour bar of a statistic map: each arm as a gradient from the
/// threshold to the bar's end, the band below the threshold left pale with a
/// line at each threshold, the threshold values labelled, and round values
/// labelled where they do not crowd a threshold's label.
struct ColorBarLabels {
    let map: StatMap
    var low: Double
    var high: Double
    var labels: [(value: Double, text: String, threshold: Bool)]
    var labelWidth: Double
    /// The bar's ends, when labelled.
    var ends: [Double]
    let canvas: Canvas
    let style: TextStyle

    init(map: StatMap, canvas: Canvas, style: TextStyle) {
        self.map = map; self.canvas = canvas; self.style = style
        let limit = map.barLimit, u = map.threshold.value
        let (low, high): (Double, Double) = switch map.threshold {
        case .twoSided: (-limit, limit)
        case .upper: (0, limit)
        }
        self.low = low; self.high = high
        let thresholds: [Double] = switch map.threshold {
        case .twoSided: u > 0 ? [-u, u] : [0]
        case .upper: [u]
        }
        let thresholdText = thresholds.map { NumberFormat.statistic($0).text(.unicode) }
        // The bar's ends, so the strongest value is read off the bar, then
        // round values at least a line (in the bar's own units, taking a bar
        // about ten lines tall) away from every threshold and end.
        // Not when no value reaches the threshold: the bar then ends past every value, and its end names none.
        let reached = (map.limit ?? map.largestMagnitude) >= u
        let ends = (map.threshold == .twoSided(u) ? [low, high] : [high]).filter { e in reached && thresholds.allSatisfy { abs(e - $0) > 1e-9 } }
        self.ends = ends
        let clearance = (high - low) / 10 * 1.1
        let round = TickGenerator().ticks(lower: low, upper: high, target: 5)
            .filter { t in t >= low - 1e-12 && t <= high + 1e-12 && (thresholds + ends).allSatisfy { abs(t - $0) > clearance } }
        let roundText = TickFormatter().labels(for: round)
        labels = zip(thresholds, thresholdText).map { ($0, escapeMarkup($1), true) }
            + ends.map { ($0, escapeMarkup(NumberFormat.statistic($0).text(.unicode)), false) }
            + zip(round, roundText).map { ($0, escapeMarkup($1), false) }
        var bold = style
        bold.bold = true
        labelWidth = labels.map { canvas.measure(markup: $0.text, style: $0.threshold ? bold : style).width }.max() ?? 0
    }

    func y(_ value: Double, in bar: Rect) -> Double { bar.maxY - (value - low) / (high - low) * bar.height }

    func draw(in bar: Rect, theme: Theme) {
        let u = map.threshold.value
        // The arms, each between its threshold and its end.
        func arm(_ colors: [Color], from: Double, to: Double) {
            let y0 = y(from, in: bar), y1 = y(to, in: bar)
            let rect = Rect(x: bar.minX, y: min(y0, y1), width: bar.width, height: abs(y1 - y0))
            guard rect.height > 0 else { return }
            // The gradient runs bottom (0) to top (1); a negative arm is darkest at its top.
            let stops = StatColorScale.gradientStops(colors)
            canvas.fillVerticalGradient(rect, stops: from < to ? stops : stops.map { (1 - $0.0, $0.1) }.reversed())
        }
        canvas.fill(bar, Color(hex: 0xF2F2F2))
        arm(StatColorScale.positiveArm, from: max(u, low), to: high)
        if case .twoSided = map.threshold { arm(StatColorScale.negativeArm, from: -u, to: low) }
        canvas.strokeRect(bar, theme.foreground, width: 1)
        let lineHeight = canvas.measure(markup: "0", style: style).height
        // Labels pushed apart where a short bar brings them closer than a line.
        var placed: [(label: (value: Double, text: String, threshold: Bool), y: Double)] = []
        // Thresholds first, then the ends, then round values: the order `labels` holds them in.
        for label in labels {
            let ly = y(label.value, in: bar)
            if placed.contains(where: { abs($0.y - ly) < lineHeight }) { continue }
            placed.append((label, ly))
        }
        // Round values that survived are formatted as a set of their own
        // (0 alone reads "0", not the "0.0" it has beside 2.5).
        let roundPlaced = placed.filter { !$0.label.threshold && !ends.contains($0.label.value) }.map(\.label.value)
        let roundText = Dictionary(uniqueKeysWithValues: zip(roundPlaced, TickFormatter().labels(for: roundPlaced).map(escapeMarkup)))
        for (label, ly) in placed {
            if label.threshold {
                canvas.line(from: Point(bar.minX, ly), to: Point(bar.maxX, ly), color: theme.foreground, width: 1.2)
            }
            canvas.line(from: Point(bar.maxX, ly), to: Point(bar.maxX + theme.tickLength, ly), color: theme.foreground, width: 1)
            var labelStyle = style
            labelStyle.bold = label.threshold
            canvas.text(markup: roundText[label.value] ?? label.text, style: labelStyle, at: Point(bar.maxX + theme.tickLength + theme.textPadding, ly), anchor: .left,
                        role: .tickLabel, item: (label.threshold ? "threshold = " : "colour bar = ") + LayoutItem.number(label.value))
        }
    }
}
