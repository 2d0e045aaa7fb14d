/// One axis of a chart: its title (TeX subset), its domain (automatic from
/// the data unless given) and its ticks (automatic unless given).
public struct Axis: Sendable {
    public var title: String
    /// Fixed data range; nil pads the data's extent by `padding`.
    public var domain: ClosedRange<Double>?
    /// Fraction of the data span added on each side of an automatic domain.
    public var padding: Double = 0.05
    /// Values that must lie inside an automatic domain (e.g. 0).
    public var include: [Double] = []
    /// Fixed tick positions; nil chooses them with `TickGenerator`.
    public var ticks: [Double]?
    /// Labels for fixed ticks (e.g. group names); nil formats the values.
    public var tickLabels: [String]?
    /// Automatic ticks only at whole multiples of this step (the data's own,
    /// from `TickGenerator.dataStep(of:)`); nil for any nice step.
    public var tickStep: Double?
    /// Target number of automatic ticks; fewer are used when labels would crowd.
    public var tickCount: Int = 6
    /// Grid lines at the ticks; nil follows the theme.
    public var grid: Bool?

    public init(_ title: String = "", domain: ClosedRange<Double>? = nil, ticks: [Double]? = nil,
                tickLabels: [String]? = nil, include: [Double] = []) {
        self.title = title; self.domain = domain; self.ticks = ticks; self.tickLabels = tickLabels; self.include = include
    }
}
