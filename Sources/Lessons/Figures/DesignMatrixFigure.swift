import GLM
import Plot

/// `design-matrix`: the model's X drawn as SPM draws it, one grey cell per
/// entry, each column scaled to its own range, the column names as R prints
/// them, and the numbers in the cells when the design is small enough to read.
enum DesignMatrixFigure {
    static func make(_ context: FigureContext) throws -> any Figure {
        let figure = context.figure, model = context.model
        let x = model.design.x
        let values = (0..<x.rows).map { x.row($0) }
        let numbers: MatrixImage.Numbers
        switch figure.text("numbers") ?? "auto" {
        case "always": numbers = .always
        case "never": numbers = .never
        default: numbers = .automatic
        }
        let scaling: MatrixImage.Scaling = figure.text("scaling") == "none" ? .global : .perColumn
        let rowLabels = rowLabels(model)
        let rowHeight = 34.0
        let height = figure.integer("height").map(Double.init)
            ?? min(1400, max(320, Double(x.rows) * rowHeight + 190))
        let width = figure.integer("width").map(Double.init) ?? min(760, max(360, Double(x.columns) * 112 + 250))
        return MatrixImage(size: Size(width: width, height: height), title: figure.text("title"), values: values,
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
