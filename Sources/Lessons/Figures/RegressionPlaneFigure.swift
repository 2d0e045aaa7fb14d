import Foundation
import GLM
import Plot
import Support

/// `regression-plane`: two numeric predictors in 3-D. The fitted means form a
/// plane; points above and below it get different colours (and shapes, for
/// readers who cannot tell the colours apart), and residual sticks join each
/// point to the plane.
///
/// The plane reaches the box's walls, and the chapter's point — each slope is
/// an edge of the plane, the effect of one predictor with the other held
/// fixed — is drawn there: a rise-over-run triangle on each front edge reads
/// β̂ⱼ per unit, and `simple-slopes` puts the slope of y on that predictor
/// alone on the back wall beside the plane's own edge, so "controlling for"
/// is seen as two different slopes. A model with more predictors is drawn at
/// fixed values of the others (their means unless `held-at` says), and the
/// figure says so.
///
/// Animated, the chart rocks gently either side of the still's azimuth and
/// pauses at each end, at the still's size and scale, so the GIF shows what
/// the still shows with depth added.
enum RegressionPlaneFigure: FigureKindDefinition {
    static let name = "regression-plane"
    static let summary = "two predictors in 3-D: fitted plane out to the walls, each slope a triangle on its edge, points coloured (and shaped) by side, residual sticks; `x-label`/`y-label` name the two predictors, `z-label` the response"

    static let azimuth = FigureOptionKey.number(
        "azimuth", in: -360...360, default: -45, "degrees the camera stands round the vertical axis")
    static let elevation = FigureOptionKey.number(
        "elevation", in: -90...90, default: 22, "degrees the camera looks down on the plane")
    static let residuals = FigureOptionKey.flag(
        "residuals", default: true, "draw a stick from each point to the plane")
    static let xPredictor = FigureOptionKey.text(
        "x", absent: "the model's first predictor", "the numeric predictor along the first floor axis")
    static let yPredictor = FigureOptionKey.text(
        "y", absent: "the model's second predictor", "the numeric predictor along the second floor axis")
    static let heldAt = FigureOptionKey.numbers(
        "held-at", absent: "their means", placesData: true,
        "values of the model's other predictors, in formula order, at which the plane is drawn")
    static let zLabel = FigureOptionKey.text(
        "z-label", absent: "the response's name", "title of the vertical axis")
    static let slopes = FigureOptionKey.flag(
        "slopes", default: true, "a rise-over-run triangle on each predictor's front edge of the plane, reading β̂ per unit")
    static let simpleSlopes = FigureOptionKey.flag(
        "simple-slopes", default: false,
        "on each back wall, the line of the response on that predictor alone, beside the plane's edge")
    static let rock = FigureOptionKey.number(
        "rock", in: 0...80, default: 35, "degrees the animation turns either way from `azimuth`")
    static let options: [any FigureOptionDeclaring] = [
        xPredictor, yPredictor, heldAt, azimuth, elevation, residuals, slopes, simpleSlopes, zLabel, rock,
    ]
    /// Rocks and comes back, so the last frame leads into the first.
    static let animation: FigureKindAnimation? = FigureKindAnimation(
        summary: "rocks either side of the still's azimuth, easing and pausing at each end, at the still's size and scale",
        defaults: AnimationTiming(frameCount: 30, frameDelay: 10, finalDelay: 10, loopCount: 0),
        holdFollowsDelay: true, frames: frames)
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    static func make(_ context: FigureContext) throws -> any Figure {
        try chart(context, azimuth: nil)
    }

    /// `count` frames of one rock: out to one side, a pause, across to the
    /// other, a pause, and back. Positions follow a sine, so the camera eases
    /// into each end; the first frame is the still.
    static func frames(_ context: FigureContext, count: Int) throws -> [AnimationFrame] {
        let start = context.value(Self.azimuth)
        let amplitude = rockAmplitude(around: start, asked: context.value(Self.rock))
        return try AnimationFrame.runs(of: rockPositions(count: count)) { position in
            try chart(context, azimuth: start + amplitude * position)
        }
    }

    /// Where each frame stands, from −1 to 1: a sine over the moving frames
    /// (a multiple of four, so both ends are reached exactly) with the frames
    /// left over repeated at the two ends as the pause.
    static func rockPositions(count: Int) -> [Double] {
        guard count >= 8 else {
            return (0..<count).map { sin(2 * Double.pi * Double($0) / Double(max(count, 1))) }
        }
        let pauseEach = max(1, count / 10)
        let moving = (count - 2 * pauseEach) / 4 * 4
        let pauses = count - moving
        let first = pauses / 2, second = pauses - first
        var positions: [Double] = []
        for step in 0..<moving {
            let position = sin(2 * Double.pi * Double(step) / Double(moving))
            positions.append(position)
            if step == moving / 4 { positions += Array(repeating: position, count: first) }
            if step == 3 * moving / 4 { positions += Array(repeating: position, count: second) }
        }
        return positions
    }

    /// The rock asked for, narrowed so the camera never reaches an angle that
    /// looks along a floor axis (a multiple of 90°) within 10°: there that
    /// axis's labels fold onto one point and the box flips which edges carry
    /// them, so frames would jump.
    static func rockAmplitude(around azimuth: Double, asked: Double) -> Double {
        let offset = azimuth - 90 * (azimuth / 90).rounded(.down)
        let room = min(offset, 90 - offset) - 10
        return max(0, min(asked, room))
    }

    /// The predictors on the two floor axes, the others with the values they
    /// are held at, after checking that every predictor is a numeric column.
    static func predictors(_ context: FigureContext) throws -> (x: String, y: String, held: [(name: String, value: Double, isMean: Bool)]) {
        let model = context.model
        let columns = model.predictorColumns
        guard columns.count >= 2, columns.allSatisfy({ model.frame[$0]?.numericValues != nil }) else {
            throw context.fail("regression-plane draws a model with two or more numeric predictors; model '\(model.spec.name)' has columns \(columns)",
                               suggestion: "use a formula like 'y ~ x1 + x2'")
        }
        func chosen(_ option: FigureOptionKey<String?>, default fallback: String) throws -> String {
            guard let name = context.value(option) else { return fallback }
            guard columns.contains(name) else {
                throw context.fail("option '\(option.name)' names '\(name)', which is not a predictor of model '\(model.spec.name)' (its predictors: \(columns.joined(separator: ", ")))",
                                   suggestion: NearestWord.suggestion(for: name, among: columns).map { "did you mean '\($0)'?" })
            }
            return name
        }
        let x = try chosen(Self.xPredictor, default: columns[0])
        let y = try chosen(Self.yPredictor, default: columns.first { $0 != x }!)
        guard x != y else {
            throw context.fail("options 'x' and 'y' both name '\(x)'; the plane needs two different predictors",
                               suggestion: "name another of \(columns.filter { $0 != x }.joined(separator: ", ")) for 'y'")
        }
        let others = columns.filter { $0 != x && $0 != y }
        let given = context.value(Self.heldAt)
        if let given, given.count != others.count {
            throw context.fail("option 'held-at' gives \(given.count) value\(given.count == 1 ? "" : "s") but model '\(model.spec.name)' has \(others.count) other predictor\(others.count == 1 ? "" : "s") to hold (\(others.isEmpty ? "none" : others.joined(separator: ", ")))",
                               suggestion: others.isEmpty ? "leave out 'held-at'"
                                : others.count == 1 ? "give one value, for \(others[0])"
                                : "give one value for each of \(others.joined(separator: ", ")), in that order")
        }
        let held = try others.enumerated().map { index, name in
            if let given { return (name: name, value: given[index], isMean: false) }
            let values = try context.numericColumn(name)
            return (name: name, value: values.reduce(0, +) / Double(values.count), isMean: true)
        }
        return (x, y, held)
    }

    /// The chart seen from `azimuth` (nil: the spec's, else the default).
    static func chart(_ context: FigureContext, azimuth: Double?) throws -> Chart3D {
        let model = context.model
        let (xName, yName, held) = try predictors(context)
        guard let b0 = model.estimate("(Intercept)"), let b1 = model.estimate(xName), let b2 = model.estimate(yName) else {
            throw context.fail("the model needs an intercept and both slopes")
        }
        let heldSlopes = held.map { model.estimate($0.name) ?? 0 }
        // The plane at the held values: their terms fold into its intercept.
        let intercept = b0 + zip(heldSlopes, held).map { $0 * $1.value }.reduce(0, +)
        let x1 = try context.numericColumn(xName), x2 = try context.numericColumn(yName)
        let y = model.design.y, residuals = model.fit.residuals
        let start = context.value(Self.azimuth)
        let camera = Camera(azimuth: azimuth ?? start, elevation: context.value(Self.elevation))

        let xTitle = context.value(CommonFigureOptions.xLabel) ?? xName
        let yTitle = context.value(CommonFigureOptions.yLabel) ?? yName
        let zTitle = context.value(Self.zLabel) ?? model.design.responseName
        var chart = Chart3D(size: context.size.width == 760 && context.size.height == 520 ? Size(width: 760, height: 620) : context.size,
                            title: context.title, camera: camera,
                            x: Axis(xTitle), y: Axis(yTitle), z: Axis(zTitle))
        // Still and frames share one scale and layout, so the GIF is the
        // still set in motion.
        let amplitude = rockAmplitude(around: start, asked: context.value(Self.rock))
        chart.steadyAzimuths = (start - amplitude)...(start + amplitude)
        let palette = chart.theme.palette
        var above: [Point3] = [], below: [Point3] = [], sticks: [Segment3] = []
        for i in y.indices {
            // With predictors held, each point moves along their slopes to the
            // held values, so its distance from the plane is its residual.
            let onPlane = intercept + b1 * x1[i] + b2 * x2[i]
            let point = Point3(x1[i], x2[i], onPlane + residuals[i])
            if residuals[i] >= 0 { above.append(point) } else { below.append(point) }
            sticks.append(Segment3(from: point, to: Point3(x1[i], x2[i], onPlane)))
        }
        var marks: [Mark3D] = [
            .plane(intercept: intercept, slopeX: b1, slopeY: b2, x: x1.min()!...x1.max()!, y: x2.min()!...x2.max()!,
                   divisions: 12, color: palette[5], alpha: 0.45, label: "Fitted plane", spansBox: true),
        ]
        if context.value(Self.residuals) {
            marks.append(.segments(sticks, color: Color(hex: 0x555555), width: 1.3, label: "Residual"))
        }
        marks.append(.points(above, color: palette[0], radius: 5, label: "Above"))
        marks.append(.points(below, shape: .triangle, color: palette[1], radius: 5.5, label: "Below"))
        chart.marks = marks
        let slopeColors = [OkabeIto.bluishGreen, OkabeIto.reddishPurple]
        if context.value(Self.slopes) {
            chart.slopeTriangles = [(0, b1, x1), (1, b2, x2)].map { axis, slope, values in
                let run = ScatterFitFigure.unitRun(for: (values.max() ?? 1) - (values.min() ?? 0))
                let beta = context.model.notation.estimate(axis + 1)
                let rise = run == 1 ? "\(beta) = \(label(slope, digits: context.model.notation.digits))" : "\(label(run, digits: context.model.notation.digits))\(beta) = \(label(slope * run, digits: context.model.notation.digits))"
                return SlopeTriangle3D(axis: axis, run: run, runLabel: "$\(label(run, digits: context.model.notation.digits))$", riseLabel: "$\(rise)$", color: slopeColors[axis])
            }
        }
        // The simple slopes are named under the equation rather than on their
        // walls: there, next to the partial slopes, the two can be compared in
        // every frame, and no label has to find room among the points.
        var simple: [Double] = []
        if context.value(Self.simpleSlopes) {
            chart.wallLines = try [(0, xName, x1), (1, yName, x2)].map { axis, name, values in
                let (a, b) = try simpleFit(context, predictor: name, values: values)
                simple.append(b)
                return WallLine3D(axis: axis, intercept: a, slope: b, color: slopeColors[axis])
            }
        }
        let notation = context.model.notation
        let terms = [(ScatterFitFigure.term(b1, digits: context.model.notation.digits), notation.predictor(1)), (ScatterFitFigure.term(b2, digits: context.model.notation.digits), notation.predictor(2))]
            + zip(heldSlopes, held.indices).map { (ScatterFitFigure.term($0, digits: context.model.notation.digits), notation.predictor($1 + 3)) }
        var lines = ["$" + notation.fittedEquation(intercept: ScatterFitFigure.label(b0, digits: context.model.notation.digits), terms: terms) + "$"]
        for (index, predictor) in held.enumerated() {
            let value = NumberFormat.label(predictor.value).text(.unicode)
            let name = CoefficientTableFigure.texEscaped(context.model.names.variable(predictor.name))
            lines.append("$\(notation.predictor(index + 3))$ (\(name)) held at " + (predictor.isMean ? "its mean, \(value)" : value))
        }
        if simple.count == 2 {
            lines.append("Each alone (dashed): $\(notation.predictor(1))$ $\(label(simple[0], digits: context.model.notation.digits))$, $\(notation.predictor(2))$ $\(label(simple[1], digits: context.model.notation.digits))$")
        }
        chart.annotations = [Annotation(lines: lines, candidates: [.topLeft])]
        return chart
    }

    /// A number standing alone in a label, as TeX math (see `ScatterFitFigure.label`).
    static func label(_ value: Double, digits: Int = NumberFormat.labelDigits) -> String { ScatterFitFigure.label(value, digits: digits) }

    /// Intercept and slope of the response on `predictor` alone, fitted by GLM
    /// over the rows the model used: the slope a reader would get by ignoring
    /// the other predictors.
    static func simpleFit(_ context: FigureContext, predictor: String, values: [Double]) throws -> (Double, Double) {
        let y = context.model.design.y
        do {
            let fit = try Fit(x: Matrix(columns: [Array(repeating: 1, count: values.count), values]), y: y,
                              columnNames: ["(Intercept)", predictor], hasIntercept: true)
            guard let a = fit.coefficients.first?.estimate, let b = fit.coefficients.last?.estimate,
                  a.isFinite, b.isFinite else {
                throw context.fail("the response cannot be fitted on '\(predictor)' alone for 'simple-slopes'",
                                   suggestion: "leave out 'simple-slopes'")
            }
            return (a, b)
        } catch let error as FitError {
            throw context.fail("the response cannot be fitted on '\(predictor)' alone for 'simple-slopes': \(error)",
                               suggestion: "leave out 'simple-slopes'")
        }
    }
}

extension FigureKind {
    public static let regressionPlane = FigureKind(RegressionPlaneFigure.self)
}

extension RegressionPlaneFigure {
    /// "Three-dimensional view of 40 observations of y over X1 and X2 with the
    /// fitted plane Ŷ = 5 + 2X₁ − 1.5X₂; 21 points lie above the plane and 19
    /// below; residuals drawn as vertical sticks to the plane."
    static func describe(_ context: FigureContext) throws -> String {
        let chart = try chart(context, azimuth: nil)
        let model = context.model
        let predictors = model.predictorColumns
        guard let b0 = model.estimate("(Intercept)"), let b1 = model.estimate(predictors[0]),
              let b2 = model.estimate(predictors[1]) else {
            throw context.fail("the model needs an intercept and both slopes")
        }
        let above = zip(model.design.y, model.fit.fitted).filter { $0 >= $1 }.count
        let below = model.design.y.count - above
        var parts = [
            "Three-dimensional view of " + FigureDescription.count(model.design.y.count, "observation")
                + " of \(FigureDescription.plain(chart.z.title)) over "
                + "\(FigureDescription.plain(chart.x.title)) and \(FigureDescription.plain(chart.y.title)) "
                + "with the fitted plane \(FigureDescription.equation(model.notation, intercept: b0, slopes: [(b1, model.notation.predictor(1)), (b2, model.notation.predictor(2))]))",
            "\(above) \(above == 1 ? "point lies" : "points lie") above the plane and \(below) below",
        ]
        if context.value(Self.residuals) { parts.append("residuals drawn as vertical sticks to the plane") }
        return parts.joined(separator: "; ") + "."
    }
}
