import Foundation
import GLM
import Plot
import Support

/// `t-distribution`: the null distribution of t = β̂ / SE(β̂) for one term,
/// the observed t marked on it, and its p-value shaded: the two tails beyond
/// ±|t|, or with `tail: upper`/`lower` the one tail of a one-sided test. Given a
/// significance level α, the rejection region beyond t_crit is shaded beneath
/// and its bounds are marked, so the reader sees the test's decision beside the
/// p-value. How far the axis reaches, and what is said about the parts that lie
/// beyond it, is `TTestPicture`'s.
enum TDistributionFigure: FigureKindDefinition {
    static let name = "t-distribution"
    static let summary = "the null t distribution, the observed t, the p area shaded (two-sided or one tail); with `alpha`, the rejection region and t_crit; a t beyond the axis is marked by an arrow at its end"

    static let term = FigureOptionKey.text(
        "term", absent: "the model's last column", "the design column whose t statistic is shown")
    static let alpha = FigureOptionKey.optionalNumber(
        "alpha", in: 0.0001...0.5, absent: "none",
        "significance level: shades the rejection region (|t| > t(1 − α/2, df) two-sided, t > t(1 − α, df) `upper`, t < −t(1 − α, df) `lower`) and marks t_crit")
    static let tail = FigureOptionKey.choice(
        "tail", TTestPicture.Tail.allCases.map(\.rawValue), default: "two-sided",
        "the alternative: `two-sided` shades both tails beyond ±|t|, `upper` the area above t, `lower` the area below t; p and t_crit follow")
    static let options: [any FigureOptionDeclaring] = [term, alpha, tail]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    /// The numbers the figure shows, for `make` and for tests.
    static func picture(_ context: FigureContext) throws -> (picture: TTestPicture, term: String) {
        let model = context.model
        let columns = model.predictorColumns
        let term = context.value(Self.term) ?? columns.last
        guard let term, let coefficient = model.coefficient(term) else {
            throw context.fail("the model has no column '\(context.value(Self.term) ?? "")'",
                               suggestion: NearestWord.hint(for: context.value(Self.term) ?? "", among: columns))
        }
        guard let t = coefficient.t, coefficient.p != nil, model.fit.dfResidual > 0 else {
            throw context.fail("'\(term)' has no t statistic (not estimable, or no residual degrees of freedom)")
        }
        let tail = TTestPicture.Tail(rawValue: context.value(Self.tail)) ?? .twoSided
        return (TTestPicture(t: t, degreesOfFreedom: model.fit.dfResidual, tail: tail, alpha: context.value(Self.alpha)), term)
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let (picture, term) = try picture(context)
        let model = context.model
        let t = picture.t, p = picture.p, df = picture.degreesOfFreedom, reach = picture.reach
        // β's subscript is the column's position in the design, intercept = 0.
        let index = model.design.columnNames.firstIndex(of: term) ?? 0
        let distribution = picture.distribution
        let steps = 400
        let xs = (0...steps).map { -reach + 2 * reach * Double($0) / Double(steps) }
        let density = xs.map(distribution.density)

        func area(from a: Double, to b: Double) -> [Point] {
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
        /// An arrow at the axis end on `side`, pointing out, with `text` before it:
        /// a value the axis does not reach.
        func offAxis(_ text: String, side: Double, height: Double, color: Color) -> [Mark] {
            let start = side * 0.9 * reach
            return [
                .arrow(from: Point(start, height), to: Point(side * reach, height), color: color, width: 1.6),
                .text(text, at: Point(start, height), anchor: TextAnchor(side > 0 ? .right : .left, .middle),
                      offset: Point(side > 0 ? -4 : 4, 0), color: color),
            ]
        }

        var shaded = true
        chart.marks = []
        for shade in picture.shades where shade.to > shade.from {
            chart.marks.append(.polygon(area(from: shade.from, to: shade.to), color: palette[1], alpha: 0.55,
                                        label: shaded ? (picture.tail == .twoSided ? "Two-sided $p$ area" : "One-sided $p$ area") : nil))
            shaded = false
        }
        chart.marks.append(.polyline(x: xs, y: density, color: palette[0], width: 2.6, label: "Null $t$ distribution"))
        let observedText = "observed $t = \(NumberFormat.statistic(t).text(.texMath))$"
        if picture.observedOnAxis {
            chart.marks.append(.rule(x: t, color: Color.ink, width: 2, dash: [6, 4], label: "Observed $t$"))
            chart.marks.append(.text(observedText, at: Point(t, labelHeight),
                                     anchor: TextAnchor(t >= 0 ? .right : .left, .top), offset: Point(t >= 0 ? -8 : 8, 0)))
            if picture.tail == .twoSided {
                chart.marks.append(.rule(x: -t, color: Color.ink, width: 1.2, dash: [2, 4]))
                // Outside −t when there is room for it (a sixth of the half-axis),
                // so it never meets the observed t's label across the middle.
                // A row lower when the observed t's label (about 8.5 pixels a
                // character) would reach across to it.
                let out = reach - abs(t) > reach / 6
                let left = (t >= 0) == out
                let unitsPerPixel = 2 * reach / max(100, context.size.width - 110)
                let observedWidth = (8.5 * Double(observedText.count - 2) + 8) * unitsPerPixel
                let crowded = 2 * abs(t) < observedWidth + (out ? 0 : 30 * unitsPerPixel)
                let row = crowded ? 26 * 1.25 * labelHeight / max(100, context.size.height - 100) : 0
                chart.marks.append(.text("$-t$", at: Point(-t, labelHeight - row),
                                         anchor: TextAnchor(left ? .right : .left, .top), offset: Point(left ? -8 : 8, 0)))
            }
        } else {
            let side: Double = t >= 0 ? 1 : -1
            chart.marks += offAxis(observedText, side: side,
                                   height: 0.93 * labelHeight, color: Color.ink)
            if picture.tail == .twoSided {
                chart.marks += offAxis("$-t$", side: -side, height: 0.93 * labelHeight, color: Color.ink)
            }
        }
        if let critical = picture.critical {
            // Beneath the p area, so a p-value below α shows as p area inside the region.
            if picture.criticalOnAxis {
                let regions = picture.criticalBounds.map { bound in
                    Mark.polygon(bound > 0 ? area(from: bound, to: reach) : area(from: -reach, to: bound),
                                 color: palette[4], alpha: 0.3)
                }
                var labelled = regions
                labelled[0].label = "Rejection region"
                chart.marks.insert(contentsOf: labelled, at: 0)
            }
            // Each bound is a stem up to its name, below the labels of the two rules.
            // The name stands inside the bound, where the curve has fallen away and the
            // axis cannot clip it, unless the observed t's rule is there within about
            // the name's width (a tenth of the axis).
            let outward = abs(t) < critical && critical - abs(t) < 0.2 * reach
            let stemTop = 0.75 * labelHeight
            for bound in picture.criticalBounds {
                let side: Double = bound > 0 ? 1 : -1
                let name = side > 0 ? "$t_{\\mathrm{crit}}$" : "$-t_{\\mathrm{crit}}$"
                guard picture.criticalOnAxis else {
                    let value = NumberFormat.number(bound, .decimals(3)).text(.texMath)
                    let named = side > 0 ? "$t_{\\mathrm{crit}} = \(value)$" : "$-t_{\\mathrm{crit}} = \(value)$"
                    chart.marks += offAxis(named, side: side, height: stemTop, color: palette[4])
                    continue
                }
                chart.marks.append(.segments([Segment(bound, 0, bound, stemTop)], color: palette[4], width: 1.6))
                let right = (side > 0) == outward
                chart.marks.append(.text(name, at: Point(bound, stemTop), anchor: TextAnchor(right ? .left : .right, .bottom),
                                         offset: Point(right ? 2 : -2, 0), color: palette[4]))
            }
        }
        // Rules cross the full height, so no legend corner is free: label in place.
        chart.legend = .hidden
        // Each area is named beside it, above the curve: "p/2 = 0.013" or
        // "p/2 < 0.001", the p form with p/2 (or p) for its name. What the axis
        // does not reach of it is said at the axis end, pointing on.
        let areaClause = picture.areaName + NumberFormat.pClause(picture.labelledArea, style: model.notation.style(.texMath)).dropFirst()
        for shade in picture.shades {
            let side = shade.side
            guard shade.to > shade.from else {
                // All of it beyond the axis: named at the end, under the arrow.
                chart.marks.append(.text("$\(areaClause)$", at: Point(side * reach, distribution.density(reach) + 0.035),
                                         anchor: TextAnchor(side > 0 ? .right : .left, .bottom),
                                         offset: Point(side > 0 ? -4 : 4, 0), color: palette[1]))
                continue
            }
            guard picture.labelledArea >= 0.0001 else { continue }
            let inner = side > 0 ? shade.from : -shade.to
            let x = side * (inner + (reach - inner) / 2)
            let around = xs.filter { abs($0 - x) <= 0.25 * reach && $0 >= shade.from && $0 <= shade.to }
            let height = (around.map(distribution.density).max() ?? distribution.density(x)) + 0.035
            chart.marks.append(.text("$\(areaClause)$", at: Point(x, height), anchor: TextAnchor(.center, .bottom),
                                     color: palette[1]))
            if shade.beyondAxis >= 0.001 {
                let beyond = NumberFormat.pValue(shade.beyondAxis, style: model.notation.style(.texMath))
                let text = side > 0 ? "$\(beyond)$ beyond $\\rightarrow$" : "$\\leftarrow$ $\(beyond)$ beyond"
                let anchor = TextAnchor(side > 0 ? .right : .left, .top)
                if abs(x) > 0.6 * reach {
                    // Under the area's name, which already stands near the end.
                    chart.marks.append(.text(text, at: Point(side * reach, height), anchor: anchor,
                                             offset: Point(side > 0 ? -4 : 4, 4), color: palette[1]))
                } else {
                    chart.marks.append(.text(text, at: Point(side * reach, distribution.density(reach) + 0.035),
                                             anchor: TextAnchor(anchor.horizontal, .bottom),
                                             offset: Point(side > 0 ? -4 : 4, 0), color: palette[1]))
                }
            }
            if shade.beyondOtherEnd >= 0.001 {
                // A one-sided area from a t past the other end runs out there too.
                let beyond = NumberFormat.pValue(shade.beyondOtherEnd, style: model.notation.style(.texMath))
                chart.marks.append(.text(side > 0 ? "$\\leftarrow$ $\(beyond)$ beyond" : "$\(beyond)$ beyond $\\rightarrow$",
                                         at: Point(-side * reach, distribution.density(reach) + 0.035),
                                         anchor: TextAnchor(side > 0 ? .left : .right, .bottom),
                                         offset: Point(side > 0 ? 4 : -4, 0), color: palette[1]))
            }
        }
        let pName: String
        switch picture.tail {
        case .twoSided: pName = "two-sided"
        case .upper: pName = "upper-tail"
        case .lower: pName = "lower-tail"
        }
        chart.annotations = [Annotation(lines: [
            "$t = \(context.model.notation.estimate(index)) / \\mathrm{SE}(\(context.model.notation.estimate(index))) = \(NumberFormat.statistic(t).text(.texMath))$",
            "$\\mathrm{df} = \(df)$",
            "\(pName) $\(NumberFormat.pClause(p, style: model.notation.style(.texMath)))$",
        ])]
        if let alpha = picture.alpha, let critical = picture.critical {
            // A critical value is a quantile read as a t table prints it, to
            // three decimals (Kutner et al.: t(0.975; 23) = 2.069), not a
            // statistic computed from the data.
            let criticalText = NumberFormat.number(critical, .decimals(3)).text(.texMath)
            chart.annotations[0].lines.append(
                "$\\alpha = \(ScatterFitFigure.label(alpha, digits: model.notation.digits)),\\ t_{\\mathrm{crit}} = \(criticalText)$")
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
        let (picture, term) = try picture(context)
        let df = picture.degreesOfFreedom
        let t = NumberFormat.statistic(picture.t).text(.unicode)
        let name = context.model.names.term(named: term)
        var text = "The null t distribution with \(FigureDescription.count(df, "degree")) of freedom; the observed t = \(t) for \(name) "
        switch picture.tail {
        case .twoSided:
            text += "and −t are marked, and the two tails beyond them are shaded: two-sided \(NumberFormat.pClause(picture.p, style: context.model.notation.style(.unicode)))"
        case .upper:
            text += "is marked, and the upper tail beyond it is shaded: one-sided \(NumberFormat.pClause(picture.p, style: context.model.notation.style(.unicode)))"
        case .lower:
            text += "is marked, and the lower tail beyond it is shaded: one-sided \(NumberFormat.pClause(picture.p, style: context.model.notation.style(.unicode)))"
        }
        if let alpha = picture.alpha, let critical = picture.critical {
            text += "; at α = \(FigureDescription.number(alpha)) the rejection region beyond t_crit = "
                + NumberFormat.number(critical, .decimals(3)).text(.unicode) + " is shaded too"
        }
        return text + "."
    }
}
