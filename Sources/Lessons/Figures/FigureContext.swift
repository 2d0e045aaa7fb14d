import GLM
import Plot

/// What a figure kind needs to draw: its spec and the fitted model it shows.
struct FigureContext {
    let figure: FigureSpec
    let model: FittedModel

    func fail(_ message: String, suggestion: String? = nil) -> LessonError {
        LessonError(.badSpec, at: figure.location, message: "figure '\(figure.id)': \(message)", suggestion: suggestion)
    }

    /// The chart size from the options (default: 760 × 520 logical pixels).
    var size: Size {
        Size(width: Double(figure.integer("width") ?? 760), height: Double(figure.integer("height") ?? 520))
    }

    /// The values of a numeric predictor over the rows the fit used.
    func numericColumn(_ name: String) throws -> [Double] {
        guard let column = model.frame[name] else {
            throw fail("the data has no column '\(name)'",
                       suggestion: NearestWord.suggestion(for: name, among: model.frame.names).map { "did you mean '\($0)'?" })
        }
        guard let values = column.numericValues else { throw fail("column '\(name)' is categorical, not numeric") }
        return model.design.rowsUsed.map { values[$0] }
    }

    /// The one numeric predictor of a simple regression (or the `x` option).
    func singleNumericPredictor() throws -> String {
        if let chosen = figure.text("x") { return chosen }
        let predictors = model.predictorColumns
        guard predictors.count == 1, model.frame[predictors[0]]?.numericValues != nil else {
            throw fail("\(figure.kind.rawValue) draws a model with one numeric predictor; model '\(model.spec.name)' has columns \(predictors)",
                       suggestion: "use a formula like 'y ~ x'")
        }
        return predictors[0]
    }

    /// Axis titles: the options, else the column names.
    func axisTitles(x: String, y: String) -> (String, String) {
        (figure.text("x-label") ?? x, figure.text("y-label") ?? y)
    }
}
