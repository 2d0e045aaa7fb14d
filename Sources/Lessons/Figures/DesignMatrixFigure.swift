import GLM
import Plot

/// `design-matrix`: the model's X drawn as SPM draws it, one grey cell per
/// entry, each column scaled to its own range, the column names as R prints
/// them, and the numbers in the cells when the design is small enough to read.
enum DesignMatrixFigure: FigureKindDefinition {
    static let name = "design-matrix"
    static let summary = "SPM-style image of X, column names, numbers in the cells of small designs"

    static let numbers = FigureOptionKey.choice(
        "numbers", ["auto", "always", "never"], default: "auto", "numbers in the cells; `auto` shows them when they can be read")
    static let scaling = FigureOptionKey.choice(
        "scaling", ["column", "none"], default: "column", "grey levels scaled per column, or one scale for the whole matrix")
    static let options: [any FigureOptionDeclaring] = [numbers, scaling]
    static let animation: FigureKindAnimation? = nil
    /// The matrix as a LaTeX `bmatrix`, for a course written in LaTeX.
    static func exports(_ context: FigureContext) throws -> [FigureExport] {
        [FigureExport(fileExtension: "tex", text: LaTeXDesignMatrix(context.model).text)]
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let model = context.model
        let x = model.design.x
        let values = (0..<x.rows).map { x.row($0) }
        let numbers: MatrixImage.Numbers
        switch context.value(Self.numbers) {
        case "always": numbers = .always
        case "never": numbers = .never
        default: numbers = .automatic
        }
        let scaling: MatrixImage.Scaling = context.value(Self.scaling) == "none" ? .global : .perColumn
        let rowLabels = rowLabels(model)
        let rowHeight = 34.0
        let height = context.value(CommonFigureOptions.height).map(Double.init)
            ?? min(1400, max(320, Double(x.rows) * rowHeight + 190))
        let width = context.value(CommonFigureOptions.width).map(Double.init) ?? min(760, max(360, Double(x.columns) * 112 + 250))
        return MatrixImage(size: Size(width: width, height: height), title: context.title, values: values,
                           columnLabels: model.design.columnNames, rowLabels: rowLabels,
                           colorMap: .grey, scaling: scaling, numbers: numbers)
    }

    /// Row labels that say who each row is: the categorical predictor's label
    /// (numbered within its group) for a design of groups, else the row number.
    static func rowLabels(_ model: FittedModel) -> [String] {
        let rows = model.design.rowsUsed
        let categorical = model.design.levels.keys.sorted()
        guard categorical.count == 1, let column = model.frame[categorical[0]] else {
            return rows.map { "\($0 + 1)" }
        }
        var counts: [String: Int] = [:]
        return rows.map { row in
            let label = column.label(at: row) ?? "?"
            counts[label, default: 0] += 1
            return "\(label) \(counts[label]!)"
        }
    }
}

extension FigureKind {
    public static let designMatrix = FigureKind(DesignMatrixFigure.self)
}

extension DesignMatrixFigure {
    /// "Design matrix with 20 rows, one per observation, and 2 columns,
    /// (Intercept) and grouppatient; each cell's value is a grey level, scaled
    /// per column; (Intercept) is 1 in every row, grouppatient is 0 or 1."
    static func describe(_ context: FigureContext) throws -> String {
        let design = context.model.design
        let x = design.x
        let names = design.columnNames
        let shown = 8
        let listed = names.count > shown ? Array(names.prefix(shown)) + ["\(names.count - shown) more"] : names
        var text = "Design matrix with \(FigureDescription.count(x.rows, "row")), one per observation, and "
            + "\(FigureDescription.count(x.columns, "column")), \(FigureDescription.list(listed)); each cell's value is a grey level, "
            + (context.value(Self.scaling) == "none" ? "on one scale for the whole matrix" : "scaled per column")
        if context.value(Self.numbers) == "always" { text += ", with its number written in it" }
        // What each column holds, for the columns a reader can take in at once.
        let kinds = (0..<min(x.columns, shown)).map { j -> String in
            let values = Set((0..<x.rows).map { x.row($0)[j] })
            if values == [1] { return "\(names[j]) is 1 in every row" }
            if values.isSubset(of: [0, 1]) { return "\(names[j]) is 0 or 1" }
            let column = (0..<x.rows).map { x.row($0)[j] }
            return "\(names[j]) runs from \(FigureDescription.number(column.min()!)) to \(FigureDescription.number(column.max()!))"
        }
        if !kinds.isEmpty { text += "; " + kinds.joined(separator: ", ") }
        return text + "."
    }
}
