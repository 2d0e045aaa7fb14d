import Foundation

/// Lays out and draws a `Chart`: resolves axes, measures labels to size the
/// margins, draws marks clipped to the plot area, then axes, titles,
/// annotations and legend, keeping every text box off data and other text.
struct ChartRenderer {
    let chart: Chart
    let canvas: Canvas
    let theme: Theme
    /// Resolved colour of each mark.
    let colors: [Color]

    var plot = Rect(x: 0, y: 0, width: 1, height: 1)
    var xAxis: AxisLayout
    var yAxis: AxisLayout
    var sx = LinearScale(domain: 0...1)
    var sy = LinearScale(domain: 0...1)
    var legendOutside = false
    var legendBelow = false
    var legendSize = Size(width: 0, height: 0)
    var legendRowSize = Size(width: 0, height: 0)
    /// Titles and x tick labels as drawn: wrapped to the room they have.
    var titleMarkup: String?
    var xTitleMarkup = ""
    var yTitleMarkup = ""
    var xLabelMarkup: [String] = []
    /// Height kept above the plot for annotations that find no spot inside it
    /// free of data, and the blocks that go there.
    var annotationBand = 0.0
    var outsideAnnotations: Set<Int> = []
    /// Where the annotations that stay inside the plot are expected to go.
    var plannedAnnotationBoxes: [Rect] = []
    /// A legend under the plot drawn as a column rather than a row.
    var legendStacked = false
    /// x tick labels drawn reading upwards (see `xTickLabelMarkup`).
    var xLabelsTurned = false

    init(chart: Chart, canvas: Canvas) throws {
        self.chart = chart
        self.canvas = canvas
        self.theme = chart.theme
        var series = 0
        var colors: [Color] = []
        for mark in chart.marks {
            if let c = mark.color { colors.append(c); if mark.isSeries { series += 1 } } else if mark.isSeries {
                colors.append(chart.theme.color(series)); series += 1
            } else {
                colors.append(chart.theme.mutedForeground)
            }
        }
        self.colors = colors
        let (xs, ys) = ChartRenderer.extents(chart.marks)
        xAxis = try AxisLayout.resolve(chart.x, name: "x", values: xs, count: chart.x.tickCount, extent: chart.size.width)
        yAxis = try AxisLayout.resolve(chart.y, name: "y", values: ys, count: chart.y.tickCount, extent: chart.size.height)
        try ChartRenderer.checkLines(chart, x: xAxis.domain, y: yAxis.domain)
    }

    /// All x and y values the marks need to show.
    static func extents(_ marks: [Mark]) -> ([Double], [Double]) {
        var xs: [Double] = [], ys: [Double] = []
        func add(_ p: Point) { xs.append(p.x); ys.append(p.y) }
        for m in marks {
            switch m.geometry {
            case .points(let ps, _), .polyline(let ps), .polygon(let ps): ps.forEach(add)
            case .segments(let ss): ss.forEach { add($0.from); add($0.to) }
            case .band(let x, let lo, let hi): xs += x; ys += lo + hi
            case .arrow(let a, let b), .bracket(let a, let b, _): add(a); add(b)
            case .text(_, let p, _, _): add(p)
            case .horizontalRule(let y): ys.append(y)
            case .verticalRule(let x): xs.append(x)
            case .line: break
            }
        }
        return (xs, ys)
    }

    var tickStyle: TextStyle { TextStyle(size: theme.tickLabelSize, color: theme.foreground, family: theme.fontFamily) }
    var axisTitleStyle: TextStyle { TextStyle(size: theme.axisTitleSize, color: theme.foreground, family: theme.fontFamily) }
    var titleStyle: TextStyle { TextStyle(size: theme.titleSize, color: theme.foreground, bold: true, family: theme.fontFamily) }

    // MARK: Layout

    mutating func layout() throws {
        let pad = theme.textPadding, m = theme.margin
        let tickStyle = self.tickStyle
        let yLabelWidth = yAxis.labels.map { canvas.measure(markup: $0, style: tickStyle).width }.max() ?? 0
        let tickHeight = canvas.measure(markup: "0", style: tickStyle).height
        // Titles longer than the figure wrap rather than run off it.
        titleMarkup = try chart.title.map { canvas.wrapped(try TeX.markup($0), style: titleStyle, width: chart.size.width - 2 * m) }
        let titleHeight = titleMarkup.map { canvas.measure(markup: $0, style: titleStyle).height + pad } ?? 0
        try setAxisTitles(titleHeight: titleHeight)
        let yTitleHeight = yTitleMarkup.isEmpty ? 0 : canvas.measure(markup: yTitleMarkup, style: axisTitleStyle).height
        let xTitleHeight = xTitleMarkup.isEmpty ? 0 : canvas.measure(markup: xTitleMarkup, style: axisTitleStyle).height

        let left = max(chart.alignment.plotLeft ?? 0,
                       m + yTitleHeight + (yTitleHeight > 0 ? pad * 1.5 : 0) + yLabelWidth + pad + theme.tickLength)
        var right = max(m, chart.alignment.plotRightMargin ?? 0)
        if legendOutside { right = max(right, m + legendSize.width + pad * 2) }
        // Tick labels given as words (group names) wrap to the room between
        // ticks; twice, because the last label's width sets the right margin.
        let fixedRight = right
        var labelWidth = 0.0
        for _ in 0..<2 {
            let plotWidth = chart.size.width - left - right
            labelWidth = plotWidth
            if xAxis.ticks.count > 1 {
                let span = xAxis.domain.upperBound - xAxis.domain.lowerBound
                let gaps = zip(xAxis.ticks.dropFirst(), xAxis.ticks).map { ($0 - $1) / max(span, 1e-300) * plotWidth }
                labelWidth = (gaps.min() ?? plotWidth) - theme.tickLabelSize
            }
            xLabelMarkup = xTickLabelMarkup(width: labelWidth)
            let lastXLabel = chart.alignment.xTickLabels ? xLabelMarkup.last.map { xTickLabelExtent($0).width } ?? 0 : 0
            right = max(fixedRight, m + lastXLabel / 2)
        }
        let xLabelHeight = xLabelMarkup.map { xTickLabelExtent($0).height }.max() ?? tickHeight
        // A panel whose x axis is labelled by the panel below keeps only its
        // tick marks and a little room under them.
        let xLabelRoom = chart.alignment.xTickLabels ? max(tickHeight, xLabelHeight) + pad * 0.5 : 0

        let bottom = m + xTitleHeight + (xTitleHeight > 0 ? pad : 0) + xLabelRoom + theme.tickLength
            + (legendBelow ? legendRowSize.height + pad * 1.5 : 0)
        let top = m + titleHeight + annotationBand + tickHeight / 2
        plot = Rect(x: left, y: top, width: max(10, chart.size.width - left - right),
                    height: max(10, chart.size.height - top - bottom))
        sx = LinearScale(domain: xAxis.domain, range: (plot.minX, plot.maxX))
        sy = LinearScale(domain: yAxis.domain, range: (plot.maxY, plot.minY))

        // Fewer ticks while neighbouring x labels would come closer than 1.5 em,
        // or y labels closer than one line.
        let (xs, ys) = ChartRenderer.extents(chart.marks)
        if chart.x.ticks == nil && chart.alignment.xTickLabels {
            var count = chart.x.tickCount
            while count > 2 && xLabelsCrowd() {
                count -= 1
                xAxis = try AxisLayout.resolve(chart.x, name: "x", values: xs, count: count, extent: chart.size.width)
            }
        }
        if chart.y.ticks == nil {
            var count = chart.y.tickCount
            while count > 2 && yLabelsCrowd(lineHeight: tickHeight) {
                count -= 1
                yAxis = try AxisLayout.resolve(chart.y, name: "y", values: ys, count: count, extent: chart.size.height)
            }
        }
        xLabelMarkup = xTickLabelMarkup(width: labelWidth)
        // Fewer ticks can end on a smaller power of ten than the title states.
        try setAxisTitles(titleHeight: titleHeight)
    }

    /// The axis titles with the power of ten their tick labels leave out.
    mutating func setAxisTitles(titleHeight: Double) throws {
        let m = theme.margin
        let xTitle = xAxis.title(for: chart.x), yTitle = yAxis.title(for: chart.y)
        xTitleMarkup = xTitle.isEmpty || !chart.alignment.xTitle ? "" : canvas.wrapped(try TeX.markup(xTitle), style: axisTitleStyle, width: chart.size.width - 2 * m)
        yTitleMarkup = yTitle.isEmpty ? "" : canvas.wrapped(try TeX.markup(yTitle), style: axisTitleStyle,
                                                             width: chart.size.height - 2 * m - titleHeight)
    }

    func yLabelsCrowd(lineHeight: Double) -> Bool {
        for i in 1..<max(1, yAxis.ticks.count) where abs(sy(yAxis.ticks[i]) - sy(yAxis.ticks[i - 1])) < lineHeight * 1.8 {
            return true
        }
        return false
    }

    func xLabelsCrowd() -> Bool {
        let widths = xAxis.labels.map { canvas.measure(markup: $0, style: tickStyle).width }
        for i in 1..<max(1, xAxis.ticks.count) {
            let gap = abs(sx(xAxis.ticks[i]) - sx(xAxis.ticks[i - 1])) - (widths[i] + widths[i - 1]) / 2
            if gap < theme.tickLabelSize * 1.5 { return true }
        }
        return false
    }

    func screen(_ p: Point) -> Point { Point(sx(p.x), sy(p.y)) }

    // MARK: Drawing

    /// Where a legend that cannot sit inside the plot goes: under it in a row
    /// when the row fits the canvas; else a column at the right, unless that
    /// column would take more than a third of the width the data need (a
    /// 500-pixel figure with long entries), when the column goes under the plot.
    mutating func leaveThePlot(rowFits: Bool) {
        if rowFits {
            legendBelow = true
        } else if legendSize.width > chart.size.width / 3 {
            legendBelow = true
            legendStacked = true
            legendRowSize = legendSize
        } else {
            legendOutside = true
        }
    }

    mutating func render() throws {
        let obstacles = try arrange()
        drawGrid()
        canvas.clip(to: plot.insetBy(-1))
        for (i, mark) in chart.marks.enumerated() { drawMark(mark, color: colors[i]) }
        canvas.restore()
        // Axes first, so that labels placed next are kept off the tick labels.
        try drawAxes()
        for (i, mark) in chart.marks.enumerated() { try drawMarkText(mark, color: colors[i], obstacles: obstacles) }
        try drawAnnotations(obstacles: obstacles)
        try drawLegend(obstacles: obstacles)
    }

    /// Decides everything drawing needs (margins, legend spot, annotations
    /// moved out, ticks) without drawing, and returns the data's footprint.
    /// A figure aligning charts arranges each first to learn its plot area.
    mutating func arrange() throws -> Obstacles {
        legendSize = try measureLegend()
        if legendSize.width > 0 {
            var row = try legend()
            row.horizontal = true
            legendRowSize = row.size(on: canvas)
        }
        let rowFits = legendRowSize.width <= chart.size.width - 2 * theme.margin
        try layout()
        var obstacles = dataObstacles()
        if case .automatic = chart.legend, legendSize.width > 0 {
            // Leave the plot only if no inside spot is free of data.
            let inside = PlacementSearch.best(Placement.preferred.map { PlacementSearch.box($0, size: legendSize, area: plot.insetBy(8)) },
                                              obstacles: obstacles, text: [], within: plot)
            if inside == nil || inside!.1 >= 10 {
                leaveThePlot(rowFits: rowFits)
                try layout()
                obstacles = dataObstacles()
            }
        } else if case .outsideRight = chart.legend, legendSize.width > 0 {
            legendOutside = true
            try layout()
            obstacles = dataObstacles()
        } else if case .below = chart.legend, legendSize.width > 0 {
            leaveThePlot(rowFits: rowFits)
            try layout()
            obstacles = dataObstacles()
        }

        if try moveCrowdedAnnotationsOut(obstacles: obstacles) {
            try layout()
            obstacles = dataObstacles()
        }
        // An automatic legend chose its spot before the annotations took theirs;
        // if they leave it no spot free of data, it leaves the plot after all.
        if case .automatic = chart.legend, legendSize.width > 0, !legendBelow, !legendOutside {
            let boxes = Placement.preferred.map { PlacementSearch.box($0, size: legendSize, area: plot.insetBy(8)) }
            let inside = PlacementSearch.best(boxes, obstacles: obstacles, text: plannedAnnotationBoxes, within: plot)
            if inside == nil || inside!.1 >= 10 {
                // Under the plot, in a column when a row is too wide: a column at
                // the right would take the plot's width, which the data need more.
                legendBelow = true
                if !rowFits {
                    legendStacked = true
                    legendRowSize = legendSize
                }
                try layout()
                obstacles = dataObstacles()
                if try moveCrowdedAnnotationsOut(obstacles: obstacles) {
                    try layout()
                    obstacles = dataObstacles()
                }
            }
        }
        return obstacles
    }

    func drawGrid() {
        let showX = chart.x.grid ?? theme.showGrid, showY = chart.y.grid ?? theme.showGrid
        if showX {
            for t in xAxis.ticks { canvas.line(from: Point(sx(t), plot.minY), to: Point(sx(t), plot.maxY), color: theme.gridColor, width: theme.gridLineWidth) }
        }
        if showY {
            for t in yAxis.ticks { canvas.line(from: Point(plot.minX, sy(t)), to: Point(plot.maxX, sy(t)), color: theme.gridColor, width: theme.gridLineWidth) }
        }
    }

    /// A line is drawn between its heights at the ends of the x domain, which are
    /// not among the data extents: they must be finite and fit the canvas too.
    static func checkLines(_ chart: Chart, x: ClosedRange<Double>, y: ClosedRange<Double>) throws {
        for mark in chart.marks {
            guard case .line(let a, let b) = mark.geometry else { continue }
            let ends = [x.lowerBound, x.upperBound].map { a + b * $0 }
            try SceneScales.checkFinite(ends, axis: "y")
            try SceneScales.check(values: ends, axis: "y", domain: y, extent: chart.size.height)
        }
    }

    func lineEnds(intercept a: Double, slope b: Double) -> (Point, Point) {
        let x0 = xAxis.domain.lowerBound, x1 = xAxis.domain.upperBound
        return (screen(Point(x0, a + b * x0)), screen(Point(x1, a + b * x1)))
    }

    func drawMark(_ mark: Mark, color: Color) {
        let width = mark.size ?? theme.lineWidth
        switch mark.geometry {
        case .points(let ps, let shape):
            let r = mark.size ?? theme.pointRadius
            let fill = color.withAlpha(mark.alpha ?? theme.pointAlpha)
            if ps.count > PointDensity.pointThreshold {
                let cloud = density(of: ps)
                canvas.draw(cloud, color: color.withAlpha(mark.alpha ?? 1))
                for block in cloud.occupiedBlocks() { canvas.record(.dataMark, rect: block, item: mark.label) }
                return
            }
            for p in ps where p.x.isFinite && p.y.isFinite {
                let s = screen(p)
                canvas.marker(shape, at: s, radius: r, fill: fill, outline: theme.pointOutline, outlineWidth: 1)
                canvas.record(.dataMark, rect: shape.extent(at: s, radius: r), item: LayoutItem.point(p))
            }
        case .line(let a, let b):
            let (p, q) = lineEnds(intercept: a, slope: b)
            canvas.line(from: p, to: q, color: color.withAlpha(mark.alpha ?? 1), width: width, dash: mark.dash)
            canvas.record(.line, from: p, to: q, item: mark.label)
        case .polyline(let ps):
            let path = ps.map(screen)
            canvas.polyline(path, color: color.withAlpha(mark.alpha ?? 1), width: width, dash: mark.dash)
            recordPath(path, .line, item: mark.label)
        case .segments(let ss):
            let w = mark.size ?? theme.lineWidth * 0.55
            for s in ss {
                canvas.line(from: screen(s.from), to: screen(s.to), color: color.withAlpha(mark.alpha ?? 1), width: w, dash: mark.dash)
                canvas.record(.segment, from: screen(s.from), to: screen(s.to), item: mark.label)
            }
        case .band(let x, let lo, let hi):
            let upper = zip(x, hi).map { screen(Point($0, $1)) }
            let lower = zip(x, lo).map { screen(Point($0, $1)) }.reversed()
            canvas.polygon(upper + lower, fill: color.withAlpha(mark.alpha ?? theme.bandAlpha))
        case .polygon(let ps):
            let path = ps.map(screen)
            canvas.polygon(path, fill: color.withAlpha(mark.alpha ?? theme.bandAlpha), stroke: color, width: 1)
            recordPath(path + path.prefix(1), .line, item: mark.label)
        case .arrow(let a, let b):
            drawArrow(from: screen(a), to: screen(b), color: color, width: mark.size ?? theme.lineWidth * 0.7)
            canvas.record(.segment, from: screen(a), to: screen(b))
        case .bracket(let a, let b, let label):
            let g = bracketGeometry(screen(a), screen(b))
            canvas.polyline(g.path, color: color, width: mark.size ?? 1.6)
            recordPath(g.path, .segment, item: label)
        case .text:
            break
        case .horizontalRule(let y):
            canvas.line(from: Point(plot.minX, sy(y)), to: Point(plot.maxX, sy(y)), color: color, width: mark.size ?? 1.2, dash: mark.dash)
            canvas.record(.referenceLine, from: Point(plot.minX, sy(y)), to: Point(plot.maxX, sy(y)), item: mark.label)
        case .verticalRule(let x):
            canvas.line(from: Point(sx(x), plot.minY), to: Point(sx(x), plot.maxY), color: color, width: mark.size ?? 1.2, dash: mark.dash)
            canvas.record(.referenceLine, from: Point(sx(x), plot.minY), to: Point(sx(x), plot.maxY), item: mark.label)
        }
    }

    /// Records each piece of a drawn path for the layout check.
    func recordPath(_ path: [Point], _ role: ObstacleRole, item: String?) {
        for i in 1..<max(1, path.count) { canvas.record(role, from: path[i - 1], to: path[i], item: item) }
    }

    /// Many points counted into device-pixel cells over the plot area.
    func density(of points: [Point]) -> PointDensity {
        PointDensity(points: points, plot: plot, cellsPerPixel: canvas.densityCellsPerPixel, screen: screen)
    }

    func drawArrow(from a: Point, to b: Point, color: Color, width: Double) {
        let dx = b.x - a.x, dy = b.y - a.y
        let len = max(1e-9, (dx * dx + dy * dy).squareRoot())
        let ux = dx / len, uy = dy / len
        let head = max(9, width * 4)
        let base = Point(b.x - ux * head, b.y - uy * head)
        canvas.line(from: a, to: base, color: color, width: width)
        canvas.polygon([b, Point(base.x - uy * head * 0.45, base.y + ux * head * 0.45),
                        Point(base.x + uy * head * 0.45, base.y - ux * head * 0.45)], fill: color)
    }

    /// A bracket beside the span a→b on its right-hand side (turning from a to
    /// b), with the point and direction its label hangs from.
    func bracketGeometry(_ a: Point, _ b: Point) -> (path: [Point], labelAt: Point, anchor: TextAnchor) {
        let dx = b.x - a.x, dy = b.y - a.y
        let len = max(1e-9, (dx * dx + dy * dy).squareRoot())
        var nx = -dy / len, ny = dx / len
        if nx < 0 || (nx == 0 && ny > 0) { nx = -nx; ny = -ny }
        let gap = 6.0, arm = 9.0
        let path = [Point(a.x + nx * gap, a.y + ny * gap), Point(a.x + nx * (gap + arm), a.y + ny * (gap + arm)),
                    Point(b.x + nx * (gap + arm), b.y + ny * (gap + arm)), Point(b.x + nx * gap, b.y + ny * gap)]
        let mid = Point((a.x + b.x) / 2 + nx * (gap + arm + theme.textPadding), (a.y + b.y) / 2 + ny * (gap + arm + theme.textPadding))
        let anchor: TextAnchor = abs(nx) >= abs(ny) ? (nx > 0 ? .left : .right) : (ny > 0 ? .top : .bottom)
        return (path, mid, anchor)
    }

    /// Text that belongs to marks, drawn unclipped after all marks, where
    /// the figure asked if that spot is free, else at the nearest free spot
    /// (see `DataLabelPlacement`).
    func drawMarkText(_ mark: Mark, color: Color, obstacles: Obstacles) throws {
        let style = TextStyle(size: mark.size ?? theme.annotationSize, color: mark.color ?? theme.foreground, family: theme.fontFamily)
        switch mark.geometry {
        case .text(let tex, let p, let anchor, let offset):
            let s = screen(p)
            let markup = try TeX.markup(tex)
            let wanted = canvas.box(markup: markup, style: style, at: Point(s.x + offset.x, s.y + offset.y), anchor: anchor)
            let box = DataLabelPlacement.place(wanted, near: s, in: plot, obstacles: obstacles, canvas: canvas)
            drawLeader(from: box, wanted: wanted, to: s, item: tex)
            canvas.text(markup: markup, style: style, at: Point(box.minX, box.minY), anchor: .topLeft,
                        halo: theme.background.withAlpha(0.85), role: .dataLabel, item: LayoutItem.point(p))
        case .bracket(let a, let b, let label?):
            let g = bracketGeometry(screen(a), screen(b))
            let labelStyle = TextStyle(size: theme.annotationSize, color: mark.color ?? theme.foreground, family: theme.fontFamily)
            let markup = try TeX.markup(label)
            let wanted = canvas.box(markup: markup, style: labelStyle, at: g.labelAt, anchor: g.anchor)
            let box = DataLabelPlacement.place(wanted, near: g.labelAt, in: plot, obstacles: obstacles, canvas: canvas)
            drawLeader(from: box, wanted: wanted, to: g.labelAt, item: label)
            canvas.text(markup: markup, style: labelStyle, at: Point(box.minX, box.minY), anchor: .topLeft,
                        halo: theme.background.withAlpha(0.85), role: .dataLabel)
        default:
            break
        }
    }

    /// A thin line from a label the placement search moved away from where
    /// the figure asked (`wanted`) back to the point it names, so it is still
    /// read as that point's. A label left where it was asked needs none.
    func drawLeader(from box: Rect, wanted: Rect, to anchor: Point, item: String) {
        let moved = hypot(box.midX - wanted.midX, box.midY - wanted.midY)
        guard moved > DataLabelPlacement.leaderDistance,
              let (a, b) = DataLabelPlacement.leader(from: box, to: anchor) else { return }
        // A halo under the line keeps it readable where it crosses a point cloud.
        canvas.line(from: a, to: b, color: theme.background.withAlpha(0.85), width: 3, roundCap: true)
        canvas.line(from: a, to: b, color: theme.foreground.withAlpha(0.75), width: 1)
        canvas.record(.segment, from: a, to: b, item: "leader to \(item)")
    }

    /// Screen-space footprint of the data, which annotations must avoid.
    func dataObstacles() -> Obstacles {
        var o = Obstacles()
        func addPath(_ ps: [Point]) { for i in 1..<max(1, ps.count) { o.add(ps[i - 1], ps[i]) } }
        for mark in chart.marks {
            switch mark.geometry {
            case .points(let ps, _) where ps.count > PointDensity.pointThreshold:
                for block in density(of: ps).occupiedBlocks() { o.add(block) }
            case .points(let ps, _):
                let r = (mark.size ?? theme.pointRadius) + 2
                for p in ps.map(screen) where p.x.isFinite && p.y.isFinite { o.add(Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r)) }
            case .line(let a, let b):
                let (p, q) = lineEnds(intercept: a, slope: b); o.add(p, q)
            case .polyline(let ps): addPath(ps.map(screen))
            case .polygon(let ps):
                let outline = ps.map(screen) + ps.prefix(1).map(screen)
                for i in 1..<max(1, outline.count) { o.addAreaEdge(outline[i - 1], outline[i]) }
            case .segments(let ss): for s in ss { o.add(screen(s.from), screen(s.to)) }
            case .band(let x, let lo, let hi):
                addPath(zip(x, lo).map { screen(Point($0, $1)) }); addPath(zip(x, hi).map { screen(Point($0, $1)) })
            case .arrow(let a, let b): o.add(screen(a), screen(b))
            case .bracket(let a, let b, _): addPath(bracketGeometry(screen(a), screen(b)).path)
            case .horizontalRule(let y): o.addGuide(Point(plot.minX, sy(y)), Point(plot.maxX, sy(y)))
            case .verticalRule(let x): o.addGuide(Point(sx(x), plot.minY), Point(sx(x), plot.maxY))
            case .text: break
            }
        }
        return o
    }

    func drawAxes() throws {
        let fg = theme.foreground, tl = theme.tickLength, pad = theme.textPadding
        canvas.line(from: Point(plot.minX, plot.maxY), to: Point(plot.maxX, plot.maxY), color: fg, width: theme.axisLineWidth, roundCap: false)
        canvas.line(from: Point(plot.minX, plot.minY), to: Point(plot.minX, plot.maxY), color: fg, width: theme.axisLineWidth)
        canvas.record(.axisLine, from: Point(plot.minX, plot.maxY), to: Point(plot.maxX, plot.maxY), item: "x")
        canvas.record(.axisLine, from: Point(plot.minX, plot.minY), to: Point(plot.minX, plot.maxY), item: "y")
        var centred = tickStyle
        centred.centered = true
        for (t, label) in zip(xAxis.ticks, xLabelMarkup.count == xAxis.ticks.count ? xLabelMarkup : xAxis.labels) {
            let x = sx(t)
            canvas.line(from: Point(x, plot.maxY), to: Point(x, plot.maxY + tl), color: fg, width: theme.axisLineWidth)
            guard chart.alignment.xTickLabels else { continue }
            canvas.text(markup: label, style: centred, at: Point(x, plot.maxY + tl + pad * 0.5),
                        anchor: xLabelsTurned ? .right : .top, rotation: xLabelsTurned ? .pi / 2 : 0, role: .tickLabel, item: "x = \(LayoutItem.number(t))")
        }
        for (t, label) in zip(yAxis.ticks, yAxis.labels) {
            let y = sy(t)
            canvas.line(from: Point(plot.minX - tl, y), to: Point(plot.minX, y), color: fg, width: theme.axisLineWidth)
            canvas.text(markup: label, style: tickStyle, at: Point(plot.minX - tl - pad, y), anchor: .right,
                        role: .tickLabel, item: "y = \(LayoutItem.number(t))")
        }
        var centredTitle = axisTitleStyle
        centredTitle.centered = true
        if !xTitleMarkup.isEmpty {
            let below = legendBelow ? legendRowSize.height + theme.textPadding * 1.5 : 0
            canvas.text(markup: xTitleMarkup, style: centredTitle, at: Point(plot.midX, chart.size.height - theme.margin - below), anchor: .bottom,
                           role: .axisTitle, item: "x")
        }
        if !yTitleMarkup.isEmpty {
            // Centred on the plot, but never up into the title.
            let length = canvas.measure(markup: yTitleMarkup, style: centredTitle).width
            let titleBottom = theme.margin + (titleMarkup.map { canvas.measure(markup: $0, style: titleStyle).height + theme.textPadding } ?? 0)
            let y = min(max(plot.midY, titleBottom + length / 2), chart.size.height - theme.margin - length / 2)
            canvas.text(markup: yTitleMarkup, style: centredTitle, at: Point(theme.margin, y), anchor: .top, rotation: .pi / 2,
                           role: .axisTitle, item: "y")
        }
        if let titleMarkup {
            canvas.text(markup: titleMarkup, style: titleStyle, at: Point(theme.margin, theme.margin), anchor: .topLeft, role: .title)
        }
    }
}
