import GLM
import Support

/// The fitted coefficients as a booktabs `tabular`, for `\input` in a LaTeX
/// course.
///
/// Digits come from Support's `NumberFormat`, as a regression table prints
/// them: each estimate and its interval at the decimal place of its standard
/// error (four significant digits), t to two decimals, p to three with
/// "<0.001" below. The β̂, SE and t columns are padded with `\phantom` so they
/// line up on the decimal point in their right-aligned columns, without
/// siunitx or dcolumn. Numbers are TeX math in plain `$…$`, where `-` is
/// TeX's minus.
///
/// Term names are printed through `LaTeXText.escaped` and the model name and
/// formula sit in a comment through `LaTeXText.comment`, so no name can put
/// TeX into the file.
public struct LaTeXCoefficientTable {
    public let modelName: String
    public let formula: String
    public let level: Double
    let rows: [[String]]
    let summary: String
    /// The header of the estimates' column, TeX math: the lesson's notation.
    var estimateSymbol = "\\hat{\\beta}"

    init(_ model: FittedModel, level: Double) throws {
        let fit = model.fit
        let intervals = level == fit.confidenceLevel ? fit : try CoefficientTableFigure.refit(model, level: level)
        self.init(modelName: model.spec.name, formula: model.spec.formula, level: level, fit: fit, intervals: intervals,
                  termName: model.names.term(named:), notation: model.notation)
        estimateSymbol = model.notation.estimateSymbol
    }

    /// The table of `fit`, with confidence intervals at `level` taken from
    /// `intervals` (the same model fitted with that level). `termName` gives
    /// the words each row shows for a design column R names (the lesson's
    /// display names); the default keeps R's name.
    public init(modelName: String, formula: String, level: Double, fit: Fit, intervals: Fit,
                termName: (String) -> String = { $0 }, notation: Notation = Notation()) {
        self.modelName = modelName
        self.formula = formula
        self.level = level
        let pairs = Array(zip(fit.coefficients, intervals.coefficients))
        let decimals = notation.decimals
        let estimates = DecimalAlignment.padded(pairs.map { c, _ in decimals.estimate(c.estimate, standardError: c.standardError) }, style: .latex)
        let errors = DecimalAlignment.padded(pairs.map { c, _ in c.standardError.map(decimals.standardError) }, style: .latex)
        let statistics = DecimalAlignment.padded(pairs.map { c, _ in c.t.map(decimals.statistic) }, style: .latex)
        rows = pairs.enumerated().map { index, pair in
            let (c, withInterval) = pair
            return [
                LaTeXText.escaped(termName(c.term)),
                estimates[index],
                errors[index] ?? "---",
                statistics[index] ?? "---",
                c.p.map { NumberFormat.pValue($0, style: notation.style(.latex)) } ?? "---",
                withInterval.confidenceInterval.map {
                    NumberFormat.interval($0.lowerBound, $0.upperBound,
                                          decimals.intervalPrecision(standardError: c.standardError), style: .latex)
                } ?? "---",
            ]
        }
        var parts: [String] = []
        if let sigma = fit.sigma { parts.append("$\\hat{\\sigma} = \(NumberFormat.label(sigma).text(.texMath))$") }
        if let r2 = fit.rSquared { parts.append("$R^2 = \(NumberFormat.number(r2, .decimals(3)).text(.texMath))$") }
        parts.append("residual df $= \(fit.dfResidual)$")
        summary = parts.joined(separator: ", ")
    }


    public var text: String {
        let percent = NumberFormat.label(level * 100).text(.texMath)
        var lines = [
            "% Fitted coefficients of model '\(LaTeXText.comment(modelName))': \(LaTeXText.comment(formula))",
            "% Needs \\usepackage{booktabs}.",
            "\\begin{tabular}{lrrrrr}",
            "\\toprule",
            "Term & $\(estimateSymbol)$ & SE & $t$ & $p$ & \(percent)\\,\\% CI \\\\",
            "\\midrule",
        ]
        lines += rows.map { $0.joined(separator: " & ") + " \\\\" }
        lines.append("\\bottomrule")
        lines.append("\\multicolumn{6}{l}{\\footnotesize \(summary)} \\\\")
        lines.append("\\end{tabular}")
        return lines.joined(separator: "\n") + "\n"
    }
}
