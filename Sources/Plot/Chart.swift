/// A two-dimensional chart: axes with linear scales, layers of marks in data
/// coordinates, a legend, and annotations placed where they hide nothing.
///
/// ```swift
/// var chart = Chart(x: Axis("Lot size"), y: Axis("Work hours"))
/// chart.marks = [
///     .segments(residuals, label: "Residual"),
///     .line(intercept: 62.366, slope: 3.5702, label: "Fitted line"),
///     .points(x: lotSize, y: hours, label: "Observed"),
/// ]
/// chart.annotations = [Annotation("$\\hat{Y} = 62.37 + 3.570X$")]
/// try chart.write(to: URL(fileURLWithPath: "simple-reg.png"))
/// ```
/// Marks are drawn in the order given (later on top), as in ggplot2's layers.
public struct Chart: Figure {
    public var size: Size
    public var theme: Theme
    public var accessibility: FigureAccessibility?
    public var title: String?
    public var x: Axis
    public var y: Axis
    public var marks: [Mark]
    public var annotations: [Annotation]
    public var legend: LegendPosition
    /// Edges and x labelling fixed by a figure that aligns this chart with
    /// others (see `SharedXPanels`); the defaults leave the chart free.
    public var alignment = ChartAlignment()

    public init(size: Size = Size(width: 760, height: 520), theme: Theme = .textbook, title: String? = nil,
                x: Axis = Axis(), y: Axis = Axis(), marks: [Mark] = [], annotations: [Annotation] = [],
                legend: LegendPosition = .automatic) {
        self.size = size; self.theme = theme; self.title = title; self.x = x; self.y = y
        self.marks = marks; self.annotations = annotations; self.legend = legend
    }

    public func draw(on canvas: Canvas) throws {
        var renderer = try ChartRenderer(chart: self, canvas: canvas)
        try renderer.render()
    }
}
