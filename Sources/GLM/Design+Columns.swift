/// A `Design` from named numeric columns instead of a formula written by hand, so
/// a design made elsewhere (an fMRI design's regressors, drift and confounds) gets
/// everything a formula design has: R-style names, contrasts by name, design rows
/// and the fit.
///
/// It is the formula `response ~ 0 + `c₁` + `c₂` + …` on a frame holding the
/// columns, built through the ordinary formula path, so nothing about `Design`
/// changes and the two kinds of design cannot drift apart. No intercept is added:
/// the columns are the whole design (an fMRI design brings its own constant per
/// run), so R² is the uncentred one, as R reports it for `y ~ 0 + …`.
extension Design {
    public init(columns: [(name: String, values: [Double])], response: [Double], responseName: String = "y") throws {
        guard !columns.isEmpty else {
            throw Diagnostic(.usage, "a design from columns needs at least one column")
        }
        for name in [responseName] + columns.map(\.name) where name.isEmpty || name.contains("`") {
            throw Diagnostic(
                .badData, "column name \"\(name)\" cannot be used in a design",
                suggestion: "use a non-empty name without backticks")
        }
        if columns.contains(where: { $0.name == responseName }) {
            throw Diagnostic(
                .usage, "the response \"\(responseName)\" has the name of a design column",
                suggestion: "give the response another name")
        }
        let frame = try Frame(
            columns: [(name: responseName, column: Column.numeric(response))]
                + columns.map { (name: $0.name, column: Column.numeric($0.values)) })
        let text = "`\(responseName)` ~ 0 + " + columns.map { "`\($0.name)`" }.joined(separator: " + ")
        try self.init(text, frame: frame)
    }
}
