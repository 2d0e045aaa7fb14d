import GLM
import Plot

/// `t-distribution`: the null distribution of t = β̂ / SE(β̂) for one term,
/// the observed t marked on it, and the two-sided p-value shaded as the two
/// tails beyond ±|t|.
enum TDistributionFigure: FigureKindDefinition {
    static let name = "t-distribution"
    static let summary = "the null t distribution, the observed t, the two-sided p area shaded"

    static let term = FigureOptionKey.text(
        "term", absent: "the model's last column", "the design column whose t statistic is shown")
    static let alpha = FigureOptionKey.optionalNumber(
        "alpha", in: 0.0001...0.5, absent: "none", "significance level of the test")
    static let options: [any FigureOptionDeclaring] = [term, alpha]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    static func make(_ context: FigureContext) throws -> any Figure {
        let model = context.model
        let columns = model.predictorColumns
        let term = context.value(Self.term) ?? columns.last
        guard let term, let coefficient = model.coefficient(term) else {
            throw context.fail("the model has no column '\(context.value(Self.term) ?? "")'",
                               suggestion: NearestWord.hint(for: context.value(Self.term) ?? "", among: columns))
        }
        guard let t = coefficient.t, let p = coefficient.p, model.fit.dfResidual > 0 else {
            throw context.fail("'\(term)' has no t statistic (not estimable, or no residual degrees of freedom)")
        }
        let df = model.fit.dfResidual
        // β's subscript is the column's position in the design, intercept = 0.
        let index = model.design.columnNames.firstIndex(of: term) ?? 0
        let distribution = StudentTDistribution(degreesOfFreedom: Double(df))
        let reach = max(4.0, abs(t) + 1)
        let steps = 400
        let xs = (0...steps).map { -reach + 2 * reach * Double($0) / Double(steps) }
        let density = xs.map(distribution.density)
        let cut = abs(t)

        func tail(from a: Double, to b: Double) -> [Point] {
            let inside = xs.filter { $0 > a && $0 < b }
            let edge = [a] + inside + [b]
            return [Point(a, 0)] + edge.map { Point($0, distribution.density($0)) } + [Point(b, 0)]
        }

        var xAxis = Axis(context.value(CommonFigureOptions.xLabel) ?? "$t$", domain: -reach...reach)
        xAxis.padding = 0
        // Head room above the peak for the labels of the two rules.
        let labelHeight = 1.2 * distribution.density(0)
        var yAxis = Axis(context.value(CommonFigureOptions.yLabel) ?? "Density", include: [0, labelHeight])
        yAxis.padding = 0.04
        var chart = Chart(size: context.size, title: context.title, x: xAxis, y: yAxis)
        let palette = chart.theme.palette
        chart.marks = [
            .polygon(tail(from: -reach, to: -cut), color: palette[1], alpha: 0.55, label: "Two-sided $p$ area"),
            .polygon(tail(from: cut, to: reach), color: palette[1], alpha: 0.55),
            .polyline(x: xs, y: density, color: palette[0], width: 2.6, label: "Null $t$ distribution"),
            .rule(x: t, color: Color.ink, width: 2, dash: [6, 4], label: "Observed $t$"),
            .rule(x: -t, color: Color.ink, width: 1.2, dash: [2, 4]),
        ]
        // Rules cross the full height, so no legend corner is free: label in place,
        // on the inner side of each rule where the axis never clips the text.
        chart.legend = .hidden
        chart.marks.append(.text("observed $t = \(NumberText.fixed(t, 3))$", at: Point(t, labelHeight),
                                 anchor: TextAnchor(t >= 0 ? .right : .left, .top), offset: Point(t >= 0 ? -8 : 8, 0)))
        chart.marks.append(.text("$-t$", at: Point(-t, labelHeight),
                                 anchor: TextAnchor(t >= 0 ? .left : .right, .top), offset: Point(t >= 0 ? 8 : -8, 0)))
        // Each tail holds half the p-value; say so beside each, above the curve.
        let half = NumberText.fixed(p / 2, p / 2 >= 0.001 ? 3 : 4)
        let tailLabelHeight = distribution.density(cut) + 0.035
        if p / 2 >= 0.0001 {
            for side in [-1.0, 1.0] {
                chart.marks.append(.text("$p/2 = \(half)$", at: Point(side * (cut + (reach - cut) / 2), tailLabelHeight),
                                         anchor: TextAnchor(.center, .bottom), color: palette[1]))
            }
        }
        chart.annotations = [Annotation(lines: [
            "$t = \\hat{\\beta}_{\(index)} / \\mathrm{SE}(\\hat{\\beta}_{\(index)}) = \(NumberText.fixed(t, 3))$",
            "$\\mathrm{df} = \(df)$",
            "two-sided $p \(NumberText.pValue(p))$",
        ])]
        return chart
    }
}

extension FigureKind {
    public static let tDistribution = FigureKind(TDistributionFigure.self)
}
