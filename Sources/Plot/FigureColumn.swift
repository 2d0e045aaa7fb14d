/// Figures drawn one under another in a single image, each at its own size
/// and centred across the widest: a small map that says where a voxel is
/// over the panels of its time series. Each is laid out as the figure it is;
/// what it records is moved into the column's coordinates (`drawPanel`), so
/// the layout check sees the column as one figure.
public struct FigureColumn: Figure {
    public var figures: [any Figure]
    public var theme: Theme
    public var accessibility: FigureAccessibility?
    /// Space between two figures.
    public var gap: Double

    public init(_ figures: [any Figure], gap: Double = 0, theme: Theme = .textbook) {
        self.figures = figures; self.gap = gap; self.theme = theme
    }

    /// As wide as the widest figure, as tall as all of them and the gaps.
    public var size: Size {
        Size(width: figures.map(\.size.width).max() ?? 1,
             height: figures.map(\.size.height).reduce(0, +) + gap * Double(max(0, figures.count - 1)))
    }

    public func draw(on canvas: Canvas) throws {
        guard !figures.isEmpty else { throw PlotError.invalidData("a column of figures needs at least one figure") }
        let width = size.width
        var y = 0.0
        for figure in figures {
            try canvas.drawPanel(at: Point((width - figure.size.width) / 2, y), size: figure.size) { try figure.draw(on: $0) }
            y += figure.size.height + gap
        }
    }

    public func validateScales() throws {
        for figure in figures { try figure.validateScales() }
    }
}
