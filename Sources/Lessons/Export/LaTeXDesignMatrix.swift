import Support

/// A model's design matrix X as an amsmath `bmatrix`, with the column names
/// (as R prints them) in a comment above, for a course that typesets the
/// matrix the figure draws. Entries are written by `LaTeXText.entry`
/// through Support's `NumberFormat`: exact whole numbers, six significant
/// digits otherwise, `-` for TeX's minus.
///
/// Names and the formula are user text: they go through `LaTeXText.comment`,
/// so a line break in a CSV header or a spec cannot end the comment and put
/// live TeX into a file a course `\input`s.
public struct LaTeXDesignMatrix {
    public let modelName: String
    public let formula: String
    public let columnNames: [String]
    public let rows: [[Double]]

    public init(modelName: String, formula: String, columnNames: [String], rows: [[Double]]) {
        self.modelName = modelName
        self.formula = formula
        self.columnNames = columnNames
        self.rows = rows
    }

    init(_ model: FittedModel) {
        let x = model.design.x
        self.init(modelName: model.spec.name, formula: model.spec.formula, columnNames: model.design.columnNames,
                  rows: (0..<x.rows).map { x.row($0) })
    }

    public var text: String {
        var lines = [
            "% Design matrix X of model '\(LaTeXText.comment(modelName))': \(LaTeXText.comment(formula))",
            "% \(rows.count) rows; columns: \(columnNames.map(LaTeXText.comment).joined(separator: ", "))",
            "% Needs \\usepackage{amsmath}.",
        ]
        // amsmath's matrices stop at 10 columns unless told otherwise.
        if columnNames.count > 10 { lines.append("\\setcounter{MaxMatrixCols}{\(columnNames.count)}") }
        lines.append("\\[")
        lines.append("\\mathbf{X} =")
        lines.append("\\begin{bmatrix}")
        for (index, row) in rows.enumerated() {
            let entries = row.map(LaTeXText.entry).joined(separator: " & ")
            lines.append(entries + (index == rows.count - 1 ? "" : " \\\\"))
        }
        lines.append("\\end{bmatrix}")
        lines.append("\\]")
        return lines.joined(separator: "\n") + "\n"
    }
}
