import Foundation
import GLM
import Plot
import Support

/// `t-distribution`: the null distribution of t = β̂ / SE(β̂) for one term,
/// the observed t marked on it, and the two-sided p-value shaded as the two
/// tails beyond ±|t|. Given a significance level α, the rejection region
/// |t| > t(1 − α/2, df) is shaded beneath and its bounds ±t_crit are marked,
/// so the reader sees the test's decision beside the p-value.
enum TDistributionFigure: FigureKindDefinition {
    static let name = "t-distribution"
    static let summary = "the null t distribution, the observed t, the two-sided p area shaded; with `alpha`, the rejection region and ±t_crit"

    static let term = FigureOptionKey.text(
        "term", absent: "the model's last column", "the design column whose t statistic is shown")
    static let alpha = FigureOptionKey.optionalNumber(
        "alpha", in: 0.0001...0.5, absent: "none",
        "significance level: shades the rejection region |t| > t(1 − α/2, df) and marks ±t_crit")
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
        let alpha = context.value(Self.alpha)
        let critical = alpha.map { criticalValue(alpha: $0, degreesOfFreedom: df) }
        let reach = max(4.0, abs(t) + 1, (critical ?? 0) + 1)
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
        if alpha != nil, let critical {
            // Beneath the p area, so a p-value below α shows as p area inside the region.
            chart.marks.insert(contentsOf: [
                .polygon(tail(from: -reach, to: -critical), color: palette[4], alpha: 0.3, label: "Rejection region"),
                .polygon(tail(from: critical, to: reach), color: palette[4], alpha: 0.3),
            ], at: 0)
            // Each bound is a stem up to its name, below the labels of the two rules.
            // The name stands inside the bound, where the curve has fallen away and the
            // axis cannot clip it, unless the observed t's rule is there within about
            // the name's width (a tenth of the axis).
            let outward = abs(t) < critical && critical - abs(t) < 0.2 * reach
            let stemTop = 0.75 * labelHeight
            for side in [-1.0, 1.0] {
                chart.marks.append(.segments([Segment(side * critical, 0, side * critical, stemTop)],
                                             color: palette[4], width: 1.6))
                let right = (side > 0) == outward
                chart.marks.append(.text(side > 0 ? "$t_{\\mathrm{crit}}$" : "$-t_{\\mathrm{crit}}$",
                                         at: Point(side * critical, stemTop),
                                         anchor: TextAnchor(right ? .left : .right, .bottom),
                                         offset: Point(right ? 2 : -2, 0), color: palette[4]))
            }
        }
        // Rules cross the full height, so no legend corner is free: label in place,
        // on the inner side of each rule where the axis never clips the text.
        chart.legend = .hidden
        chart.marks.append(.text("observed $t = \(NumberFormat.statistic(t).text(.texMath))$", at: Point(t, labelHeight),
                                 anchor: TextAnchor(t >= 0 ? .right : .left, .top), offset: Point(t >= 0 ? -8 : 8, 0)))
        chart.marks.append(.text("$-t$", at: Point(-t, labelHeight),
                                 anchor: TextAnchor(t >= 0 ? .left : .right, .top), offset: Point(t >= 0 ? 8 : -8, 0)))
        // Each tail holds half the p-value; say so beside each, above the curve.
        // "p/2 = 0.013" or "p/2 < 0.001": the p form, with p/2 for its name.
        let halfClause = "p/2" + NumberFormat.pClause(p / 2, style: .texMath).dropFirst()
        let tailLabelHeight = distribution.density(cut) + 0.035
        if p / 2 >= 0.0001 {
            for side in [-1.0, 1.0] {
                chart.marks.append(.text("$\(halfClause)$", at: Point(side * (cut + (reach - cut) / 2), tailLabelHeight),
                                         anchor: TextAnchor(.center, .bottom), color: palette[1]))
            }
        }
        chart.annotations = [Annotation(lines: [
            "$t = \\hat{\\beta}_{\(index)} / \\mathrm{SE}(\\hat{\\beta}_{\(index)}) = \(NumberFormat.statistic(t).text(.texMath))$",
            "$\\mathrm{df} = \(df)$",
            "two-sided $\(NumberFormat.pClause(p, style: .texMath))$",
        ])]
        if let alpha, let critical {
            // A critical value is a quantile read as a t table prints it, to
            // three decimals (Kutner et al.: t(0.975; 23) = 2.069), not a
            // statistic computed from the data.
            let criticalText = NumberFormat.number(critical, .decimals(3)).text(.texMath)
            chart.annotations[0].lines.append(
                "$\\alpha = \(ScatterFitFigure.label(alpha)),\\ t_{\\mathrm{crit}} = \(criticalText)$")
        }
        return chart
    }

    /// The bound of the two-sided test at level α: t(1 − α/2, df), R's
    /// `qt(1 - alpha / 2, df)`.
    static func criticalValue(alpha: Double, degreesOfFreedom df: Int) -> Double {
        StudentTDistribution(degreesOfFreedom: Double(df)).quantile(1 - alpha / 2)
    }
}

extension FigureKind {
    public static let tDistribution = FigureKind(TDistributionFigure.self)
}

extension TDistributionFigure {
    /// "The null t distribution with 23 degrees of freedom; the observed
    /// t = 10.29 for lot_size and −t are marked, and the two tails beyond them
    /// are shaded: two-sided p < 0.001."
    static func describe(_ context: FigureContext) throws -> String {
        let model = context.model
        let term = context.value(Self.term) ?? model.predictorColumns.last
        guard let term, let coefficient = model.coefficient(term), let t = coefficient.t, let p = coefficient.p else {
            throw context.fail("the model has no t statistic for '\(context.value(Self.term) ?? "")'")
        }
        let df = model.fit.dfResidual
        var text = "The null t distribution with \(FigureDescription.count(df, "degree")) of freedom; the observed "
            + "t = \(NumberFormat.statistic(t).text(.unicode)) for \(term) and −t are marked, and the two tails beyond them "
            + "are shaded: two-sided \(NumberFormat.pClause(p))"
        if let alpha = context.value(Self.alpha) {
            let critical = NumberFormat.number(criticalValue(alpha: alpha, degreesOfFreedom: df), .decimals(3)).text(.unicode)
            text += "; at α = \(FigureDescription.number(alpha)) the rejection region |t| > \(critical) is shaded too"
        }
        return text + "."
    }
}
