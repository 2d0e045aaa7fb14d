import Support
import GLM
import Plot

/// `design-orthogonality`: SPM's design orthogonality display, |cos θ| between
/// every pair of design columns in the upper triangle, 0 white (orthogonal) to
/// 1 black (collinear), the column names above and beside the diagonal.
///
/// Why the chapter wants it: SPM estimates with a pseudo-inverse, so even a
/// design with an aliased pair (a black cell off the diagonal) is estimated;
/// this figure shows where the columns overlap and the design matrix's
/// estimability row which β̂ that leaves undetermined. The cosines are those
/// of the columns as they are, not centred, as SPM computes them.
enum DesignOrthogonalityFigure: FigureKindDefinition {
    static let name = "design-orthogonality"
    static let summary = "SPM's design orthogonality: |cos θ| between design columns, upper triangle, white 0 to black 1"

    static let numbers = FigureOptionKey.choice(
        "numbers", ["auto", "always", "never"], default: "auto", "|cos θ| printed in the cells; `auto` shows them when they can be read")
    static let options: [any FigureOptionDeclaring] = [numbers]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    /// More columns than this cannot be told apart in one square (and the pairs
    /// cost p² · n to compute): refused rather than drawn as grey noise.
    static let maximumColumns = 100

    static func make(_ context: FigureContext) throws -> any Figure {
        let design = context.model.design
        guard design.x.columns <= maximumColumns else {
            throw context.fail("a design-orthogonality figure shows at most \(maximumColumns) columns; model '\(context.model.spec.name)' has \(design.x.columns)",
                               suggestion: "show a model with fewer columns, or its design with a 'design-matrix' figure, which summarises wide designs")
        }
        let cosines = design.x.absoluteColumnCosines()
        if let zero = (0..<design.x.columns).first(where: { cosines[$0][$0].isNaN }) {
            throw context.fail("design column '\(design.columnNames[zero])' of model '\(context.model.spec.name)' is all zeros, so it has no angle with the others",
                               suggestion: "leave the column out of the formula, or check the data that makes it")
        }
        let numbers: MatrixImage.Numbers
        switch context.value(Self.numbers) {
        case "always": numbers = .always
        case "never": numbers = .never
        default: numbers = .automatic
        }
        let side = Double(design.x.columns)
        let width = context.value(CommonFigureOptions.width).map(Double.init) ?? min(760, max(420, side * 80 + 260))
        var image = MatrixImage(size: Size(width: width, height: 0), title: context.title, values: cosines,
                                columnLabels: design.columnNames.indices.map { CoefficientTableFigure.texEscaped(context.model.names.term($0)) },
                                rowLabels: design.columnNames.indices.map { CoefficientTableFigure.texEscaped(context.model.names.term($0)) },
                                colorMap: .inverseGrey, scaling: .range(0...1), numbers: numbers, decimals: 2)
        image.upperTriangle = true
        image.colorBar = true
        image.notes = ["|cos θ| between columns: 0 (white) orthogonal, 1 (black) collinear."]
        // The grid is square, so the height follows from the width and the labels.
        image.size.height = try context.value(CommonFigureOptions.height).map(Double.init) ?? image.fittedHeight(minimum: 240)
        return image
    }
}

extension FigureKind {
    public static let designOrthogonality = FigureKind(DesignOrthogonalityFigure.self)
}

extension DesignOrthogonalityFigure {
    /// "Design orthogonality of 4 columns, (Intercept), blood: A, …: |cos θ|
    /// for each pair in the upper triangle, white 0 to black 1; the largest
    /// off the diagonal is 0.5, between (Intercept) and blood: A."
    static func describe(_ context: FigureContext) throws -> String {
        let design = context.model.design
        let names = design.columnNames.indices.map(context.model.names.term)
        let cosines = design.x.absoluteColumnCosines()
        var largest: (Double, Int, Int)? = nil
        for i in names.indices { for j in names.indices where j > i && cosines[i][j].isFinite {
            if largest == nil || cosines[i][j] > largest!.0 { largest = (cosines[i][j], i, j) }
        } }
        let shown = names.count > 8 ? Array(names.prefix(8)) + ["\(names.count - 8) more"] : names
        var text = "Design orthogonality of \(FigureDescription.count(names.count, "column")), \(FigureDescription.list(shown)): "
            + "|cos θ| for each pair in the upper triangle, white for 0 (orthogonal) to black for 1 (collinear)"
        if let (value, i, j) = largest {
            text += "; the largest off the diagonal is \(NumberFormat.number(value, .decimals(2)).text(.unicode)), between \(names[i]) and \(names[j])"
        }
        return text + "."
    }
}
