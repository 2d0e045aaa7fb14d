import GLM
import Support

/// The fitted coefficients as a booktabs `tabular` — the same numbers, to the
/// same digits, as the `coefficient-table` figure — for `\input` in a LaTeX
/// course.
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

    init(_ model: FittedModel, level: Double) throws {
        let fit = model.fit
        let intervals = level == fit.confidenceLevel ? fit : try CoefficientTableFigure.refit(model, level: level)
        self.init(modelName: model.spec.name, formula: model.spec.formula, level: level, fit: fit, intervals: intervals)
    }

    /// The table of `fit`, with confidence intervals at `level` taken from
    /// `intervals` (the same model fitted with that level).
    public init(modelName: String, formula: String, level: Double, fit: Fit, intervals: Fit) {
        self.modelName = modelName
        self.formula = formula
        self.level = level
        rows = zip(fit.coefficients, intervals.coefficients).map { c, withInterval in
            [
                LaTeXText.escaped(c.term),
                "$\(NumberText.estimate(c.estimate))$",
                c.standardError.map { "$\(NumberText.estimate($0))$" } ?? "---",
                c.t.map { "$\(NumberText.fixed($0, 3))$" } ?? "---",
                c.p.map { p in p < 0.0001 ? "$<0.0001$" : "$\(NumberText.pValue(p).replacingOccurrences(of: "= ", with: ""))$" }
                    ?? "---",
                withInterval.confidenceInterval.map {
                    "$[\(NumberText.estimate($0.lowerBound)), \(NumberText.estimate($0.upperBound))]$"
                } ?? "---",
            ]
        }
        var parts: [String] = []
        if let sigma = fit.sigma { parts.append("$\\hat{\\sigma} = \(NumberText.estimate(sigma))$") }
        if let r2 = fit.rSquared { parts.append("$R^2 = \(NumberText.fixed(r2, 3))$") }
        parts.append("residual df $= \(fit.dfResidual)$")
        summary = parts.joined(separator: ", ")
    }

    public var text: String {
        let percent = NumberText.fixed(level * 100, level * 100 == (level * 100).rounded() ? 0 : 1)
        var lines = [
            "% Fitted coefficients of model '\(LaTeXText.comment(modelName))': \(LaTeXText.comment(formula))",
            "% Needs \\usepackage{booktabs}.",
            "\\begin{tabular}{lrrrrr}",
            "\\toprule",
            "Term & $\\hat{\\beta}$ & SE & $t$ & $p$ & \(percent)\\,\\% CI \\\\",
            "\\midrule",
        ]
        lines += rows.map { $0.joined(separator: " & ") + " \\\\" }
        lines.append("\\bottomrule")
        lines.append("\\multicolumn{6}{l}{\\footnotesize \(summary)} \\\\")
        lines.append("\\end{tabular}")
        return lines.joined(separator: "\n") + "\n"
    }
}
