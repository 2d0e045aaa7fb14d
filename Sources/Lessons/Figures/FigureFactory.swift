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
        switch figure.kind {
        case .scatterFit: return try ScatterFitFigure.make(context)
        case .probabilityModel: return try ProbabilityModelFigure.make(context)
        case .dummyMeans: return try DummyMeansFigure.make(context)
        case .tDistribution: return try TDistributionFigure.make(context)
        case .regressionPlane: return try RegressionPlaneFigure.make(context)
        case .designMatrix: return try DesignMatrixFigure.make(context)
        case .dummyCoding: return try DummyCodingFigure.make(context)
        case .coefficientTable: return try CoefficientTableFigure.make(context)
        }
    }
}
