import Plot

/// Builds the drawing of a figure through its kind's definition. Every figure
/// of a lesson is built (and so checked) before any file is written.
enum FigureFactory {
    static func make(_ figure: FigureSpec, model: FittedModel) throws -> any Figure {
        let context = FigureContext(figure: figure, model: model)
        // Labels are TeX; check them now so a typo is reported before any file is written.
        for option in CommonFigureOptions.labels {
            guard let label = context.value(option) else { continue }
            do {
                _ = try TeX.markup(label)
            } catch {
                throw context.fail("option '\(option.name)' is not a label glmviz can typeset: \(error)")
            }
        }
        let drawing = try figure.kind.definition.make(context)
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

    /// What to change so the figure can be drawn: rescale the data, and keep
    /// any positions the spec gives in data units (such as `at`) within its range.
    static func undrawableSuggestion(_ figure: FigureSpec, axis: String) -> String {
        var fix = "rescale the data so the \(axis) values are moderate numbers (measure in other units, e.g. thousands or millionths, or subtract a constant such as the mean)"
        for option in figure.kind.definition.options where option.placesData && figure.options[option.name] != nil {
            fix += ", and choose '\(option.name)' positions within the range of the data"
        }
        return fix
    }
}
