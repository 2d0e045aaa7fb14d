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
