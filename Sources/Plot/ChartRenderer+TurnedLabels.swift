/// x tick labels given as words (group names) wrap to the room between their
/// ticks. A single word wider than that room cannot wrap, so then every label
/// turns to read upwards instead: turned, a label needs only its line height
/// of the room, and eight long group names stand side by side on a 500-pixel
/// figure without touching.
extension ChartRenderer {
    /// The longest a turned label may run before it wraps: a quarter of the
    /// figure's height, so the plot keeps most of it.
    var turnedLabelLength: Double { max(60, min(170, chart.size.height / 4)) }

    /// The x tick labels' markup for labels at most `width` wide, deciding
    /// whether they turn.
    mutating func xTickLabelMarkup(width: Double) -> [String] {
        let wrapped = xAxis.labels.map { canvas.wrapped($0, style: tickStyle, width: width) }
        xLabelsTurned = chart.x.tickLabels != nil
            && wrapped.contains { canvas.measure(markup: $0, style: tickStyle).width > width + 0.5 }
        guard xLabelsTurned else { return wrapped }
        return xAxis.labels.map { canvas.wrapped($0, style: tickStyle, width: turnedLabelLength) }
    }

    /// The room an x tick label takes on the canvas, turned or not.
    func xTickLabelExtent(_ markup: String) -> Size {
        let size = canvas.measure(markup: markup, style: tickStyle)
        return xLabelsTurned ? Size(width: size.height, height: size.width) : size
    }
}
