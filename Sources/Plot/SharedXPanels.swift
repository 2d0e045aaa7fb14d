import CCairo

/// Charts stacked over one shared x axis: each panel keeps its own y axis,
/// title and legend, but every plot area starts and ends at the same x, all
/// panels show the same x domain at the same ticks, and the x axis is
/// labelled once, under the bottom panel. It is how a time course is read in
/// layers (the stimulus events, the response they predict, the regressor
/// sampled at the scans): a reader drops a vertical line through all panels
/// and reads one moment in each.
///
/// Unlike `Panels`, which lays each chart out on its own, this figure
/// arranges every panel first (`ChartRenderer.arrange`) to learn how much
/// room its y labels and legend take, then draws them all with the widest
/// margins (`ChartAlignment`). Panel heights share out the room the plot
/// areas get, by `weights`, after each panel's own titles and labels.
public struct SharedXPanels: Figure {
    public var panels: [Chart]
    /// Relative plot-area heights; nil or a count other than the panels' gives equal heights.
    public var weights: [Double]?
    /// The shared x axis (title, domain, ticks); each panel's own `x` is replaced by it.
    public var x: Axis
    public var size: Size
    public var theme: Theme
    public var title: String?
    public var accessibility: FigureAccessibility?

    public init(_ panels: [Chart], x: Axis, size: Size, weights: [Double]? = nil, title: String? = nil, theme: Theme = .textbook) {
        self.panels = panels; self.x = x; self.size = size; self.weights = weights; self.title = title; self.theme = theme
    }

    /// The height at which every plot area gets at least its least height (three
    /// y ticks, its y title; `share` gives up the weights to keep them), measured at this size: a kind
    /// whose spec gives no height takes the larger of its own and this, so long
    /// legends or titles at a narrow width do not squeeze the panels.
    public func fittingHeight() throws -> Double {
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nil)!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        return try FontSystem.shared.withContext { pango in
            let canvas = Canvas(cr: cr, pango: pango, size: size)
            let top = try titleHeight(on: canvas)?.height ?? 0
            return try arranged(on: canvas, top: top).needed.rounded(.up)
        }
    }

    var titleStyle: TextStyle { TextStyle(size: theme.titleSize, color: theme.foreground, bold: true, family: theme.fontFamily) }

    /// The panels as they are drawn: aligned, with their frames on the figure
    /// below `top`, measured with `canvas`'s fonts.
    struct Arranged {
        var chart: Chart
        var origin: Point
        /// The plot area in figure coordinates.
        var plotArea: Rect
    }

    /// Lays the panels out without drawing them: the shared axis resolved once
    /// from every panel's data, then each panel's margins and height.
    func arranged(on canvas: Canvas, top: Double) throws -> (panels: [Arranged], needed: Double) {
        guard !panels.isEmpty else { return ([], top) }
        let last = panels.count - 1
        var charts = panels.enumerated().map { index, panel in
            var chart = panel
            chart.theme = theme
            chart.size = Size(width: size.width, height: max(60, (size.height - top) / Double(panels.count)))
            chart.alignment = ChartAlignment(xTickLabels: index == last, xTitle: index == last)
            return chart
        }
        // One domain for all: the union of every panel's x values, unless fixed.
        var shared = x
        if shared.domain == nil {
            let xs = charts.flatMap { ChartRenderer.extents($0.marks).0 }.filter(\.isFinite)
            let probe = try AxisLayout.resolve(x, name: "x", values: xs, count: x.tickCount, extent: size.width)
            shared.domain = probe.domain
        }
        for i in charts.indices { charts[i].x = shared }
        // The bottom panel, which prints the tick labels, chooses the ticks
        // (fewer when they crowd); every panel then draws its grid at them.
        if shared.ticks == nil {
            var bottom = try ChartRenderer(chart: charts[last], canvas: measuring(on: canvas, charts[last].size))
            _ = try bottom.arrange()
            shared.ticks = bottom.xAxis.ticks
            for i in charts.indices { charts[i].x = shared }
        }
        // Widest margins, then heights, in turns: a margin fixed for one panel
        // can move another's legend, and what a panel needs around its plot
        // area depends on its height (a legend that fits inside a tall plot
        // goes under a short one; a shorter axis can tick at −1 and need a
        // wider label), so both are measured again until they settle.
        let w = weights?.count == charts.count ? weights!.map { max(0, $0) } : Array(repeating: 1, count: charts.count)
        // No plot area shorter than three y ticks need, or than its y title
        // is long (a longer one would run up into the panel's title).
        let tickStyle = TextStyle(size: theme.tickLabelSize, color: theme.foreground, family: theme.fontFamily)
        let axisTitleStyle = TextStyle(size: theme.axisTitleSize, color: theme.foreground, family: theme.fontFamily)
        let ticks = canvas.measure(markup: "0", style: tickStyle).height * minimumPlotLines
        let lowest = try charts.map { chart in
            max(ticks, chart.y.title.isEmpty ? 0 : canvas.measure(markup: try TeX.markup(chart.y.title), style: axisTitleStyle).width + 4)
        }
        for round in 0..<4 {
            try align(&charts, on: canvas)
            if round == 3 { break }
            let plots = try charts.map { try plotArea(of: $0, on: canvas) }
            let chrome = zip(charts, plots).map { $0.size.height - $1.height }
            let room = max(Double(charts.count) * 10, size.height - top - chrome.reduce(0, +))
            let heights = Self.share(room, by: w, lowest: lowest)
            for i in charts.indices { charts[i].size.height = max(1, chrome[i] + heights[i]) }
        }
        let plots = try charts.map { try plotArea(of: $0, on: canvas) }
        let chrome = zip(charts, plots).map { $0.size.height - $1.height }
        let needed = top + chrome.reduce(0, +) + lowest.reduce(0, +)
        var y = top
        var result: [Arranged] = []
        for i in charts.indices {
            let plot = try plotArea(of: charts[i], on: canvas)
            result.append(Arranged(chart: charts[i], origin: Point(0, y),
                                   plotArea: Rect(x: plot.minX, y: plot.minY + y, width: plot.width, height: plot.height)))
            y += charts[i].size.height
        }
        return (result, needed)
    }

    /// Tick-label lines the shortest plot area keeps: three y ticks 1.8 lines
    /// apart (the spacing `ChartRenderer` keeps), which loose labelling
    /// spreads over no more than about three quarters of a padded domain.
    let minimumPlotLines = 5.0

    /// `room` shared out by `weights`, except that no share falls below its
    /// `lowest` while there is room for it: those get their `lowest` and the
    /// others share the rest by weight.
    static func share(_ room: Double, by weights: [Double], lowest: [Double]) -> [Double] {
        var fixed = Set<Int>()
        var heights = weights.map { _ in 0.0 }
        while true {
            let free = weights.indices.filter { !fixed.contains($0) }
            let left = room - fixed.map { lowest[$0] }.reduce(0, +)
            let total = free.map { weights[$0] }.reduce(0, +)
            for i in free { heights[i] = total > 0 ? left * weights[i] / total : left / Double(free.count) }
            for i in fixed { heights[i] = lowest[i] }
            let short = free.filter { heights[$0] < lowest[$0] }
            if short.isEmpty || short.count == free.count || lowest.reduce(0, +) > room { return heights }
            fixed.formUnion(short)
        }
    }


    /// Gives every panel the widest left and right margins any of them needs
    /// at its present size; twice, since a wider margin can move a legend.
    func align(_ charts: inout [Chart], on canvas: Canvas) throws {
        for _ in 0..<2 {
            let plots = try charts.map { try plotArea(of: $0, on: canvas) }
            let left = plots.map(\.minX).max() ?? 0
            let right = zip(charts, plots).map { $0.size.width - $1.maxX }.max() ?? 0
            for i in charts.indices {
                charts[i].alignment.plotLeft = left
                charts[i].alignment.plotRightMargin = right
            }
        }
    }

    func measuring(on canvas: Canvas, _ size: Size) -> Canvas { Canvas(cr: canvas.cr, pango: canvas.pango, size: size) }

    func plotArea(of chart: Chart, on canvas: Canvas) throws -> Rect {
        var renderer = try ChartRenderer(chart: chart, canvas: measuring(on: canvas, chart.size))
        _ = try renderer.arrange()
        return renderer.plot
    }

    func titleHeight(on canvas: Canvas) throws -> (markup: String, height: Double)? {
        guard let title else { return nil }
        let markup = canvas.wrapped(try TeX.markup(title), style: titleStyle, width: size.width - 2 * theme.margin)
        return (markup, theme.margin + canvas.measure(markup: markup, style: titleStyle).height)
    }

    public func draw(on canvas: Canvas) throws {
        var top = 0.0
        if let (markup, height) = try titleHeight(on: canvas) {
            canvas.text(markup: markup, style: titleStyle, at: Point(theme.margin, theme.margin), anchor: .topLeft, role: .title)
            top = height
        }
        for panel in try arranged(on: canvas, top: top).panels {
            try canvas.drawPanel(at: panel.origin, size: panel.chart.size) { try panel.chart.draw(on: $0) }
        }
    }

    public func validateScales() throws {
        for panel in panels {
            var chart = panel
            chart.x = x
            chart.size = Size(width: size.width, height: size.height / Double(max(1, panels.count)))
            try chart.validateScales()
        }
    }
}
