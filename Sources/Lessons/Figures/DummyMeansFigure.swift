import GLM
import Plot

/// `dummy-means`: a two-level categorical predictor coded 0/1 on the x axis.
/// The fitted line runs from the reference group's mean (x = 0, height β̂₀)
/// to the other group's mean (x = 1, height β̂₀ + β̂₁), which is why the slope
/// of a dummy variable is a difference between means.
enum DummyMeansFigure: FigureKindDefinition {
    static let name = "dummy-means"
    static let summary = "a 0/1 group on x, jittered points, group means, the line from the reference mean to the other, β̂₀, β̂₁ and β̂₀ + β̂₁ labelled"

    static let group = FigureOptionKey.text(
        "group", absent: "the model's two-level predictor", "the two-level categorical predictor on the x axis")
    static let jitter = FigureOptionKey.number(
        "jitter", in: 0...0.4, default: 0.08, "how far points spread sideways, in units of the 0/1 code")
    static let seed = FigureOptionKey.integer(
        "seed", in: 0...Int(Int32.max), default: 1, "seed of the jitter, so the figure is the same on every machine")
    static let options: [any FigureOptionDeclaring] = [group, jitter, seed]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    static func make(_ context: FigureContext) throws -> any Figure {
        let model = context.model
        let candidates = model.design.levels.filter { $0.value.count == 2 }.keys.sorted()
        let group = context.value(Self.group) ?? candidates.first
        guard let group, let levels = model.design.levels[group], levels.count == 2,
              model.predictorColumns.count == 1 else {
            throw context.fail("dummy-means draws a model with one two-level categorical predictor, like 'y ~ group'",
                               suggestion: model.design.levels.isEmpty ? "the model has no categorical predictor" : nil)
        }
        let dummy = model.predictorColumns[0]
        guard let b0 = model.estimate("(Intercept)"), let b1 = model.estimate(dummy) else {
            throw context.fail("the model needs an intercept and the dummy column '\(dummy)'")
        }
        let column = model.frame[group]!
        let codes = model.design.rowsUsed.map { column.label(at: $0) == levels[1] ? 1.0 : 0.0 }
        let y = model.design.y

        var random = Xoshiro256StarStar(seed: UInt64(context.value(Self.seed)))
        let jitter = context.value(Self.jitter)
        let jittered = codes.map { $0 + jitter * (2 * random.nextUnitInterval() - 1) }

        let (xTitle, yTitle) = context.axisTitles(x: "\(group) (dummy code)", y: model.design.responseName)
        // Room on the left for the β̂₀ label and on the right for the bracket.
        var xAxis = Axis(xTitle, domain: -0.95...1.85, ticks: [0, 1],
                         tickLabels: ["\(levels[0]) = 0", "\(levels[1]) = 1"])
        xAxis.grid = false
        var chart = Chart(size: context.size, title: context.title, x: xAxis, y: Axis(yTitle))
        let palette = chart.theme.palette
        let halfWidth = 0.16
        chart.marks = [
            .points(zip(jittered, y).filter { $0.0 < 0.5 }.map { Point($0.0, $0.1) }, color: palette[2], radius: 4.5,
                    alpha: 0.75, label: "\(levels[0]) (reference)"),
            .points(zip(jittered, y).filter { $0.0 >= 0.5 }.map { Point($0.0, $0.1) }, shape: .triangle,
                    color: palette[3], radius: 5, alpha: 0.85, label: levels[1]),
            .segments([Segment(-halfWidth, b0, halfWidth, b0), Segment(1 - halfWidth, b0 + b1, 1 + halfWidth, b0 + b1)],
                      color: Color.ink, width: 3, label: "Group mean"),
            .segments([Segment(0, b0, 1, b0)], color: Color.ink, width: 1.2, dash: [5, 4]),
            .polyline([Point(0, b0), Point(1, b0 + b1)], color: palette[0], width: 2.8, label: "Fitted line"),
            .bracket(from: Point(1 + halfWidth + 0.03, b0), to: Point(1 + halfWidth + 0.03, b0 + b1),
                     label: "$\\hat{\\beta}_1 = \(ScatterFitFigure.label(b1))$"),
            .text("$\\hat{\\beta}_0 = \(ScatterFitFigure.label(b0))$", at: Point(-halfWidth, b0),
                  anchor: TextAnchor(.right, .middle), offset: Point(-8, 0)),
            .text("$\\hat{\\beta}_0 + \\hat{\\beta}_1 = \(ScatterFitFigure.label(b0 + b1))$",
                  at: Point(1 - halfWidth, b0 + b1), anchor: TextAnchor(.right, b1 >= 0 ? .bottom : .top),
                  offset: Point(-8, b1 >= 0 ? -6 : 6)),
        ]
        // Every element is already named where it is drawn (group names on the
        // axis, β̂ labels on the means and the bracket), and no corner is free of
        // points, so a legend would only hide data.
        chart.legend = .hidden
        chart.annotations = [Annotation(lines: [
            "$\\hat{\\beta}_1 = \\bar{Y}_{\\text{\(levels[1])}} - \\bar{Y}_{\\text{\(levels[0])}} = \(ScatterFitFigure.label(b1))$",
        ])]
        return chart
    }
}

extension FigureKind {
    public static let dummyMeans = FigureKind(DummyMeansFigure.self)
}

extension DummyMeansFigure {
    /// "Outcome y for 10 control and 10 patient observations, coded 0 and 1
    /// on Group (dummy code); the group means are β̂₀ = 42 (control) and
    /// β̂₀ + β̂₁ = 49.94 (patient), and the line between them rises by
    /// β̂₁ = 7.94."
    static func describe(_ context: FigureContext) throws -> String {
        let model = context.model
        let candidates = model.design.levels.filter { $0.value.count == 2 }.keys.sorted()
        guard let group = context.value(Self.group) ?? candidates.first, let levels = model.design.levels[group],
              levels.count == 2, let dummy = model.predictorColumns.first, let column = model.frame[group],
              let b0 = model.estimate("(Intercept)"), let b1 = model.estimate(dummy) else {
            throw context.fail("dummy-means draws a model with one two-level categorical predictor, like 'y ~ group'")
        }
        let second = model.design.rowsUsed.filter { column.label(at: $0) == levels[1] }.count
        let first = model.design.rowsUsed.count - second
        let (xTitle, yTitle) = context.axisTitles(x: "\(group) (dummy code)", y: model.design.responseName)
        let change = b1 == 0 ? "is flat (β̂₁ = 0)"
            : "\(FigureDescription.direction(b1)) by β̂₁ = \(FigureDescription.number(b1))"
        return "\(FigureDescription.plain(yTitle)) for \(first) \(levels[0]) and \(second) \(levels[1]) observations, "
            + "coded 0 and 1 on \(FigureDescription.plain(xTitle)); the group means are β̂₀ = \(FigureDescription.number(b0)) "
            + "(\(levels[0]), the reference) and β̂₀ + β̂₁ = \(FigureDescription.number(b0 + b1)) (\(levels[1])), "
            + "and the line between them \(change)."
    }
}
