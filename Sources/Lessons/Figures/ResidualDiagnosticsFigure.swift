import GLM
import Plot
import Support

/// `residual-diagnostics`: the two plots a course uses to check a linear
/// model's assumptions. Residuals against fitted values, around a zero line,
/// show whether the errors have constant spread and no pattern the line
/// missed; a normal Q–Q plot of the residuals, with its reference line, shows
/// whether they look normal. The residuals are the raw ones, e = y − ŷ, as R's
/// `qqnorm(resid(fit))` plots them; the Q–Q numbers are `NormalQuantilePlot`'s
/// (R's `qqnorm` and `qqline`). Side by side in one figure, stacked on a narrow
/// one, or one panel alone.
enum ResidualDiagnosticsFigure: FigureKindDefinition {
    static let name = "residual-diagnostics"
    static let summary = "raw residuals against fitted values with a zero line, and their normal Q–Q plot with R's qqnorm positions and qqline; side by side or one panel; `x-label` names the fitted axis, `y-label` the residual axis"

    static let panel = FigureOptionKey.choice(
        "panel", ["both", "residuals-fitted", "qq"], default: "both",
        "which plot: `both` side by side (stacked below 700 pixels wide), `residuals-fitted` or `qq` alone")
    static let options: [any FigureOptionDeclaring] = [panel]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    static func make(_ context: FigureContext) throws -> any Figure {
        let fit = context.model.fit
        let residuals = fit.residuals, fitted = fit.fitted
        let residualTitle = context.value(CommonFigureOptions.yLabel) ?? "Residual $e$"
        let fittedTitle = context.value(CommonFigureOptions.xLabel) ?? "Fitted value $\(context.model.notation.fitted)$"
        switch context.value(Self.panel) {
        case "residuals-fitted":
            return residualsAgainstFitted(fitted: fitted, residuals: residuals, x: fittedTitle, y: residualTitle,
                                          size: context.size, title: context.title)
        case "qq":
            return quantilePlot(residuals: residuals, y: residualTitle, size: context.size, title: context.title)
        default:
            // Two panels need about 350 pixels each for their tick labels and titles.
            let width = Double(context.value(CommonFigureOptions.width) ?? 760)
            let sideBySide = width >= 700
            let height = Double(context.value(CommonFigureOptions.height) ?? Int(sideBySide ? max(380, 0.5 * width) : 1.5 * width))
            let size = Size(width: width, height: height)
            return Panels([
                residualsAgainstFitted(fitted: fitted, residuals: residuals, x: fittedTitle, y: residualTitle, size: size,
                                       title: "Residuals against fitted"),
                quantilePlot(residuals: residuals, y: residualTitle, size: size, title: "Normal Q–Q plot"),
            ], size: size, arrangement: sideBySide ? .sideBySide : .stacked, title: context.title)
        }
    }

    /// (ŷᵢ, eᵢ) with a dashed line at zero: the least-squares residuals
    /// average zero, so a pattern about the line is one the model missed.
    static func residualsAgainstFitted(fitted: [Double], residuals: [Double], x: String, y: String, size: Size,
                                       title: String?) -> Chart {
        var chart = Chart(size: size, title: title, x: Axis(x), y: Axis(y, include: [0]))
        // The zero line on top, so many points cannot hide it.
        chart.marks = [
            points(x: fitted, y: residuals),
            .rule(y: 0, color: chart.theme.palette[0], width: 1.6, dash: [6, 4]),
        ]
        chart.legend = .hidden
        return chart
    }

    /// The residuals as points: full size for a classroom sample, small and
    /// light for hundreds, so a cloud shows where it is dense instead of a blot.
    static func points(x: [Double], y: [Double]) -> Mark {
        x.count <= 200 ? .points(x: x, y: y, color: Color.ink) : .points(x: x, y: y, color: Color.ink, radius: 2.2, alpha: 0.35)
    }

    /// Each residual against the normal quantile of its plotting position, and
    /// the line through the quartiles. The positions are named on the plot,
    /// since they differ between n ≤ 10 and larger samples.
    static func quantilePlot(residuals: [Double], y: String, size: Size, title: String?) -> Chart {
        let plot = NormalQuantilePlot(sample: residuals)
        var chart = Chart(size: size, title: title, x: Axis("Normal quantile"), y: Axis(y))
        chart.marks = [
            points(x: plot.theoretical, y: residuals),
            .line(intercept: plot.intercept, slope: plot.slope, color: chart.theme.palette[0], width: 1.6, dash: [6, 4]),
        ]
        chart.legend = .hidden
        let formula = NormalQuantilePlot.plottingPositionFormula(residuals.count)
        chart.annotations = [Annotation(lines: ["$p_i = \(formula)$"], candidates: [.topLeft, .bottomRight, .topRight, .bottomLeft])]
        return chart
    }
}

extension FigureKind {
    public static let residualDiagnostics = FigureKind(ResidualDiagnosticsFigure.self)
}

extension ResidualDiagnosticsFigure {
    /// "Residuals of work hours for 25 observations: against the fitted values
    /// they range from −83.88 to 103.5 about a dashed zero line; on the normal
    /// Q–Q plot they are drawn against normal quantiles with a reference line
    /// through the quartiles (R's qqline), rising 54.05 per quantile; …"
    static func describe(_ context: FigureContext) throws -> String {
        let model = context.model
        let residuals = model.fit.residuals
        let response = model.names.variable(model.design.responseName)
        var parts = ["Residuals of \(response) for " + FigureDescription.count(residuals.count, "observation")]
        let panel = context.value(Self.panel)
        if panel != "qq" {
            parts.append("against the fitted values they range from \(FigureDescription.number(residuals.min() ?? 0)) to "
                         + "\(FigureDescription.number(residuals.max() ?? 0)) about a dashed zero line")
        }
        if panel != "residuals-fitted" {
            let plot = NormalQuantilePlot(sample: residuals)
            parts.append("on the normal Q–Q plot they are drawn against normal quantiles (plotting positions "
                         + "\(NormalQuantilePlot.plottingPositionFormula(residuals.count))) with a reference line through the quartiles, "
                         + "\(plot.slope >= 0 ? "rising" : "falling") \(FigureDescription.number(abs(plot.slope))) per quantile; "
                         + "points on it are as a normal sample would lie")
        }
        return parts.joined(separator: "; ") + "."
    }
}
