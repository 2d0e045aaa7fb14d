/// A model's design matrix X as an amsmath `bmatrix`, with the column names
/// (as R prints them) in a comment above, for a course that typesets the
/// matrix the figure draws.
struct LaTeXDesignMatrix {
    let modelName: String
    let formula: String
    let columnNames: [String]
    let rows: [[Double]]

    init(_ model: FittedModel) {
        modelName = model.spec.name
        formula = model.spec.formula
        columnNames = model.design.columnNames
        let x = model.design.x
        rows = (0..<x.rows).map { x.row($0) }
    }

    var text: String {
        var lines = [
            "% Design matrix X of model '\(modelName)': \(formula)",
            "% \(rows.count) rows; columns: \(columnNames.joined(separator: ", "))",
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
