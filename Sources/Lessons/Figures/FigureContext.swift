import GLM
import Plot

/// What a figure kind needs to draw: its spec and the fitted model it shows.
struct FigureContext {
    let figure: FigureSpec
    let model: FittedModel

    /// The value of one of the figure's options, or its declared default.
    func value<Value>(_ option: FigureOptionKey<Value>) -> Value {
        figure.value(option)
    }

    /// The `title` option, which every kind passes to its drawing.
    var title: String? { value(CommonFigureOptions.title) }

    func fail(_ message: String, suggestion: String? = nil) -> LessonError {
        LessonError(.badSpec, at: figure.location, message: "figure '\(figure.id)': \(message)", suggestion: suggestion)
    }

    /// The canvas a table may take: the `width`/`height` options, else the largest
    /// figure (4000 pixels).
    var tableLimit: Size {
        Size(width: Double(value(CommonFigureOptions.width) ?? 4000), height: Double(value(CommonFigureOptions.height) ?? 4000))
    }

    /// Refuses, from its counts alone, a table that cannot fit `tableLimit`: every
    /// column takes at least 20 pixels (a digit and the gap) and every row 16.
    func checkTableBounds(columns: Int, rows: Int, describing contents: String, fix: String) throws {
        let least = Size(width: Double(columns) * 20, height: Double(rows) * 16)
        if least.width > tableLimit.width || least.height > tableLimit.height {
            throw fail("the table (\(contents)) needs at least \(Int(least.width)) × \(Int(least.height)) pixels and cannot be shown whole on a \(Int(tableLimit.width)) × \(Int(tableLimit.height)) canvas",
                       suggestion: fix)
        }
    }

    /// `table`, sized to its content, on the canvas the options ask for.
    ///
    /// A table is text to be read, so it is never shrunk or cropped: one wider or
    /// taller than its canvas (the `width`/`height` options, else the largest figure,
    /// 4000 pixels) is refused, saying how large it would be and `fix`.
    func fitted(_ table: Table, describing contents: String, fix: String) throws -> Table {
        var fitted = table
        let limit = tableLimit
        if table.size.width > limit.width || table.size.height > limit.height {
            throw fail("the table (\(contents)) needs \(Int(table.size.width)) × \(Int(table.size.height)) pixels and would be cropped to \(Int(min(table.size.width, limit.width))) × \(Int(min(table.size.height, limit.height)))",
                       suggestion: (value(CommonFigureOptions.width) != nil || value(CommonFigureOptions.height) != nil
                           ? "leave out 'width' and 'height' so the table takes the size it needs, or " : "") + fix)
        }
        if let width = value(CommonFigureOptions.width) { fitted.size.width = Double(width) }
        if let height = value(CommonFigureOptions.height) { fitted.size.height = Double(height) }
        return fitted
    }

    /// The chart size from the options (default: 760 × 520 logical pixels).
    var size: Size {
        Size(width: Double(value(CommonFigureOptions.width) ?? 760), height: Double(value(CommonFigureOptions.height) ?? 520))
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
        if let chosen = value(SharedFigureOptions.predictor) { return chosen }
        let predictors = model.predictorColumns
        guard predictors.count == 1, model.frame[predictors[0]]?.numericValues != nil else {
            throw fail("\(figure.kind.rawValue) draws a model with one numeric predictor; model '\(model.spec.name)' has columns \(predictors)",
                       suggestion: "use a formula like 'y ~ x'")
        }
        return predictors[0]
    }

    /// Axis titles: the options, else the columns' display names (the lesson's
    /// `labels:`, else the names), as plain text in the label language.
    func axisTitles(x: String, y: String) -> (String, String) {
        (value(CommonFigureOptions.xLabel) ?? CoefficientTableFigure.texEscaped(model.names.variable(x)),
         value(CommonFigureOptions.yLabel) ?? CoefficientTableFigure.texEscaped(model.names.variable(y)))
    }
}
