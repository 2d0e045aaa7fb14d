import GLM
import Plot

/// `probability-model`: the population model behind a simple regression. At
/// chosen x values the normal density 𝒩(β₀ + β₁x, σ) is drawn on its side,
/// centred on the line, so the reader sees that every fitted value is the
/// mean E(Y) of a distribution with the same spread.
enum ProbabilityModelFigure {
    static func make(_ context: FigureContext) throws -> any Figure {
        let figure = context.figure, model = context.model
        let xName = try context.singleNumericPredictor()
        let x = try context.numericColumn(xName)
        let y = model.design.y
        guard let b0 = model.estimate("(Intercept)"), let b1 = model.estimate(xName),
              let sigma = model.fit.sigma, sigma > 0 else {
            throw context.fail("the model needs an intercept, a slope for '\(xName)' and a positive σ̂")
        }
        let low = x.min()!, high = x.max()!
        let positions = figure.numbers("at") ?? (1...4).map { low + (high - low) * Double($0) / 5 }
        let widthFraction = figure.number("density-width") ?? 0.16
        let spacing = positions.count > 1
            ? zip(positions.sorted().dropFirst(), positions.sorted()).map { $0 - $1 }.min()!
            : (high - low)
        // The tallest curve spans this much of the x axis: wide enough to read,
        // never reaching the next curve.
        let peakWidth = min(widthFraction * (high - low), 0.8 * spacing)
        let peakDensity = NormalDistribution(mean: 0, standardDeviation: sigma).density(0)

        let (xTitle, yTitle) = context.axisTitles(x: xName, y: model.design.responseName)
        var chart = Chart(size: context.size, title: figure.text("title"), x: Axis(xTitle), y: Axis(yTitle))
        let palette = chart.theme.palette
        var marks: [Mark] = []
        if figure.flag("points") ?? true {
            marks.append(.points(x: x, y: y, color: Color.ink, radius: 3.5, alpha: 0.45, label: "Observed"))
        }
        marks.append(.line(intercept: b0, slope: b1, color: palette[0], label: "$E(Y) = \\beta_0 + \\beta_1 x$"))
        for (index, at) in positions.enumerated() {
            let mean = b0 + b1 * at
            let normal = NormalDistribution(mean: mean, standardDeviation: sigma)
            let steps = 80
            let curve = (0...steps).map { i -> Point in
                let value = mean - 3 * sigma + 6 * sigma * Double(i) / Double(steps)
                return Point(at + peakWidth * normal.density(value) / peakDensity, value)
            }
            let outline = curve + [Point(at, mean + 3 * sigma), Point(at, mean - 3 * sigma)]
            marks.append(.polygon(outline, color: palette[4], alpha: 0.28,
                                  label: index == 0 ? "Normal density of $Y$ at $x$" : nil))
            marks.append(.polyline(curve, color: palette[4], width: 2))
            marks.append(.segments([Segment(at, mean - 3 * sigma, at, mean + 3 * sigma)], color: palette[4], width: 1.2))
            marks.append(.points([Point(at, mean)], shape: .diamond, color: palette[1], radius: 6,
                                 label: index == 0 ? "$E(Y)$ at $x$" : nil))
        }
        chart.marks = marks
        chart.annotations = [Annotation(lines: [
            "$Y \\sim \\mathcal{N}(\\beta_0 + \\beta_1 x, \\sigma)$",
            "$\\hat{\\beta}_0 = \(NumberText.estimate(b0)),\\quad \\hat{\\beta}_1 = \(NumberText.estimate(b1))$",
            "$\\hat{\\sigma} = \(NumberText.estimate(sigma))$",
        ])]
        return chart
    }
}
