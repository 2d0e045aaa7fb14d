/// An axis resolved against its data: the domain, the tick values and their
/// label markup.
struct AxisLayout {
    var domain: ClosedRange<Double>
    var ticks: [Double]
    var labels: [String]

    /// Resolves `axis` for `values`. Automatic ticks use `count` as target and
    /// are kept inside the domain; if that leaves fewer than two, the domain
    /// grows to the ticks instead.
    static func resolve(_ axis: Axis, values: [Double], count: Int) throws -> AxisLayout {
        var domain = axis.domain ?? LinearScale.paddedDomain(for: values, padding: axis.padding, including: axis.include)
        var ticks: [Double]
        if let fixed = axis.ticks {
            ticks = fixed
        } else {
            let all = TickGenerator().ticks(lower: domain.lowerBound, upper: domain.upperBound, target: count)
            let eps = (domain.upperBound - domain.lowerBound) * 1e-9
            ticks = all.filter { $0 >= domain.lowerBound - eps && $0 <= domain.upperBound + eps }
            if ticks.count < 2 && axis.domain == nil, let lo = all.first, let hi = all.last {
                ticks = all
                domain = min(lo, domain.lowerBound)...max(hi, domain.upperBound)
            }
        }
        let labels: [String]
        if let given = axis.tickLabels {
            labels = try given.map { try TeX.markup($0) }
        } else {
            labels = TickFormatter().labels(for: ticks).map(escapeMarkup)
        }
        return AxisLayout(domain: domain, ticks: ticks, labels: labels)
    }
}
