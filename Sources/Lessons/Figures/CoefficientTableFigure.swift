import GLM
import Plot
import Support

/// `coefficient-table`: the fitted coefficients as a booktabs table — β̂, its
/// standard error, t, p and the confidence interval — headed by σ̂, R² and the
/// residual degrees of freedom, the numbers a lesson quotes.
enum CoefficientTableFigure: FigureKindDefinition {
    static let name = "coefficient-table"
    static let summary = "β̂, SE, t, p and the confidence interval as a table"

    static let options: [any FigureOptionDeclaring] = [SharedFigureOptions.level]
    static let animation: FigureKindAnimation? = nil
    /// The same numbers as a booktabs table, for a course written in LaTeX.
    static func exports(_ context: FigureContext) throws -> [FigureExport] {
        let table = try LaTeXCoefficientTable(context.model, level: context.value(SharedFigureOptions.level))
        return [FigureExport(fileExtension: "tex", text: table.text)]
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let model = context.model, fit = model.fit
        let level = context.value(SharedFigureOptions.level)
        let percent = NumberFormat.label(level * 100).text(.unicode)
        let intervals = level == fit.confidenceLevel ? fit : try refit(model, level: level)
        // β̂, SE and t are padded with figure spaces to line up on the point in
        // their right-aligned columns (DejaVu's digits are all one width).
        let pairs = Array(zip(fit.coefficients, intervals.coefficients))
        let decimals = model.notation.decimals
        let estimates = DecimalAlignment.padded(pairs.map { c, _ in decimals.estimate(c.estimate, standardError: c.standardError) }, style: .unicode)
        let errors = DecimalAlignment.padded(pairs.map { c, _ in c.standardError.map(decimals.standardError) }, style: .unicode)
        let statistics = DecimalAlignment.padded(pairs.map { c, _ in c.t.map(decimals.statistic) }, style: .unicode)
        let rows = pairs.enumerated().map { index, pair -> [String] in
            let (c, withInterval) = pair
            return [
                texEscaped(model.names.term(named: c.term)),
                estimates[index],
                errors[index] ?? "—",
                statistics[index] ?? "—",
                c.p.map { "$\(NumberFormat.pValue($0, style: model.notation.style(.texMath)))$" } ?? "—",
                withInterval.confidenceInterval.map {
                    "$" + NumberFormat.interval($0.lowerBound, $0.upperBound,
                                              decimals.intervalPrecision(standardError: c.standardError),
                                              style: .texMath) + "$"
                } ?? "—",
            ]
        }
        var summary: [String] = []
        if let sigma = fit.sigma { summary.append("$\\hat{\\sigma} = \(NumberFormat.label(sigma).text(.texMath))$") }
        if let r2 = fit.rSquared { summary.append("$R^2 = \(NumberFormat.number(r2, .decimals(3)).text(.texMath))$") }
        summary.append("residual df = \(fit.dfResidual)")
        let table = Table(title: context.title ?? summary.joined(separator: ",  "),
                          header: ["Term", "$\(model.notation.estimateSymbol)$", "SE", "$t$", "$p$", "\(percent)% CI"],
                          rows: rows, alignments: [.left, .right, .right, .right, .right, .right])
        let contents = "\(fit.coefficients.count) coefficients"
        let fix = "fit a model with fewer columns for the table, or read all of them from fits.json or 'glmviz fit --json'"
        try context.checkTableBounds(columns: 7, rows: fit.coefficients.count + 1, describing: contents, fix: fix)
        return try context.fitted(try table.sized(), describing: contents, fix: fix)
    }

    /// The same fit at another confidence level (only the intervals change).
    static func refit(_ model: FittedModel, level: Double) throws -> Fit {
        try Fit(x: model.design.x, y: model.design.y, columnNames: model.design.columnNames,
                hasIntercept: model.design.hasIntercept, droppedRows: model.design.droppedRows, confidenceLevel: level)
    }


    /// Term and level names are plain text in a label. Outside `$…$` the label
    /// language (Plot's `TeX`) gives meaning to `$` alone (`\$` prints a dollar;
    /// any other backslash prints itself), so `$` is the one character to escape.
    /// A doubled backslash would print twice.
    static func texEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "$", with: "\\$")
    }
}

extension FigureKind {
    public static let coefficientTable = FigureKind(CoefficientTableFigure.self)
}

extension CoefficientTableFigure {
    /// "Table of the 2 coefficients of work_hours: (Intercept) β̂ = 62.37
    /// (SE 26.18, p = 0.026); lot_size β̂ = 3.570 (SE 0.3470, p < 0.001);
    /// each with its t statistic and 95% confidence interval; R² = 0.822,
    /// σ̂ = 48.82, residual df = 23."
    static func describe(_ context: FigureContext) throws -> String {
        let fit = context.model.fit
        let shown = 6
        var rows = fit.coefficients.prefix(shown).map { c -> String in
            var row = "\(context.model.names.term(named: c.term)) \(FigureDescription.plain("$" + context.model.notation.estimateSymbol + "$")) = \(context.model.notation.decimals.estimate(c.estimate, standardError: c.standardError).text(.unicode))"
            if let se = c.standardError, let p = c.p {
                row += " (SE \(context.model.notation.decimals.standardError(se).text(.unicode)), \(NumberFormat.pClause(p, style: context.model.notation.style(.unicode))))"
            } else {
                row += " (not estimable)"
            }
            return row
        }
        if fit.coefficients.count > shown { rows.append("\(fit.coefficients.count - shown) more") }
        let percent = NumberFormat.label(context.value(SharedFigureOptions.level) * 100).text(.unicode)
        var summary: [String] = []
        if let r2 = fit.rSquared { summary.append("R² = \(NumberFormat.number(r2, .decimals(3)).text(.unicode))") }
        if let sigma = fit.sigma { summary.append("σ̂ = \(FigureDescription.number(sigma))") }
        summary.append("residual df = \(fit.dfResidual)")
        return "Table of the \(FigureDescription.count(fit.coefficients.count, "coefficient")) of "
            + "\(context.model.names.variable(context.model.design.responseName)): " + rows.joined(separator: "; ")
            + "; each with its t statistic and \(percent)% confidence interval; " + summary.joined(separator: ", ") + "."
    }
}
