import Foundation
import GLM
import Plot
import Support

/// `anova-table`: the model's analysis-of-variance table as R prints it — type I
/// (sequential, `anova(lm)`) or car's types II and III — with Df, sums of
/// squares, mean squares, F and p per term, and the residual row. The chapter's
/// point that ANOVA is the GLM, shown with the numbers of the lesson's own fit.
/// The same table is exported as a booktabs `tabular` for a LaTeX course.
enum AnovaTableFigure: FigureKindDefinition {
    static let name = "anova-table"
    static let summary = "ANOVA table of the fit (type I as R's anova, types II and III as car::Anova): Df, SS, MS, F, p"

    static let type = FigureOptionKey.integer(
        "type", in: 1...3, default: 1,
        "1: sequential sums of squares, as R's `anova(lm)`; 2 and 3: as `car::Anova(type = 2 or 3)` (type 3 refuses aliased columns, as car does)")
    static let options: [any FigureOptionDeclaring] = [type]
    static let animation: FigureKindAnimation? = nil

    static func exports(_ context: FigureContext) throws -> [FigureExport] {
        let (table, cells) = try numbers(context, style: .latex)
        var lines = [
            "% \(LaTeXText.comment(table.kind.title)) of model '\(LaTeXText.comment(context.model.spec.name))': "
                + LaTeXText.comment(context.model.spec.formula),
            "% Needs \\usepackage{booktabs}.",
            "\\begin{tabular}{lrrrrr}",
            "\\toprule",
            "Term & Df & Sum Sq & Mean Sq & $F$ & $p$ \\\\",
            "\\midrule",
        ]
        for (row, cell) in zip(table.rows, cells) {
            if row.term == "Residuals" { lines.append("\\midrule") }
            lines.append(([LaTeXText.escaped(row.term)] + cell.map { $0 ?? "" }).joined(separator: " & ") + " \\\\")
        }
        lines += ["\\bottomrule", "\\end{tabular}"]
        return [FigureExport(fileExtension: "tex", text: lines.joined(separator: "\n") + "\n")]
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let (table, cells) = try numbers(context, style: .unicode)
        let rows = zip(table.rows, cells).map { row, cell in
            [Self.wrappedTerm(CoefficientTableFigure.texEscaped(row.term))] + cell.map { $0 ?? "" }
        }
        let response = context.model.names.variable(context.model.design.responseName)
        let heading = ["I", "II", "III"][table.kind.rawValue - 1]
        let drawn = Table(
            title: context.title ?? "Type \(heading) ANOVA of \(CoefficientTableFigure.texEscaped(response))",
            header: ["Term", "Df", "Sum Sq", "Mean Sq", "$F$", "$p$"],
            rows: rows, alignments: [.left, .right, .right, .right, .right, .right])
        let contents = "\(table.rows.count - 1) terms"
        let fix = "fit a model with fewer terms for the table, or read it from 'glmviz fit --anova --json'"
        try context.checkTableBounds(columns: 6, rows: table.rows.count + 1, describing: contents, fix: fix)
        return try context.fitted(try drawn.sized(), describing: contents, fix: fix)
    }

    /// A long interaction's label broken after each ':' (`a:\nb:\nc`), so the
    /// term column is as wide as its longest variable name, not the whole label.
    static func wrappedTerm(_ term: String) -> String {
        term.count > 20 ? term.replacingOccurrences(of: ":", with: ":\n") : term
    }

    /// The table and its printed cells (Df, SS, MS, F, p; nil where R prints
    /// nothing), in Unicode with p as TeX math for the figure, or as LaTeX: SS and
    /// MS to five significant digits, lined up on the point; F to two decimals
    /// below 1000.
    static func numbers(_ context: FigureContext, style: NumberStyle.Output) throws -> (AnovaTable, [[String?]]) {
        let kind = AnovaTable.Kind(rawValue: context.value(Self.type))!
        let table: AnovaTable
        do {
            table = try context.model.design.anova(kind)
        } catch let failure as AnovaTable.Failure {
            throw context.fail(failure.description, suggestion: "use type 1 or 2, or a model without aliased columns")
        }
        let math = NumberStyle(output: style)
        // Sums of squares span many orders of magnitude in one column (the
        // intercept's beside an interaction's), so each gets five significant
        // digits, as R prints them, lined up on the point; ×10ⁿ from 10⁹ on.
        func column(_ values: [Double?]) -> [String?] {
            DecimalAlignment.padded(values.map { $0.map { NumberFormat.label($0, significant: 5) } }, style: math)
        }
        let ss = column(table.rows.map(\.sumOfSquares))
        let ms = column(table.rows.map(\.meanSquare))
        // F to two decimals, whole from 1000 on (an intercept's F runs to six digits).
        let f = DecimalAlignment.padded(
            table.rows.map { $0.f.map { NumberFormat.number($0, .decimals($0 >= 1000 ? 0 : 2)) } }, style: math)
        let cells = table.rows.indices.map { k -> [String?] in
            let row = table.rows[k]
            let p = row.p.map { p -> String in
                style == .latex
                    ? NumberFormat.pValue(p, style: context.model.notation.style(.latex))
                    : "$" + NumberFormat.pValue(p, style: context.model.notation.style(.texMath)) + "$"
            }
            return [String(row.df), ss[k] ?? "NA", ms[k], f[k], p]
        }
        return (table, cells)
    }

    static func describe(_ context: FigureContext) throws -> String {
        let (table, _) = try numbers(context, style: .unicode)
        let terms = table.rows.filter { $0.term != "Residuals" }.map { row -> String in
            guard let f = row.f, let p = row.p else { return "\(row.term) (df \(row.df), nothing left to test)" }
            return "\(row.term) F = \(NumberFormat.number(f, .decimals(2)).text(.unicode)) on \(row.df) and "
                + "\(table.rows.last!.df) df, \(NumberFormat.pClause(p, style: context.model.notation.style(.unicode)))"
        }
        return "\(table.kind.title) for \(context.model.names.variable(context.model.design.responseName)): "
            + terms.joined(separator: "; ") + "; residual df = \(table.rows.last!.df)."
    }
}

extension FigureKind {
    public static let anovaTable = FigureKind(AnovaTableFigure.self)
}
