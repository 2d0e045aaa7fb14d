/// The options every figure kind accepts, declared once.
public enum CommonFigureOptions {
    public static let width = FigureOptionKey.optionalInteger(
        "width", in: 200...4000, absent: "the kind's own size", "width of the figure in pixels")
    public static let height = FigureOptionKey.optionalInteger(
        "height", in: 150...4000, absent: "the kind's own size", "height of the figure in pixels")
    public static let title = FigureOptionKey.text(
        "title", absent: "none", "title above the figure (labels may hold `$…$` math)")
    public static let xLabel = FigureOptionKey.text(
        "x-label", absent: "the kind's own, usually the column's name", "title of the horizontal axis")
    public static let yLabel = FigureOptionKey.text(
        "y-label", absent: "the kind's own, usually the column's name", "title of the vertical axis")

    /// Options whose text is typeset, checked before anything is drawn.
    static let labels = [title, xLabel, yLabel]

    static let all: [any FigureOptionDeclaring] = [width, height, title, xLabel, yLabel]
}
