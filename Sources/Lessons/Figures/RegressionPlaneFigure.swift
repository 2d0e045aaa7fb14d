import GLM
import Plot

/// `regression-plane`: two numeric predictors in 3-D. The fitted means form a
/// plane; points above and below it get different colours (and shapes, for
/// readers who cannot tell the colours apart), and residual sticks join each
/// point to the plane.
///
/// Animated, the same chart turns once about the vertical axis, starting from
/// the still's azimuth, at a fixed scale so the box neither zooms nor drifts.
enum RegressionPlaneFigure: FigureKindDefinition {
    static let name = "regression-plane"
    static let summary = "two predictors in 3-D: fitted plane, points coloured (and shaped) by side, residual sticks; `x-label`/`y-label` name the two predictors"

    static let azimuth = FigureOptionKey.number(
        "azimuth", in: -360...360, default: -55, "degrees the camera stands round the vertical axis")
    static let elevation = FigureOptionKey.number(
        "elevation", in: -90...90, default: 22, "degrees the camera looks down on the plane")
    static let residuals = FigureOptionKey.flag(
        "residuals", default: true, "draw a stick from each point to the plane")
    static let options: [any FigureOptionDeclaring] = [azimuth, elevation, residuals]
    /// Turns at an even pace with no pause, so its loop is seamless.
    static let animation: FigureKindAnimation? = FigureKindAnimation(
        summary: "one turn about the vertical axis at a fixed scale",
        defaults: AnimationTiming(frameCount: 30, frameDelay: 10, finalDelay: 10, loopCount: 0),
        holdFollowsDelay: true, frames: frames)
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    static func make(_ context: FigureContext) throws -> any Figure {
        try chart(context, azimuth: nil)
    }

    /// `count` frames of one full turn; the last frame stops one step short of
    /// the first, so a looping GIF turns without a stutter.
    static func frames(_ context: FigureContext, count: Int) throws -> [any Figure] {
        let start = context.value(Self.azimuth)
        return try (0..<count).map { index in
            var frame = try chart(context, azimuth: start + 360 * Double(index) / Double(count))
            frame.sameScaleAtEveryAzimuth = true
            // Room at the sides keeps the legend in its corner and the equation
            // in the other at every azimuth, so neither jumps while the plane turns.
            frame.size.width += turntableRoom.width
            frame.size.height += turntableRoom.height
            frame.annotations = frame.annotations.map { annotation in
                var pinned = annotation
                pinned.candidates = [.topLeft]
                return pinned
            }
            return frame
        }
    }

    /// Extra room in a turntable frame, in logical pixels: at the side for the
    /// legend, below for axis titles that swing towards the viewer.
    static let turntableRoom = Size(width: 340, height: 60)

    /// The chart seen from `azimuth` (nil: the spec's, else the default).
    static func chart(_ context: FigureContext, azimuth: Double?) throws -> Chart3D {
        let model = context.model
        let predictors = model.predictorColumns
        guard predictors.count == 2,
              predictors.allSatisfy({ model.frame[$0]?.numericValues != nil }) else {
            throw context.fail("regression-plane draws a model with exactly two numeric predictors; model '\(model.spec.name)' has columns \(predictors)",
                               suggestion: "use a formula like 'y ~ x1 + x2'")
        }
        guard let b0 = model.estimate("(Intercept)"), let b1 = model.estimate(predictors[0]),
              let b2 = model.estimate(predictors[1]) else {
            throw context.fail("the model needs an intercept and both slopes")
        }
        let x1 = try context.numericColumn(predictors[0]), x2 = try context.numericColumn(predictors[1])
        let y = model.design.y, fitted = model.fit.fitted
        let camera = Camera(azimuth: azimuth ?? context.value(Self.azimuth), elevation: context.value(Self.elevation))

        let xTitle = context.value(CommonFigureOptions.xLabel) ?? predictors[0]
        let yTitle = context.value(CommonFigureOptions.yLabel) ?? predictors[1]
        var chart = Chart3D(size: context.size.width == 760 && context.size.height == 520 ? Size(width: 760, height: 620) : context.size,
                            title: context.title, camera: camera,
                            x: Axis(xTitle), y: Axis(yTitle), z: Axis(model.design.responseName))
        let palette = chart.theme.palette
        var above: [Point3] = [], below: [Point3] = [], sticks: [Segment3] = []
        for i in y.indices {
            let point = Point3(x1[i], x2[i], y[i])
            if y[i] >= fitted[i] { above.append(point) } else { below.append(point) }
            sticks.append(Segment3(from: point, to: Point3(x1[i], x2[i], fitted[i])))
        }
        var marks: [Mark3D] = [
            .plane(intercept: b0, slopeX: b1, slopeY: b2, x: x1.min()!...x1.max()!, y: x2.min()!...x2.max()!,
                   divisions: 12, color: palette[5], alpha: 0.45, label: "Fitted plane"),
        ]
        if context.value(Self.residuals) {
            marks.append(.segments(sticks, color: Color(hex: 0x555555), width: 1.3, label: "Residual"))
        }
        marks.append(.points(above, color: palette[0], radius: 5, label: "Above the plane"))
        marks.append(.points(below, shape: .triangle, color: palette[1], radius: 5.5, label: "Below the plane"))
        chart.marks = marks
        chart.annotations = [Annotation(lines: [
            "$\\hat{Y} = \(ScatterFitFigure.label(b0)) \(ScatterFitFigure.term(b1))X_1 \(ScatterFitFigure.term(b2))X_2$",
        ])]
        return chart
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
                + "with the fitted plane Ŷ = \(FigureDescription.number(b0)) \(FigureDescription.term(b1))X₁ \(FigureDescription.term(b2))X₂",
            "\(above) \(above == 1 ? "point lies" : "points lie") above the plane and \(below) below",
        ]
        if context.value(Self.residuals) { parts.append("residuals drawn as vertical sticks to the plane") }
        return parts.joined(separator: "; ") + "."
    }
}
