/// Options that mean the same on more than one kind, declared once so their
/// range, default and wording cannot drift apart between kinds.
enum SharedFigureOptions {
    /// The numeric predictor a two-dimensional chart puts on its x axis.
    static let predictor = FigureOptionKey.text(
        "x", absent: "the model's only predictor", "the numeric predictor on the x axis")
    /// The confidence level of intervals, as R's `confint` takes it.
    static let level = FigureOptionKey.number(
        "level", in: 0.5...0.999, default: 0.95, "confidence level of the intervals")
}
