import Plot
import Support

/// `timeseries-fit`: a voxel's series taken apart by its model, in panels
/// over one time axis (`SharedXPanels`): the signal with the fitted model
/// Xβ̂ over it; each condition's contribution β̂ⱼxⱼ (derivative columns
/// added to their condition's); the rest of the model together (the cosine
/// drift the high-pass filter removes, any confounds, the constant); and the
/// residuals.
/// The OLS fit, since its pieces add up to the fitted series exactly.
enum TimeseriesFitFigure: FigureKindDefinition {
    static let name = "timeseries-fit"
    static let summary = "the series with its fitted model, each condition's contribution, the drift and the residuals, stacked over one time axis"

    static let options: [any FigureOptionDeclaring] = [TimeWindow.fromOption, TimeWindow.toOption]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    /// Each condition's contribution over every scan: its canonical column's
    /// and its derivatives' β̂x summed.
    static func contributions(_ analysis: FMRIAnalysis) -> [[Double]] {
        analysis.conditions.map { name in
            analysis.contribution(of: analysis.indices { $0 == .condition(name) || $0 == .derivative(name) }, beta: analysis.ols.beta)
        }
    }

    /// The drift columns', the confounds' and the constant's β̂x: everything
    /// but the conditions, so the panels add up to the fitted series.
    static func baseline(_ analysis: FMRIAnalysis) -> [Double] {
        analysis.contribution(of: analysis.indices { $0 == .drift || $0 == .constant || $0 == .confound }, beta: analysis.ols.beta)
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let analysis = try context.fmriAnalysis()
        let window = try TimeWindow(context, analysis: analysis)
        let scans = window.scans(analysis)
        let t = scans.map { analysis.times[$0] }
        func shown(_ v: [Double]) -> [Double] { scans.map { v[$0] } }
        let theme = Theme.textbook
        let series = FMRIText.tex(context.model.names.variable(analysis.seriesName))

        var signal = Chart(title: "Signal and fitted model", y: Axis(context.value(CommonFigureOptions.yLabel) ?? series))
        signal.marks = [
            .polyline(x: t, y: shown(analysis.signal), color: Color.grey, width: 1.2, label: "Signal"),
            .polyline(x: t, y: shown(analysis.fitted), color: theme.color(0), width: 2, label: "Fitted $X\\hat{\\beta}$"),
        ]
        signal.legend = .below

        var parts = Chart(title: "Each condition's contribution $\\hat{\\beta}_j x_j$", y: Axis("Contribution", include: [0]))
        parts.marks = [.rule(y: 0, color: Color.grey, width: 0.8)]
            + zip(analysis.conditions, contributions(analysis)).enumerated().map { index, pair in
                .polyline(x: t, y: shown(pair.1), color: theme.color(index + 1), width: 1.8, label: FMRIText.tex(pair.0))
            }
        parts.legend = .below

        let confounds = analysis.roles.contains(.confound)
        var drift = Chart(title: confounds ? "Drift, confounds and constant" : "Drift and constant", y: Axis("Baseline"))
        drift.marks = [.polyline(x: t, y: shown(baseline(analysis)), color: Color.ink, width: 1.8)]
        drift.legend = .hidden

        var residuals = Chart(title: "Residuals $e = y - X\\hat{\\beta}$", y: Axis("Residual", include: [0]))
        residuals.marks = [.rule(y: 0, color: Color.grey, width: 0.8),
                           .polyline(x: t, y: shown(analysis.ols.residuals), color: Color.ink, width: 1.2)]
        residuals.legend = .hidden

        // Past three conditions the legend is a column beside the panel (a
        // row would not fit), so the panel grows to hold it: a line each.
        let many = max(0, analysis.conditions.count - 3)
        var size = context.size
        if context.value(CommonFigureOptions.height) == nil { size.height = max(760, 1.25 * size.width) + 34 * Double(many) + (context.title == nil ? 0 : 40) }
        var axis = window.axis
        if let label = context.value(CommonFigureOptions.xLabel) { axis.title = label }
        var figure = SharedXPanels([signal, parts, drift, residuals], x: axis, size: size, weights: [1.6, 1.3 + 0.3 * Double(many), 0.9, 1],
                             title: context.title)
        if context.value(CommonFigureOptions.height) == nil { figure.size.height = max(size.height, try figure.fittingHeight()) }
        return figure
    }

    /// "vt from 0 to 302.5 s (121 scans): the fitted model follows the signal
    /// (R² = 0.41); contributions of face (β̂ = −3.1) and house (β̂ = 8.2);
    /// the drift and constant range from 1 672 to 1 695; residuals from −9 to 12."
    static func describe(_ context: FigureContext) throws -> String {
        let analysis = try context.fmriAnalysis()
        let window = try TimeWindow(context, analysis: analysis)
        let scans = window.scans(analysis)
        let base = scans.map { baseline(analysis)[$0] }
        let residuals = scans.map { analysis.ols.residuals[$0] }
        let betas = analysis.conditions.map { name in
            "\(name) (β̂ = " + FMRIText.number(analysis.column(of: name).map { analysis.ols.beta[$0] } ?? 0) + ")"
        }
        return "\(context.model.names.variable(analysis.seriesName)) from " + FMRIText.seconds(window.from) + " to "
            + FMRIText.seconds(window.to) + " (" + FigureDescription.count(scans.count, "scan") + "), with the fitted model over it; "
            + "below, the contributions of " + FigureDescription.list(betas)
            + (analysis.roles.contains(.confound) ? "; the drift, confounds and constant, from " : "; the drift and constant, from ")
            + FMRIText.number(base.min() ?? 0) + " to " + FMRIText.number(base.max() ?? 0) + "; and the residuals, from "
            + FMRIText.number(residuals.min() ?? 0) + " to " + FMRIText.number(residuals.max() ?? 0) + "."
    }
}

extension FigureKind {
    public static let timeseriesFit = FigureKind(TimeseriesFitFigure.self)
}
