import GLM
import Plot

/// `design-matrix`: the model's X drawn as SPM draws it, one grey cell per
/// entry, the column names as R prints them (dummy columns in the level order
/// the spec or data gives), and the numbers in the cells when the design is
/// small enough to read.
///
/// Past `reviewRows` rows it switches to SPM's design review: no numbers, the
/// rows labelled sparsely (1, 5, 10, …, n), no cell borders, and SPM's display
/// scaling (`MatrixImage.Scaling.spm`), said in a note under the matrix. Any
/// size can show the estimability row (grey where a β is not uniquely
/// determined, from the fit's estimability) and named contrasts drawn above
/// the matrix as SPM draws them.
enum DesignMatrixFigure: FigureKindDefinition {
    static let name = "design-matrix"
    static let summary = "SPM-style image of X: column names, numbers in small designs, SPM's review past 20 rows, estimability row, contrasts above"

    /// More rows than this and the cells are too small to read one by one.
    static let reviewRows = 20
    /// More contrasts than this would push the matrix off any figure a course
    /// shows (each takes a name and a band of bars).
    static let maximumContrasts = 12

    static let numbers = FigureOptionKey.choice(
        "numbers", ["auto", "always", "never"], default: "auto",
        "numbers in the cells; `auto` shows them when they can be read and the design has at most 20 rows")
    static let scaling = FigureOptionKey.choice(
        "scaling", ["auto", "column", "spm", "none"], default: "auto",
        "grey levels: `column` each column from its smallest (black) to its largest (white); `spm` as SPM's review (0 mid-grey, 1 white, covariates stretched to black…white); `none` one scale for the whole matrix; `auto` is `spm` past 20 rows, else `column`")
    static let estimability = FigureOptionKey.choice(
        "estimability", ["auto", "always", "never"], default: "auto",
        "a row of squares under the matrix, grey where a β is not uniquely determined (aliased columns); `auto` shows it past 20 rows or when a β is not estimable")
    static let contrasts = FigureOptionKey.contrasts(
        "contrasts", "contrasts drawn above the matrix, a bar per column (positive up), e.g. `{face-vs-house: [0, 1, -1]}` or `{face-vs-house: condface - condhouse}`")
    static let options: [any FigureOptionDeclaring] = [numbers, scaling, estimability, contrasts]
    static let animation: FigureKindAnimation? = nil
    /// The matrix as a LaTeX `bmatrix`, for a course written in LaTeX.
    static func exports(_ context: FigureContext) throws -> [FigureExport] {
        [FigureExport(fileExtension: "tex", text: LaTeXDesignMatrix(context.model).text)]
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let model = context.model
        let x = model.design.x
        let review = x.rows > reviewRows
        let values = (0..<x.rows).map { x.row($0) }
        let numbers: MatrixImage.Numbers
        switch context.value(Self.numbers) {
        case "always": numbers = .always
        case "never": numbers = .never
        default: numbers = review ? .never : .automatic
        }
        let scaling: MatrixImage.Scaling
        switch context.value(Self.scaling) {
        case "column": scaling = .perColumn
        case "spm": scaling = .spm
        case "none": scaling = .global
        default: scaling = review ? .spm : .perColumn
        }
        let written = context.value(Self.contrasts)
        if written.count > maximumContrasts {
            throw LessonError(.badSpec, at: written[maximumContrasts].location,
                              message: "figure '\(context.figure.id)': a design-matrix figure draws at most \(maximumContrasts) contrasts above the matrix, and this one asks for \(written.count)",
                              suggestion: "draw the others in a second figure of the same model")
        }
        // A contrast that leans on aliased columns has no unique value, whatever the
        // pseudo-inverse returns: its name says so, as SPM refuses such a contrast.
        let contrasts = try written.map { contrast in
            let weights = try contrast.weights(for: model.design, figure: context.figure.id, model: model.spec.name)
            let name = model.fit.solution.isEstimable(weights) ? contrast.name : contrast.name + " (not estimable)"
            return MatrixImage.Contrast(name: name, weights: weights)
        }
        let estimable = model.fit.coefficients.map(\.estimable)
        let showEstimability: Bool
        switch context.value(Self.estimability) {
        case "always": showEstimability = true
        case "never": showEstimability = false
        default: showEstimability = review || estimable.contains(false)
        }

        let rowLabels = review ? (1...x.rows).map { "\($0)" } : rowLabels(model)
        // The contrasts and the estimability row come on top of the matrix's own height.
        let bands = Double(contrasts.count) * 60 + (showEstimability ? 30 : 0)
        let height = context.value(CommonFigureOptions.height).map(Double.init)
            ?? (review ? min(1000, max(480, Double(x.rows) * 9 + 260)) + bands
                       : min(1400, max(320, Double(x.rows) * 34 + 190)) + bands)
        let width = context.value(CommonFigureOptions.width).map(Double.init) ?? min(760, max(360, Double(x.columns) * 112 + 250))
        var image = MatrixImage(size: Size(width: width, height: height), title: context.title, values: values,
                                columnLabels: model.design.columnNames.indices.map { CoefficientTableFigure.texEscaped(model.names.term($0)) }, rowLabels: rowLabels,
                                colorMap: .grey, scaling: scaling, numbers: numbers)
        image.contrasts = contrasts
        image.estimable = showEstimability ? estimable : nil
        if review {
            image.rowLabelSpacing = .scanTicks
            image.cellBorders = false
        }
        image.notes = notes(scaling: scaling, review: review, estimability: showEstimability)
        return image
    }

    /// What the greys mean, under a review-style matrix (a small one shows its
    /// numbers), and what the estimability row says.
    static func notes(scaling: MatrixImage.Scaling, review: Bool, estimability: Bool) -> [String] {
        var notes: [String] = []
        if review {
            switch scaling {
            case .spm:
                notes.append("Grey levels as SPM shows a design: 0 mid-grey, 1 white, −1 black; a covariate is stretched from black (smallest) to white (largest).")
            case .perColumn:
                notes.append("Each column scaled to its own range: smallest black, largest white.")
            default:
                notes.append("One grey scale for the whole matrix: smallest value black, largest white.")
            }
        }
        if estimability {
            notes.append("Row under the matrix: a grey square marks a β that is not uniquely determined.")
        }
        return notes
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
        let names = design.columnNames.indices.map(context.model.names.term)
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
