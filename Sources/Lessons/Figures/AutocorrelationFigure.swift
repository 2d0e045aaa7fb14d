import GLM
import Plot
import Support

/// `autocorrelation`: why an fMRI fit cannot treat its errors as
/// independent. The OLS residuals' autocorrelation at lags 1, 2, … stays
/// far above the band white noise would keep within (±1.96/√n); after AR(1)
/// prewhitening (`FMRIAnalysis.prewhitened`) it falls to about that band.
/// The AR coefficient is stated, since it is what the prewhitening used.
enum AutocorrelationFigure: FigureKindDefinition {
    static let name = "autocorrelation"
    static let summary = "residual autocorrelation by lag before and after AR(1) prewhitening, with the AR coefficient and the white-noise band"

    static let lags = FigureOptionKey.integer("lags", in: 2...100, default: 20, "the largest lag shown")
    static let options: [any FigureOptionDeclaring] = [lags]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    /// r(1) … r(`lags`) of `e` (the GLM target's `Autocorrelation`, about the mean, as R's `acf`).
    static func autocorrelation(_ e: [Double], lags: Int) -> [Double] {
        Array(Autocorrelation.values(e, maxLag: lags).dropFirst())
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let analysis = try context.fmriAnalysis()
        let lagCount = min(context.value(Self.lags), analysis.signal.count - 2)
        let before = autocorrelation(analysis.ols.residuals, lags: lagCount)
        let theme = Theme.textbook
        let k = (1...lagCount).map(Double.init)
        var size = context.size
        if context.value(CommonFigureOptions.height) == nil { size.height = max(340, 0.62 * size.width) }
        var chart = Chart(size: size, title: context.title,
                          x: Axis(context.value(CommonFigureOptions.xLabel) ?? "Lag (scans)"),
                          y: Axis(context.value(CommonFigureOptions.yLabel) ?? "Autocorrelation of the residuals", include: [0, 1]))
        let band = 1.96 / Double(analysis.signal.count).squareRoot()
        var marks: [Mark] = [.rule(y: 0, color: Color.grey, width: 0.8),
                             .rule(y: band, color: Color.grey, width: 1, dash: [4, 3], label: "±1.96/√n"),
                             .rule(y: -band, color: Color.grey, width: 1, dash: [4, 3])]
        let offset = analysis.prewhitened == nil ? 0 : 0.14
        marks.append(.segments(zip(k, before).map { Segment($0 - offset, 0, $0 - offset, $1) }, color: theme.color(1), width: 2.4))
        marks.append(.points(x: k.map { $0 - offset }, y: before, color: theme.color(1), radius: 3.2, label: "OLS residuals"))
        if let whitened = analysis.prewhitened {
            let after = autocorrelation(whitened.residuals, lags: lagCount)
            marks.append(.segments(zip(k, after).map { Segment($0 + offset, 0, $0 + offset, $1) }, color: theme.color(0), width: 2.4))
            marks.append(.points(x: k.map { $0 + offset }, y: after, shape: .square, color: theme.color(0), radius: 3.2,
                                 label: "after AR(1) prewhitening"))
        }
        chart.marks = marks
        chart.x.ticks = nil
        var lines = ["AR(1) coefficient $\\hat{\\rho} = " + NumberFormat.label(analysis.ar1, significant: 3).text(.texMath) + "$"]
        if analysis.prewhitened != nil {
            lines.append("whitened with " + NumberFormat.label(analysis.ar1Used, significant: 2).text(.texMath) + " (nilearn's 0.01 steps)")
        }
        chart.annotations = [Annotation(lines: lines, candidates: [.topRight, .topLeft])]
        chart.legend = .below
        return chart
    }

    /// "Autocorrelation of the OLS residuals at lags 1 to 20: 0.88 at lag 1,
    /// falling to 0.05 at lag 20; after AR(1) prewhitening (ρ̂ = 0.876), 0.02
    /// at lag 1. White noise would stay within ±0.034."
    static func describe(_ context: FigureContext) throws -> String {
        let analysis = try context.fmriAnalysis()
        let lagCount = min(context.value(Self.lags), analysis.signal.count - 2)
        let before = autocorrelation(analysis.ols.residuals, lags: lagCount)
        var text = "Autocorrelation of the OLS residuals at lags 1 to \(lagCount): " + FMRIText.number(before[0]) + " at lag 1, "
            + FMRIText.number(before[lagCount - 1]) + " at lag \(lagCount)"
        if let whitened = analysis.prewhitened {
            let after = autocorrelation(whitened.residuals, lags: lagCount)
            text += "; after AR(1) prewhitening (coefficient " + NumberFormat.label(analysis.ar1, significant: 3).text(.unicode)
                + ", whitened with " + NumberFormat.label(analysis.ar1Used, significant: 2).text(.unicode) + ")"
                + ", " + FMRIText.number(after[0]) + " at lag 1"
        }
        return text + ". White noise would stay within ±" + FMRIText.number(1.96 / Double(analysis.signal.count).squareRoot()) + "."
    }
}

extension FigureKind {
    public static let autocorrelation = FigureKind(AutocorrelationFigure.self)
}
