import Plot

/// Chooses the drawing for a figure kind. Every figure of a lesson is built
/// (and so checked) before any file is written.
enum FigureFactory {
    static func make(_ figure: FigureSpec, model: FittedModel) throws -> any Figure {
        let context = FigureContext(figure: figure, model: model)
        // Labels are TeX; check them now so a typo is reported before any file is written.
        for option in ["title", "x-label", "y-label"] {
            guard let label = figure.text(option) else { continue }
            do {
                _ = try TeX.markup(label)
            } catch {
                throw context.fail("option '\(option)' is not a label glmviz can typeset: \(error)")
            }
        }
        let drawing: any Figure
        switch figure.kind {
        case .scatterFit: drawing = try ScatterFitFigure.make(context)
        case .probabilityModel: drawing = try ProbabilityModelFigure.make(context)
        case .dummyMeans: drawing = try DummyMeansFigure.make(context)
        case .tDistribution: drawing = try TDistributionFigure.make(context)
        case .regressionPlane: drawing = try RegressionPlaneFigure.make(context)
        case .designMatrix: drawing = try DesignMatrixFigure.make(context)
        case .dummyCoding: drawing = try DummyCodingFigure.make(context)
        case .coefficientTable: drawing = try CoefficientTableFigure.make(context)
        }
        // One check for every kind, on the scales the drawing ends in: coordinates that
        // overflow, collapse or leave the canvas are refused here, before any file is
        // written, rather than drawn as an empty or garbled plot.
        do {
            try drawing.validateScales()
        } catch let PlotError.undrawable(axis, reason) {
            throw context.fail("cannot be drawn: \(reason)", suggestion: undrawableSuggestion(figure, axis: axis))
        }
        return drawing
    }

    /// What to change so the figure can be drawn.
    static func undrawableSuggestion(_ figure: FigureSpec, axis: String) -> String {
        var fix = "rescale the data so the \(axis) values are moderate numbers (measure in other units, e.g. thousands or millionths, or subtract a constant such as the mean)"
        if figure.kind == .probabilityModel, figure.numbers("at") != nil {
            fix += ", and choose 'at' positions within the range of the data"
        }
        return fix
    }
}
