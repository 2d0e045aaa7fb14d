/// What a figure that shows several charts together fixes in each of them so
/// they read as one: the plot areas' left and right edges (so a time axis lines
/// up across panels whatever width each panel's y tick labels take), and
/// whether the x axis's tick labels and title are drawn (a shared x axis is
/// labelled once, under the bottom panel). A chart on its own leaves all of
/// it at the defaults and lays itself out as before.
public struct ChartAlignment: Sendable, Equatable {
    /// The plot area starts at least this far from the chart's left edge.
    public var plotLeft: Double?
    /// The plot area ends at least this far from the chart's right edge.
    public var plotRightMargin: Double?
    /// Tick labels under the x axis; the tick marks are drawn either way.
    public var xTickLabels: Bool
    /// The x axis title.
    public var xTitle: Bool

    public init(plotLeft: Double? = nil, plotRightMargin: Double? = nil, xTickLabels: Bool = true, xTitle: Bool = true) {
        self.plotLeft = plotLeft; self.plotRightMargin = plotRightMargin; self.xTickLabels = xTickLabels; self.xTitle = xTitle
    }
}
