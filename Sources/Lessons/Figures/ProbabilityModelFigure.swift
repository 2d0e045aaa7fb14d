import GLM
import Plot
import Support

/// `probability-model`: the population model behind a simple regression, in
/// both of the chapter's forms. At chosen x values the normal density
/// 𝒩(β₀ + β₁x, σ) is drawn on its side, centred on the line, so the reader sees
/// that every fitted value is the mean E(Y) of a distribution with the same
/// spread; one density is marked at ±1σ̂ and ±2σ̂ to show what σ̂ measures. One
/// residual εᵢ, from E(Y) to its observation, shows the second form,
/// Yᵢ = β₀ + β₁Xᵢ + εᵢ.
///
/// Animated, it tells this one step at a time (see `ProbabilityModelStory`).
enum ProbabilityModelFigure: FigureKindDefinition {
    static let name = "probability-model"
    static let summary = "the fitted line with normal densities 𝒩(β₀ + β₁x, σ) drawn sideways at chosen x values, E(Y) marked, ±1σ̂ and ±2σ̂ marked on one density and one residual εᵢ drawn"

    static let at = FigureOptionKey.numbers(
        "at", absent: "four evenly spaced values", placesData: true, "the x values at which densities are drawn")
    static let points = FigureOptionKey.flag(
        "points", default: true, "draw the observations, over the densities, and one residual εᵢ")
    static let densityWidth = FigureOptionKey.number(
        "density-width", in: 0.05...0.5, default: 0.16, "width of the tallest density, as a fraction of the x range")
    static let options: [any FigureOptionDeclaring] = [SharedFigureOptions.predictor, at, points, densityWidth]
    /// Tells the model step by step, holding after each step, then rests on
    /// the full picture.
    static let animation: FigureKindAnimation? = FigureKindAnimation(
        summary: "in steps, each held: the line is drawn, a density grows at each x and σ̂ is marked, the observations drop out of the densities, one residual εᵢ is drawn",
        defaults: AnimationTiming(frameCount: 120, frameDelay: 8, finalDelay: 400, loopCount: 0),
        holdFollowsDelay: false, frames: frames)
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    static func make(_ context: FigureContext) throws -> any Figure {
        let scene = try Scene(context)
        return scene.chart(.complete(densities: scene.positions.count))
    }

    /// `count` frame slots of the story; the last picture is the still. A held
    /// step is one picture shown for longer.
    static func frames(_ context: FigureContext, count: Int) throws -> [AnimationFrame] {
        let scene = try Scene(context)
        let stages = ProbabilityModelStory.stages(count: count, densities: scene.positions.count,
                                                  points: context.value(Self.points))
        return AnimationFrame.runs(of: stages) { scene.chart($0) }
    }

    /// Everything the still and the frames share: the fit, the chosen x values
    /// (ascending) and how wide a density is drawn.
    struct Scene {
        let context: FigureContext
        let xName: String
        let x: [Double], y: [Double]
        let b0: Double, b1: Double, sigma: Double
        let positions: [Double]
        let peakWidth: Double
        let peakDensity: Double
        /// The density marked at ±1σ̂ and ±2σ̂: the first, whose right side
        /// looks onto the gap before the next.
        let sigmaIndex = 0
        /// The observation whose residual is drawn: the largest, away from the
        /// marked density so the two do not crowd each other.
        let residualIndex: Int?

        init(_ context: FigureContext) throws {
            self.context = context
            let model = context.model
            xName = try context.singleNumericPredictor()
            x = try context.numericColumn(xName)
            y = model.design.y
            guard let b0 = model.estimate("(Intercept)"), let b1 = model.estimate(xName),
                  let sigma = model.fit.sigma, sigma > 0 else {
                throw context.fail("the model needs an intercept, a slope for '\(xName)' and a positive σ̂")
            }
            self.b0 = b0; self.b1 = b1; self.sigma = sigma
            let low = x.min()!, high = x.max()!
            // Divided before multiplied: (high − low)·4 overflows for data near 10³⁰⁸.
            positions = (context.value(ProbabilityModelFigure.at) ?? (1...4).map { low + (high - low) / 5 * Double($0) }).sorted()
            let widthFraction = context.value(ProbabilityModelFigure.densityWidth)
            let spacing = positions.count > 1
                ? zip(positions.dropFirst(), positions).map { $0 - $1 }.min()!
                : (high - low)
            // The tallest curve spans this much of the x axis: wide enough to
            // read, never reaching the next curve.
            peakWidth = min(widthFraction * (high - low), 0.8 * max(spacing, (high - low) / 1000))
            peakDensity = NormalDistribution(mean: 0, standardDeviation: sigma).density(0)
            let marked = positions.first ?? low, width = peakWidth, count = positions.count
            let xs = x, residuals = zip(x, y).map { $1 - b0 - b1 * $0 }
            residualIndex = xs.indices
                .filter { count < 2 || !(marked - width...marked + 2 * width).contains(xs[$0]) }
                .max { abs(residuals[$0]) < abs(residuals[$1]) }
        }

        /// More observations than this are drawn under the densities.
        static let pointsOverDensities = 300

        /// The chart at `stage` of the story. Every element is laid out in
        /// every frame, invisible until its step (a clear density at full
        /// size, the observations where they end and where they start), so
        /// axes, legend and labels never move between frames.
        func chart(_ stage: ProbabilityModelStage) -> Chart {
            let model = context.model
            let n = model.notation
            let (xTitle, yTitle) = context.axisTitles(x: xName, y: model.design.responseName)
            var chart = Chart(size: context.size, title: context.title, x: Axis(xTitle), y: Axis(yTitle))
            let palette = chart.theme.palette
            let showPoints = context.value(ProbabilityModelFigure.points)
            let fitted = x.map { b0 + b1 * $0 }
            let lineLabel = "$\(n.expectation) = \\beta_0 + \\beta_1 \(n.predictor())$"

            // The legend's entries, drawn with full colour whatever the frame.
            var marks: [Mark] = []
            if showPoints {
                let cloud = x.count > Self.pointsOverDensities
                marks.append(.points([], color: Color.ink, radius: cloud ? 3 : 4, alpha: cloud ? 0.35 : 0.8, label: "Observed"))
            }
            marks.append(.polyline([], color: palette[0], label: lineLabel))
            marks.append(.polygon([], color: palette[4], alpha: 0.28, label: "Normal density of $\(n.response)$ at $\(n.predictor())$"))
            marks.append(.points([], shape: .diamond, color: palette[1], radius: 6, alpha: 0.9, label: "$\(n.expectation)$ at $\(n.predictor())$"))

            // The layout of the complete figure, invisible.
            for at in positions { marks += density(at: at, scale: 1, color: palette[4].withAlpha(0)) }
            if showPoints {
                marks.append(.points(x: x, y: y, color: .clear, radius: 4, alpha: 0))
                marks.append(.points(x: x, y: fitted, color: .clear, radius: 4, alpha: 0))
            }

            let firstDrawn = marks.count
            if stage.line >= 1 {
                marks.append(.line(intercept: b0, slope: b1, color: palette[0]))
            } else if stage.line > 0 {
                // Drawn across the data's x range; the finished line reaches the axes.
                let low = min(x.min()!, positions.first ?? x.min()!)
                let high = max(x.max()!, (positions.last ?? x.max()!) + peakWidth)
                let end = low + (high - low) * stage.line
                marks.append(.polyline([Point(low, b0 + b1 * low), Point(end, b0 + b1 * end)], color: palette[0]))
            }
            for (index, at) in positions.enumerated() where stage.densities[index] > 0 {
                marks += density(at: at, scale: stage.densities[index], color: palette[4])
            }
            if stage.sigma, positions.indices.contains(sigmaIndex) {
                marks += sigmaMarks(at: positions[sigmaIndex], color: palette[4])
            }
            for (index, at) in positions.enumerated() where stage.densities[index] > 0 {
                marks.append(.points([Point(at, b0 + b1 * at)], shape: .diamond, color: palette[1], radius: 6, alpha: 0.9))
            }
            if showPoints, let i = residualIndex, stage.residual > 0 {
                let end = fitted[i] + (y[i] - fitted[i]) * stage.residual
                marks.append(.segments([Segment(x[i], fitted[i], x[i], end)], color: palette[1], width: 2.4))
                if stage.residual >= 1 {
                    let value = ScatterFitFigure.label(y[i] - fitted[i], digits: n.digits)
                    marks.append(.text("$\\hat{\\varepsilon}_i = \(value)$", at: Point(x[i], (fitted[i] + y[i]) / 2),
                                       anchor: TextAnchor(.right, .middle), offset: Point(-8, 0), color: palette[1]))
                }
            }
            // A few observations go last, so no marker or density hides one; a
            // cloud of hundreds would hide the densities, so it goes first and
            // shows through them.
            if showPoints, stage.points > 0 {
                let dropped = zip(x, zip(fitted, y)).map { Point($0, $1.0 + ($1.1 - $1.0) * stage.points) }
                let cloud = x.count > Self.pointsOverDensities
                let points = Mark.points(dropped, color: Color.ink, radius: cloud ? 3 : 4,
                                         alpha: (cloud ? 0.35 : 0.8) * min(1, 3 * stage.points))
                if cloud { marks.insert(points, at: firstDrawn) } else { marks.append(points) }
            }
            chart.marks = marks
            chart.annotations = [Annotation(lines: [
                "$\(n.response)_i \\sim \\mathcal{N}(\\beta_0 + \\beta_1 \(n.predictor())_i, \\sigma)$",
                "$\(n.response)_i = \\beta_0 + \\beta_1 \(n.predictor())_i + \\varepsilon_i,\\quad \\varepsilon_i \\sim \\mathcal{N}(0, \\sigma)$",
                "$\(n.estimate(0)) = \(ScatterFitFigure.label(b0, digits: n.digits)),\\quad \(n.estimate(1)) = \(ScatterFitFigure.label(b1, digits: n.digits)),\\quad \\hat{\\sigma} = \(ScatterFitFigure.label(sigma, digits: n.digits))$",
            ])]
            return chart
        }

        /// How far the density at `mean` reaches sideways at `value`, in x units.
        func reach(_ value: Double, mean: Double) -> Double {
            peakWidth * NormalDistribution(mean: mean, standardDeviation: sigma).density(value) / peakDensity
        }

        /// ±1σ̂ and ±2σ̂ on the density at `at`: the two bands shaded darker,
        /// a rule across the density at each, and σ̂'s value by two of them.
        func sigmaMarks(at: Double, color: Color) -> [Mark] {
            let mean = b0 + b1 * at
            var marks: [Mark] = []
            for k in [2.0, 1.0] {
                let steps = 40
                let curve = (0...steps).map { i -> Point in
                    let value = mean - k * sigma + 2 * k * sigma * Double(i) / Double(steps)
                    return Point(at + reach(value, mean: mean), value)
                }
                marks.append(.polygon(curve + [Point(at, mean + k * sigma), Point(at, mean - k * sigma)], color: color, alpha: 0.22))
            }
            let rules = [-2.0, -1, 1, 2].map { k in
                Segment(at, mean + k * sigma, at + reach(mean + k * sigma, mean: mean), mean + k * sigma)
            }
            marks.append(.segments(rules, color: Color.ink, width: 1.2))
            // σ̂'s value at the curve's end of the rules on the side the line
            // leaves free: below the mean when it rises to the right, above
            // when it falls. The stem side has the observations at this x.
            let side = b1 >= 0 ? -1.0 : 1.0
            let labels = [(1.0, "$\\hat{\\sigma} = \(ScatterFitFigure.label(sigma, digits: context.model.notation.digits))$"),
                          (2.0, "$2\\hat{\\sigma} = \(ScatterFitFigure.label(2 * sigma, digits: context.model.notation.digits))$")]
            for (k, label) in labels {
                let value = mean + side * k * sigma
                marks.append(.text(label, at: Point(at + reach(value, mean: mean), value), anchor: TextAnchor(.left, .middle),
                                   offset: Point(6, 0), color: Color.ink, size: 14))
            }
            return marks
        }

        /// The normal density of Y at `at`, on its side, `scale` of its full
        /// width: filled curve, outline and the ±3σ stem it stands on.
        func density(at: Double, scale: Double, color: Color) -> [Mark] {
            let mean = b0 + b1 * at
            let steps = 80
            let curve = (0...steps).map { i -> Point in
                let value = mean - 3 * sigma + 6 * sigma * Double(i) / Double(steps)
                return Point(at + scale * reach(value, mean: mean), value)
            }
            let outlinePoints = curve + [Point(at, mean + 3 * sigma), Point(at, mean - 3 * sigma)]
            // Lines take their opacity from the mark, not the colour.
            return [
                .polygon(outlinePoints, color: color, alpha: 0.28 * color.alpha),
                Mark(.polyline(curve), color: color, size: 2, alpha: color.alpha),
                Mark(.segments([Segment(at, mean - 3 * sigma, at, mean + 3 * sigma)]), color: color, size: 1.2, alpha: color.alpha),
            ]
        }
    }
}

extension FigureKind {
    public static let probabilityModel = FigureKind(ProbabilityModelFigure.self)
}

extension ProbabilityModelFigure {
    /// "The fitted line of Work hours on Lot size (units), Ŷ = 62.37 + 3.57X,
    /// with a normal density of Work hours (σ̂ = 48.82) drawn sideways at Lot
    /// size (units) = 40, 60, 80 and 100, each centred on the line; 25
    /// observations behind them."
    static func describe(_ context: FigureContext) throws -> String {
        let scene = try Scene(context)
        let (xTitle, yTitle) = context.axisTitles(x: scene.xName, y: context.model.design.responseName)
        let x = FigureDescription.plain(xTitle), y = FigureDescription.plain(yTitle)
        let notation = context.model.notation
        var text = "The fitted line of \(y) on \(x), "
            + FigureDescription.equation(notation, intercept: scene.b0, slopes: [(scene.b1, notation.predictor())])
            + ", with a normal density of \(y) (σ̂ = \(FigureDescription.number(scene.sigma))) "
            + "drawn sideways at \(x) = \(FigureDescription.list(scene.positions.map(FigureDescription.number))), "
            + "each centred on the line"
        if context.value(Self.points) {
            text += "; " + FigureDescription.count(scene.x.count, "observation") + " behind them"
        }
        return text + "."
    }
}
