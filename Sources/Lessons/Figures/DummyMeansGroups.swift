import GLM

/// The groups a `dummy-means` figure draws, read from a model with one
/// categorical predictor: the levels left to right, the fitted intercept (the
/// reference group's mean) and each other group's β̂ⱼ (its mean minus the
/// reference mean), and which group every observation is in.
///
/// Levels run in the design's order: the reference first, then the others in
/// the order the model's `levels` list (or the data) gives them. That is the
/// order of the dummy columns, so β̂₁, β̂₂, … read left to right as the
/// coefficient table and the dummy-coding table number them.
struct DummyMeansGroups {
    /// More groups than this leave no room for a mean, an arrow and a label each.
    static let levelCounts = 2...8

    let variable: String
    let levels: [String]
    /// β̂₀, the reference group's mean.
    let intercept: Double
    /// β̂ⱼ of `levels[j]`, for j ≥ 1 (index 0, the reference, holds 0).
    let differences: [Double]
    /// The dummy column of each level after the reference (index 0 holds "(Intercept)").
    let columns: [String]
    /// For every row the fit used, the index of its group in `levels`.
    let groupOfRow: [Int]
    let y: [Double]

    /// Each group's fitted mean, β̂₀ + β̂ⱼ.
    var means: [Double] { differences.map { intercept + $0 } }

    init(_ context: FigureContext, option: FigureOptionKey<String?>) throws {
        let model = context.model
        let design = model.design
        let categorical = design.levels.keys.sorted()
        let kind = context.figure.kind.rawValue
        let shape = "\(kind) draws a model with one categorical predictor of \(Self.levelCounts.lowerBound) to \(Self.levelCounts.upperBound) levels, like 'y ~ group'"
        let chosen = context.value(option)
        if let chosen, design.levels[chosen] == nil {
            throw context.fail("'\(chosen)' is not a categorical predictor of model '\(model.spec.name)'",
                               suggestion: categorical.isEmpty ? "the model has no categorical predictor"
                                   : NearestWord.hint(for: chosen, among: categorical))
        }
        let others = design.columnNames.indices
            .filter { design.columnNames[$0] != "(Intercept)" && (chosen ?? categorical.first) != design.columnTerms[$0] }
            .map { design.columnTerms[$0] }
        guard let variable = chosen ?? (categorical.count == 1 ? categorical[0] : nil), others.isEmpty else {
            let numeric = Set(others).filter { model.frame[$0]?.numericValues != nil }.sorted()
            let rest = Set(others).subtracting(numeric).union(chosen == nil ? categorical : []).sorted()
            let listed = { (names: [String]) in names.map { "'\($0)'" }.joined(separator: ", ") }
            let what = !numeric.isEmpty ? "the numeric predictor\(numeric.count > 1 ? "s" : "") " + listed(numeric)
                : !rest.isEmpty ? "the terms " + listed(rest) : "no predictor"
            throw context.fail("\(shape); model '\(model.spec.name)' has \(what)",
                               suggestion: !numeric.isEmpty
                                   ? "draw a numeric predictor with a 'scatter-fit' figure, or fit one categorical predictor alone for this figure"
                                   : "fit one categorical predictor alone for this figure, e.g. '\(design.responseName) ~ \(categorical.first ?? "group")'")
        }
        let levels = design.levels[variable]!
        guard Self.levelCounts.contains(levels.count) else {
            throw context.fail("\(shape); '\(variable)' has \(levels.count) level\(levels.count == 1 ? "" : "s") in the rows used",
                               suggestion: levels.count < 2 ? "a mean difference needs a second group in the data"
                                   : "merge levels into at most \(Self.levelCounts.upperBound) groups, or show every estimate with a 'coefficient-table' figure")
        }
        guard design.hasIntercept, let intercept = model.estimate("(Intercept)"), intercept.isFinite else {
            throw context.fail("\(kind) needs the intercept β̂₀, the reference group's mean",
                               suggestion: "leave '0 +' and '- 1' out of the formula")
        }
        var differences = [0.0], columns = ["(Intercept)"]
        for level in levels.dropFirst() {
            let column = variable + level
            guard let estimate = model.estimate(column), estimate.isFinite else {
                throw context.fail("the fit has no finite estimate for the dummy column '\(column)'")
            }
            differences.append(estimate)
            columns.append(column)
        }
        let column = model.frame[variable]!
        let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($0.element, $0.offset) })
        self.variable = variable
        self.levels = levels
        self.intercept = intercept
        self.differences = differences
        self.columns = columns
        self.groupOfRow = design.rowsUsed.map { index[column.label(at: $0) ?? ""] ?? 0 }
        self.y = design.y
    }
}
