import CCairo

/// Charts shown together in one figure: side by side, each an equal share of
/// the width, or stacked, each an equal share of the height, under an
/// optional title. A reader compares them at a glance (residuals against
/// fitted values beside their normal Q–Q plot), and a course places one image.
///
/// Each panel is laid out as the chart it is, at its share of the size; what
/// it records (text boxes, obstacles, placed boxes) is moved into the
/// figure's coordinates, so the layout check sees the figure as one.
public struct Panels: Figure {
    public enum Arrangement: Sendable { case sideBySide, stacked }

    public var panels: [Chart]
    public var size: Size
    public var theme: Theme
    public var title: String?
    public var arrangement: Arrangement
    /// The SVG's `<title>` and `<desc>` and the PDF's title (see `FigureAccessibility`).
    public var accessibility: FigureAccessibility?

    public init(_ panels: [Chart], size: Size, arrangement: Arrangement = .sideBySide, title: String? = nil,
                theme: Theme = .textbook) {
        self.panels = panels; self.size = size; self.arrangement = arrangement; self.title = title; self.theme = theme
    }

    var titleStyle: TextStyle { TextStyle(size: theme.titleSize, color: theme.foreground, bold: true, family: theme.fontFamily) }

    /// Each panel with its frame on the figure, below `top`.
    func placed(top: Double) -> [(chart: Chart, origin: Point)] {
        let count = Double(max(1, panels.count))
        let width = arrangement == .sideBySide ? size.width / count : size.width
        let height = arrangement == .sideBySide ? size.height - top : (size.height - top) / count
        return panels.enumerated().map { index, panel in
            var chart = panel
            chart.size = Size(width: width, height: max(1, height))
            let origin = arrangement == .sideBySide ? Point(Double(index) * width, top) : Point(0, top + Double(index) * height)
            return (chart, origin)
        }
    }

    public func draw(on canvas: Canvas) throws {
        var top = 0.0
        if let title {
            let markup = canvas.wrapped(try TeX.markup(title), style: titleStyle, width: size.width - 2 * theme.margin)
            canvas.text(markup: markup, style: titleStyle, at: Point(theme.margin, theme.margin), anchor: .topLeft, role: .title)
            top = theme.margin + canvas.measure(markup: markup, style: titleStyle).height
        }
        for (chart, origin) in placed(top: top) {
            try canvas.drawPanel(at: origin, size: chart.size) { try chart.draw(on: $0) }
        }
    }

    public func validateScales() throws {
        // The title's height is not known before drawing; a panel checked at its
        // full share is checked at a size no smaller than drawn, less the title.
        for (chart, _) in placed(top: 0) { try chart.validateScales() }
    }
}

extension Canvas {
    /// Draws `body` on a canvas of `size` whose origin is `origin` on this one,
    /// and keeps what it recorded, moved into this canvas's coordinates.
    func drawPanel(at origin: Point, size: Size, _ body: (Canvas) throws -> Void) throws {
        cairo_save(cr)
        cairo_translate(cr, origin.x, origin.y)
        defer { cairo_restore(cr) }
        let panel = Canvas(cr: cr, pango: pango, size: size)
        try body(panel)
        func moved(_ r: Rect) -> Rect { Rect(x: r.x + origin.x, y: r.y + origin.y, width: r.width, height: r.height) }
        func moved(_ p: Point) -> Point { Point(p.x + origin.x, p.y + origin.y) }
        textBoxes += panel.textBoxes.map { box in
            var box = box
            box.rect = moved(box.rect)
            return box
        }
        placedBoxes += panel.placedBoxes.map(moved)
        obstacles += panel.obstacles.map { obstacle in
            var obstacle = obstacle
            switch obstacle.shape {
            case .rect(let r): obstacle.shape = .rect(moved(r))
            case .segment(let a, let b): obstacle.shape = .segment(moved(a), moved(b))
            }
            return obstacle
        }
    }
}
