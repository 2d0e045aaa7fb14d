import Support

/// An axis resolved against its data: the domain, the tick values and their
/// label markup.
struct AxisLayout {
    var domain: ClosedRange<Double>
    var ticks: [Double]
    var labels: [String]
    /// The power of ten the numeric tick labels leave out, as TeX math
    /// (`\times 10^{7}`), stated once in the axis title (`title(for:)`); nil
    /// when the ticks print as they are (see `AxisScale`).
    var factor: String?

    /// The axis title as drawn: the axis's own, with the factor its ticks
    /// leave out appended once, "Price (×10⁶)"; the factor alone when the
    /// axis has no title, so the ticks never lose their magnitude.
    func title(for axis: Axis) -> String {
        guard let factor else { return axis.title }
        return axis.title.isEmpty ? "$\(factor)$" : axis.title + " ($\(factor)$)"
    }

    /// Resolves `axis` for `values`. Automatic ticks use `count` as target and
    /// are kept inside the domain; if that leaves fewer than two, the domain
    /// grows to the ticks instead. The domain and the values' places on a canvas
    /// `extent` pixels across are checked by `SceneScales` (named `name` in its
    /// messages), so no renderer draws what cannot be drawn.
    static func resolve(_ axis: Axis, name: String, values: [Double], count: Int, extent: Double) throws -> AxisLayout {
        var domain = axis.domain ?? LinearScale.paddedDomain(for: values, padding: axis.padding, including: axis.include)
        var ticks: [Double]
        if let fixed = axis.ticks {
            ticks = fixed
        } else {
            let eps = (domain.upperBound - domain.lowerBound) * 1e-9
            func inside(_ t: [Double]) -> [Double] { t.filter { $0 >= domain.lowerBound - eps && $0 <= domain.upperBound + eps } }
            var generator = TickGenerator()
            generator.stepMultiple = axis.tickStep
            var all = generator.ticks(lower: domain.lowerBound, upper: domain.upperBound, target: count)
            ticks = inside(all)
            // Loose labellings can leave few ticks inside the padded domain
            // (±5 dropped from [−5, 5] leaves three); ask for more until at
            // least two-thirds of the target fall inside.
            var target = count
            let wanted = max(min(3, count), (2 * count + 2) / 3)
            while ticks.count < wanted && target < count + 4 {
                target += 1
                all = generator.ticks(lower: domain.lowerBound, upper: domain.upperBound, target: target)
                ticks = inside(all)
            }
            if ticks.count < 2 && axis.domain == nil, let lo = all.first, let hi = all.last {
                ticks = all
                domain = min(lo, domain.lowerBound)...max(hi, domain.upperBound)
            }
        }
        try SceneScales.check(domain: domain, axis: name)
        // An automatic domain holds every finite value; only a fixed one can leave
        // values far outside it.
        if axis.domain != nil {
            try SceneScales.check(values: values, axis: name, domain: domain, extent: extent)
        }
        let labels: [String]
        var factor: String?
        if let given = axis.tickLabels, given.count != ticks.count {
            throw PlotError.invalidData("axis '\(axis.title)' has \(given.count) tick labels for \(ticks.count) ticks")
        }
        if let given = axis.tickLabels {
            labels = try given.map { try TeX.markup($0) }
        } else {
            // Large or tiny ticks print as short mantissas ("0.5 1 1.5 2") and
            // the axis title says "×10⁷" once, instead of every label repeating it.
            let scale = AxisScale(ticks: ticks)
            labels = scale.labels(.unicode).map(escapeMarkup)
            factor = scale.powerOfTen == nil ? nil : scale.factor(.texMath)
        }
        return AxisLayout(domain: domain, ticks: ticks, labels: labels, factor: factor)
    }
}
