import Foundation
import GLM
import Plot
import Support

/// `scatter-fit`: the data, the least-squares line, and optionally residuals,
/// confidence/prediction bands and the fitted equation.
enum ScatterFitFigure: FigureKindDefinition {
    static let name = "scatter-fit"
    static let summary = "points, fitted line, residual segments, confidence/prediction bands, an equation/R²/slope annotation placed where it hides nothing"

    static let residuals = FigureOptionKey.flag(
        "residuals", default: false, "draw each residual as a segment from the point to the line")
    static let bands = FigureOptionKey.choices(
        "bands", ["confidence", "prediction"], "bands around the line, at `level`")
    static let annotate = FigureOptionKey.choices(
        "annotate", ["equation", "r-squared", "slope", "slope-triangle", "sigma"],
        "numbers shown beside the line; `slope-triangle` draws the rise over one unit on it")
    static let options: [any FigureOptionDeclaring] = [
        SharedFigureOptions.predictor, residuals, bands, SharedFigureOptions.level, annotate,
    ]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    static func make(_ context: FigureContext) throws -> any Figure {
        let model = context.model
        let xName = try context.singleNumericPredictor()
        let x = try context.numericColumn(xName)
        let y = model.design.y
        guard let b0 = model.estimate("(Intercept)"), let b1 = model.estimate(xName) else {
            throw context.fail("the model needs an intercept and a slope for '\(xName)'")
        }
        let (xTitle, yTitle) = context.axisTitles(x: xName, y: model.design.responseName)
        var xAxis = Axis(xTitle)
        // Lot sizes in tens get ticks in tens (20, 40, …), never between two
        // sizes a run could have.
        xAxis.tickStep = TickGenerator.dataStep(of: x)
        var chart = Chart(size: context.size, title: context.title, x: xAxis, y: Axis(yTitle))
        let palette = chart.theme.palette
        let level = context.value(SharedFigureOptions.level)
        let percent = NumberFormat.label(level * 100).text(.unicode)

        // The legend reads observations, line, residuals, then bands: what the
        // dots are first. Marks are drawn in the opposite order (bands beneath,
        // points on top), so the entries are marks of their own that draw nothing.
        let showResiduals = context.value(Self.residuals)
        var marks: [Mark] = [.points([], color: Color.ink, label: "Observed"),
                             .polyline([], color: palette[0], label: "Fitted line")]
        if showResiduals { marks.append(.segments([], color: palette[1], width: 1.6, label: "Residual")) }
        let bands = context.value(Self.bands)
        if !bands.isEmpty {
            let grid = gridValues(over: x, count: 120)
            let frame = try Frame(columns: [(name: xName, column: .numeric(grid))])
            let rows = try model.design.rows(for: frame)
            let predictions = try (0..<rows.rows).map { try model.fit.prediction(at: rows.row($0), level: level) }
            if bands.contains("prediction") {
                marks.append(.band(x: grid, lower: predictions.map { $0.predictionInterval?.lowerBound ?? $0.mean },
                                   upper: predictions.map { $0.predictionInterval?.upperBound ?? $0.mean },
                                   color: palette[5], alpha: 0.18, label: "\(percent)% prediction interval"))
            }
            if bands.contains("confidence") {
                marks.append(.band(x: grid, lower: predictions.map { $0.confidenceInterval?.lowerBound ?? $0.mean },
                                   upper: predictions.map { $0.confidenceInterval?.upperBound ?? $0.mean },
                                   color: palette[0], alpha: 0.25, label: "\(percent)% confidence band"))
            }
        }
        if showResiduals {
            let span = (x.max() ?? 0) - (x.min() ?? 0)
            // About the plot's width in data units per pixel: the canvas less the
            // axis margins (some 120 pixels), over the padded span.
            let unitsPerPixel = 1.1 * span / max(100, context.size.width - 120)
            let segments = dodgedResiduals(x: x, y: y, fitted: model.fit.fitted, gap: 4 * unitsPerPixel)
            marks.append(.segments(segments, color: palette[1], width: 1.6))
        }
        // Points over the line, so each observation can be seen; a cloud of
        // hundreds would bury the line, so there the line goes on top.
        let line = Mark.line(intercept: b0, slope: b1, color: palette[0])
        let points = Mark.points(x: x, y: y, color: Color.ink)
        marks += x.count > 200 ? [points, line] : [line, points]
        if context.value(Self.annotate).contains("slope-triangle") {
            marks += slopeTriangle(intercept: b0, slope: b1, over: x, y: y, color: palette[1], digits: model.notation.digits)
        }
        chart.marks = marks

        var lines: [String] = []
        for item in context.value(Self.annotate) {
            switch item {
            case "equation":
                lines.append("$" + model.notation.fittedEquation(intercept: label(b0, digits: model.notation.digits), terms: [(term(b1, digits: model.notation.digits), model.notation.predictor())]) + "$")
            case "slope":
                lines.append("$\(model.notation.estimate(1)) = \(label(b1, digits: model.notation.digits))$")
            case "r-squared":
                // Three decimals, as the coefficient table and its LaTeX print it, so
                // one lesson never shows R² two ways (and 0.99987 never reads "1").
                if let r2 = model.fit.rSquared {
                    lines.append("$R^2 = \(NumberFormat.number(r2, .decimals(3)).text(.texMath))$")
                }
            case "sigma":
                if let sigma = model.fit.sigma { lines.append("$\\hat{\\sigma} = \(label(sigma, digits: model.notation.digits))$") }
            default:
                break
            }
        }
        if !lines.isEmpty { chart.annotations = [Annotation(lines: lines)] }
        return chart
    }

    /// Each residual as a segment from the point to the line. Residuals of
    /// the same sign at the same x (Toluca ran three lots of 30) would lie on
    /// one another and read as one, so they are set `gap` apart, centred on
    /// the x, the largest first; the spread of a large group is held to two
    /// gaps. Residuals of opposite sign meet only at the line and stay put.
    static func dodgedResiduals(x: [Double], y: [Double], fitted: [Double], gap: Double) -> [Segment] {
        struct Key: Hashable { var x: Double; var above: Bool }
        var groups: [Key: [Int]] = [:]
        for i in x.indices { groups[Key(x: x[i], above: y[i] >= fitted[i]), default: []].append(i) }
        var shift = [Double](repeating: 0, count: x.count)
        for members in groups.values where members.count > 1 {
            let ordered = members.sorted { abs(y[$0] - fitted[$0]) > abs(y[$1] - fitted[$1]) || (abs(y[$0] - fitted[$0]) == abs(y[$1] - fitted[$1]) && $0 < $1) }
            let step = min(gap, 2 * gap / Double(ordered.count - 1))
            for (rank, i) in ordered.enumerated() { shift[i] = (Double(rank) - Double(ordered.count - 1) / 2) * step }
        }
        return x.indices.map { Segment(x[$0] + shift[$0], y[$0], x[$0] + shift[$0], fitted[$0]) }
    }

    /// Rise over a run of one unit, drawn on the line, so "the outcome changes by
    /// β̂₁ for each unit of x" can be seen rather than read. Of a few positions
    /// along the middle of the data, the one farthest from every point is used,
    /// so neither the triangle nor its labels hide data.
    static func slopeTriangle(intercept b0: Double, slope b1: Double, over x: [Double], y: [Double],
                              color: Color, digits: Int = NumberFormat.labelDigits) -> [Mark] {
        let low = x.min() ?? 0, high = x.max() ?? 1
        let run = unitRun(for: high - low)
        let xSpan = max(high - low, 1e-12)
        let ySpan = max((y.max() ?? 1) - (y.min() ?? 0), abs(b1 * run), 1e-12)
        /// The legs, their corner, and where the two labels go; `runFirst` puts
        /// the corner on the side the line is heading away from.
        struct Layout { var a: Point; var corner: Point; var b: Point; var runFirst: Bool }
        func layout(_ start: Double, runFirst: Bool) -> Layout {
            let a = Point(start, b0 + b1 * start), b = Point(start + run, b0 + b1 * (start + run))
            return Layout(a: a, corner: runFirst ? Point(b.x, a.y) : Point(a.x, b.y), b: b, runFirst: runFirst)
        }
        func clearance(_ t: Layout) -> Double {
            // Ink: both legs, the inside of the triangle, and the labels' footprints
            // (about a tenth of the plot wide, a twentieth high) outside the legs.
            var spots: [(Double, Double)] = []
            let horizontalY = t.corner.y, verticalX = t.corner.x
            let outward = (t.corner.y > (t.a.y + t.b.y) / 2 ? 1.0 : -1.0) * 0.05 * ySpan
            for f in stride(from: 0.0, through: 1.0, by: 0.25) {
                spots.append((t.a.x + f * run, horizontalY))
                spots.append((t.a.x + f * run, horizontalY + outward))
                spots.append((verticalX, t.a.y + f * (t.b.y - t.a.y)))
            }
            spots.append(((t.a.x + t.b.x + t.corner.x) / 3, (t.a.y + t.b.y + t.corner.y) / 3))
            let side = t.runFirst ? 1.0 : -1.0
            for f in stride(from: 0.02, through: 0.14, by: 0.03) {
                spots.append((verticalX + side * f * xSpan, (t.a.y + t.b.y) / 2))
            }
            return zip(x, y).map { px, py in
                spots.map { hypot((px - $0.0) / xSpan, (py - $0.1) / ySpan) }.min()!
            }.min() ?? 1
        }
        let candidates = stride(from: 0.15, through: 0.7, by: 0.025).flatMap { f in
            [layout(low + (high - low) * f, runFirst: true), layout(low + (high - low) * f, runFirst: false)]
        }
        let best = candidates.max { clearance($0) < clearance($1) }!
        let runText = label(run, digits: digits)
        let riseText = label(b1 * run, digits: digits)
        let runAbove = best.corner.y > (best.a.y + best.b.y) / 2
        return [
            .segments([Segment(from: best.a, to: best.corner), Segment(from: best.corner, to: best.b)],
                      color: color, width: 2.2),
            .text("$\(runText)$", at: Point((best.a.x + best.b.x) / 2, best.corner.y),
                  anchor: TextAnchor(.center, runAbove ? .bottom : .top), offset: Point(0, runAbove ? -6 : 6),
                  color: color),
            .text("$\(riseText)$", at: Point(best.corner.x, (best.a.y + best.b.y) / 2),
                  anchor: TextAnchor(best.runFirst ? .left : .right, .middle), offset: Point(best.runFirst ? 8 : -8, 0),
                  color: color),
        ]
    }

    /// One unit when the data span a few units; otherwise a round step that
    /// stays visible (a tenth of the span, rounded to 1, 2 or 5 × 10ᵏ).
    static func unitRun(for span: Double) -> Double {
        guard span > 0, span < 2 || span > 40 else { return 1 }
        let target = span / 10
        let power = pow(10, floor(log10(target)))
        let mantissa = target / power
        return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : 5) * power
    }

    /// A number standing alone in a label, as TeX math: four significant
    /// digits and no trailing zeros, because a label says how large something
    /// is, not how precisely it was measured ("42", not "42.000"); ×10ⁿ for
    /// extreme magnitudes, and never "0" for a value that is not zero.
    static func label(_ value: Double, digits: Int = NumberFormat.labelDigits) -> String {
        NumberFormat.label(value, significant: digits).text(.texMath)
    }

    /// `+ 3.57` or `- 5.344`, a later term of an equation in TeX math: the
    /// sign is the operator, so the magnitude is written without one.
    static func term(_ value: Double, digits: Int = NumberFormat.labelDigits) -> String {
        (value < 0 ? "- " : "+ ") + label(abs(value), digits: digits)
    }

    /// `count` evenly spaced values spanning the data, for smooth bands.
    static func gridValues(over values: [Double], count: Int) -> [Double] {
        let low = values.min() ?? 0, high = values.max() ?? 1
        return (0..<count).map { low + (high - low) / Double(count - 1) * Double($0) }
    }
}

extension FigureKind {
    public static let scatterFit = FigureKind(ScatterFitFigure.self)
}

extension ScatterFitFigure {
    /// "Scatterplot of Work hours against Lot size (units) for 25
    /// observations; the fitted line Ŷ = 62.37 + 3.57X rises; R² = 0.822;
    /// residuals drawn as vertical segments."
    static func describe(_ context: FigureContext) throws -> String {
        let model = context.model
        let xName = try context.singleNumericPredictor()
        guard let b0 = model.estimate("(Intercept)"), let b1 = model.estimate(xName) else {
            throw context.fail("the model needs an intercept and a slope for '\(xName)'")
        }
        let (xTitle, yTitle) = context.axisTitles(x: xName, y: model.design.responseName)
        var parts = [
            "Scatterplot of \(FigureDescription.plain(yTitle)) against \(FigureDescription.plain(xTitle)) for "
                + FigureDescription.count(model.design.y.count, "observation"),
            "the fitted line \(FigureDescription.equation(model.notation, intercept: b0, slopes: [(b1, model.notation.predictor())])) \(FigureDescription.direction(b1))",
        ]
        if let r2 = model.fit.rSquared { parts.append("R² = \(NumberFormat.number(r2, .decimals(3)).text(.unicode))") }
        if context.value(Self.residuals) { parts.append("residuals drawn as vertical segments from each point to the line") }
        let bands = context.value(Self.bands)
        if !bands.isEmpty {
            let percent = NumberFormat.label(context.value(SharedFigureOptions.level) * 100).text(.unicode)
            let names = bands.map { $0 == "confidence" ? "confidence band" : "prediction interval" }
            parts.append("\(percent)% \(FigureDescription.list(names)) shaded around the line")
        }
        return parts.joined(separator: "; ") + "."
    }
}
