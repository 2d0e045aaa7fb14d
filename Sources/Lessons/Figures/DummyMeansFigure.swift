import Support
import GLM
import Plot

/// `dummy-means`: a categorical predictor of 2 to 8 groups, side by side on the
/// x axis, the reference group first. The reference group's mean is the
/// intercept β̂₀, drawn as a dashed line across the plot, and an arrow rises (or
/// falls) from that line to each other group's mean, labelled β̂ⱼ: the reader
/// sees that every dummy coefficient is a difference between a group's mean
/// and the reference mean.
///
/// With two groups the x axis is the 0/1 dummy code itself and the fitted line
/// runs from the reference mean (x = 0) to the other mean (x = 1), which is why
/// the slope of a dummy variable is a difference between means.
enum DummyMeansFigure: FigureKindDefinition {
    static let name = "dummy-means"
    static let summary = "a categorical predictor of 2–8 groups: jittered points, group means, β̂₀ as the reference mean's line, an arrow to each other mean labelled β̂ⱼ; with two groups the 0/1 code and the fitted line"

    static let group = FigureOptionKey.text(
        "group", absent: "the model's only categorical predictor",
        "the categorical predictor (2 to 8 levels) on the x axis; its reference level is drawn first")
    static let jitter = FigureOptionKey.number(
        "jitter", in: 0...0.4, default: 0.08, "how far points spread sideways, in units of the distance between groups")
    static let seed = FigureOptionKey.integer(
        "seed", in: 0...Int(Int32.max), default: 1, "seed of the jitter, so the figure is the same on every machine")
    static let options: [any FigureOptionDeclaring] = [group, jitter, seed]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    /// Half the width of a group's mean bar, in units of the distance between groups.
    static let barHalfWidth = 0.2
    /// Where each arrow stands, right of its group's centre: clear of the bar's
    /// middle, where the points are.
    static let arrowOffset = 0.25

    static func make(_ context: FigureContext) throws -> any Figure {
        let notation = context.model.notation
        let groups = try DummyMeansGroups(context, option: group)
        let count = groups.levels.count
        let b0 = groups.intercept
        let means = groups.means
        let twoGroups = count == 2

        var random = Xoshiro256StarStar(seed: UInt64(context.value(Self.seed)))
        let jitter = context.value(Self.jitter)
        let points = zip(groups.groupOfRow, groups.y).map { group, y in
            (group: group, point: Point(Double(group) + jitter * (2 * random.nextUnitInterval() - 1), y))
        }

        let names = groups.levels.map(CoefficientTableFigure.texEscaped)
        // Two groups: the dummy code at its tick, as on a numeric axis, the name under it.
        let tickLabels = twoGroups ? ["0\n\(names[0])", "1\n\(names[1])"]
            : names.enumerated().map { $0.offset == 0 ? "\($0.element) (reference)" : $0.element }
        let (xTitle, yTitle) = context.axisTitles(x: twoGroups ? "\(context.model.names.variable(groups.variable)) (dummy code)"
                                                               : context.model.names.variable(groups.variable),
                                                  y: context.model.design.responseName)
        // Room on the left for the β̂₀ label and on the right for the last arrow's.
        let last = Double(count - 1)
        let lower = count <= 3 ? -0.95 : -0.6
        let upper = last + 1 - Self.barHalfWidth
        var xAxis = Axis(xTitle, domain: lower...upper, ticks: (0..<count).map(Double.init), tickLabels: tickLabels)
        xAxis.grid = false
        var chart = Chart(size: context.size, title: context.title, x: xAxis, y: Axis(yTitle))
        let palette = chart.theme.palette
        let half = Self.barHalfWidth

        var marks: [Mark] = [
            .rule(y: b0, color: Color.ink, width: 1.2, dash: [5, 4]),
            .points(points.filter { $0.group == 0 }.map(\.point), color: palette[2], radius: 4.5,
                    alpha: 0.75, label: "\(names[0]) (reference)"),
            .points(points.filter { $0.group > 0 }.map(\.point), shape: .triangle,
                    color: palette[3], radius: 5, alpha: 0.85, label: "Other groups"),
            .segments(means.enumerated().map { Segment(Double($0.offset) - half, $0.element, Double($0.offset) + half, $0.element) },
                      color: Color.ink, width: 3, label: "Group mean"),
        ]
        if twoGroups {
            marks.append(.polyline([Point(0, b0), Point(1, means[1])], color: palette[0], width: 2.8, label: "Fitted line"))
        }
        // Each label stands beside its arrow, halfway along it, on one line or
        // two. When even two lines do not fit between the groups, the labels
        // form a row under the data, each in its group's column above the
        // group's name, where no label can be mistaken for a neighbour's.
        let lowest = groups.y.min()!, highest = groups.y.max()!
        let placement = arrowLabelPlacement(groups, size: context.size, span: upper - lower, digits: notation.digits)
        for j in 1..<count {
            let at = Double(j) + Self.arrowOffset
            marks.append(.arrow(from: Point(at, b0), to: Point(at, means[j]), color: palette[0], width: 2))
            let value = ScatterFitFigure.label(groups.differences[j], digits: notation.digits)
            switch placement {
            case .besideOnOneLine, .besideOnTwoLines:
                let oneLine = placement == .besideOnOneLine
                let label = oneLine ? "$\(notation.estimate(j)) = \(value)$" : "$\(notation.estimate(j)) =$\n$\(value)$"
                marks.append(.text(label, at: Point(at, (b0 + means[j]) / 2), anchor: TextAnchor(.left, .middle),
                                   offset: Point(7, 0), color: palette[0], size: oneLine ? nil : Self.compactLabelSize))
            case .inColumn(let staggered):
                // Staggered, every other label drops a row, so neighbours are
                // two columns apart.
                let row = staggered && j % 2 == 0 ? 1.0 : 0
                marks.append(.text("$\(notation.estimate(j)) =$\n$\(value)$", at: Point(Double(j), lowest),
                                   anchor: TextAnchor(.center, .top), offset: Point(0, 10 + row * 40),
                                   color: palette[0], size: Self.compactLabelSize))
            }
        }
        if case .inColumn(let staggered) = placement {
            // A band under the data for the row (or two) of labels, and one
            // over it for the equation.
            let spread = highest - lowest
            let range = spread > 0 ? spread : max(abs(highest) * 0.1, 1)
            chart.y.include = [lowest - (staggered ? 0.7 : 0.4) * range, highest + 0.45 * range]
        }
        marks.append(.text("$\(notation.estimate(0)) = \(ScatterFitFigure.label(b0, digits: notation.digits))$", at: Point(-half, b0),
                           anchor: TextAnchor(.right, .middle), offset: Point(-8, 0)))
        if twoGroups {
            let rises = groups.differences[1] >= 0
            marks.append(.text("$\(notation.estimate(0)) + \(notation.estimate(1)) = \(ScatterFitFigure.label(means[1], digits: notation.digits))$",
                               at: Point(1 - half, means[1]), anchor: TextAnchor(.right, rises ? .bottom : .top),
                               offset: Point(-8, rises ? -6 : 6)))
        }
        chart.marks = marks
        // Every element is already named where it is drawn (group names on the
        // axis, β̂ labels by the reference line and the arrows), and no corner
        // is free of points, so a legend would only hide data.
        chart.legend = .hidden
        // Under a row of labels the bottom is taken: the equation goes over the data.
        let labelRow = placement != .besideOnOneLine && placement != .besideOnTwoLines
        chart.annotations = [Annotation(lines: equation(groups, notation: notation),
                                        candidates: labelRow ? [.topLeft, .top, .topRight] : Placement.preferred)]
        return chart
    }

    /// What the arrows mean, in the chapter's notation: with two groups the
    /// difference of the two named means; with more, β̂ⱼ for every group j.
    static func equation(_ groups: DummyMeansGroups, notation: Notation) -> [String] {
        let plain = groups.levels.allSatisfy { !$0.contains(where: { "{}\\$".contains($0) }) }
        if groups.levels.count == 2 && plain {
            let mean = "\\bar{\(notation.response)}"
            return ["$\(notation.estimate(1)) = \(mean)_{\\text{\(groups.levels[1])}} - \(mean)_{\\text{\(groups.levels[0])}} = \(ScatterFitFigure.label(groups.differences[1], digits: notation.digits))$"]
        }
        let reference = CoefficientTableFigure.texEscaped(groups.levels[0])
        return ["$\(notation.estimate(0))$ = mean of \(reference)",
                "$\(notation.estimate(index: "j"))$ = mean of group $j$ − $\(notation.estimate(0))$"]
    }

    /// The size of the two-line labels of closely spaced groups.
    static let compactLabelSize = 14.0

    enum ArrowLabelPlacement: Equatable { case besideOnOneLine, besideOnTwoLines, inColumn(staggered: Bool) }

    /// Where the β̂ⱼ labels go on a chart of `size`, `span` group distances
    /// wide: beside their arrows when "β̂₇ = −12.35" fits between an arrow and
    /// the next group's mean, on one line or on two, else in the groups'
    /// columns. An estimate from the font size (DejaVu Sans averages 0.6 em a
    /// character): the figure is built before it is measured, and a label that
    /// does not fit is moved clear of data by the renderer anyway.
    static func arrowLabelPlacement(_ groups: DummyMeansGroups, size: Size, span: Double,
                                    digits: Int = NumberFormat.labelDigits) -> ArrowLabelPlacement {
        let values = groups.differences.dropFirst().map { ScatterFitFigure.label($0, digits: digits).count }.max() ?? 0
        // Margins and the y axis's labels take about 120 pixels of the width.
        let unit = (size.width - 120) / span
        let room = (1 - Self.arrowOffset - Self.barHalfWidth) * unit
        if Double(5 + values) * 0.6 * Theme.textbook.annotationSize + 8 <= room { return .besideOnOneLine }
        let twoLines = Double(max(4, values)) * 0.6 * Self.compactLabelSize + 8
        if twoLines <= room { return .besideOnTwoLines }
        return .inColumn(staggered: twoLines > unit - 4)
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
        let groups = try DummyMeansGroups(context, option: group)
        let model = context.model, names = model.names, notation = model.notation
        let (xTitle, yTitle) = context.axisTitles(x: names.variable(groups.variable), y: model.design.responseName)
        let shown = groups.levels.map { names.level($0, of: groups.variable) }
        let beta0 = FigureDescription.plain("$" + notation.estimate(0) + "$")
        var parts = ["\(FigureDescription.plain(yTitle)) in \(FigureDescription.count(groups.levels.count, "group")) of "
                     + "\(FigureDescription.plain(xTitle)), each observation a point and each group's mean a bar",
                     "the reference group \(shown[0])'s mean is \(beta0) = \(FigureDescription.number(groups.intercept)), drawn as a dashed line"]
        let arrows = groups.levels.indices.dropFirst().map { j in
            "\(FigureDescription.plain("$" + notation.estimate(j) + "$")) = \(FigureDescription.number(groups.differences[j])) to \(shown[j])"
        }
        parts.append("an arrow from that line to each other group's mean is its difference: " + FigureDescription.list(arrows))
        return parts.joined(separator: "; ") + "."
    }
}
