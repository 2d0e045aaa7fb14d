import GLM
import Plot
import Support

/// `probability-model`: the population model behind a simple regression. At
/// chosen x values the normal density 𝒩(β₀ + β₁x, σ) is drawn on its side,
/// centred on the line, so the reader sees that every fitted value is the
/// mean E(Y) of a distribution with the same spread.
///
/// Animated, one density travels along the line from the first chosen x to
/// the last, leaving a copy at each chosen x as it passes: the reader watches
/// the mean follow the line while the spread stays the same, and the last
/// frame is the full picture.
enum ProbabilityModelFigure: FigureKindDefinition {
    static let name = "probability-model"
    static let summary = "the fitted line with normal densities 𝒩(β₀ + β₁x, σ) drawn sideways at chosen x values, E(Y) marked"

    static let at = FigureOptionKey.numbers(
        "at", absent: "four evenly spaced values", placesData: true, "the x values at which densities are drawn")
    static let points = FigureOptionKey.flag("points", default: true, "draw the observations behind the densities")
    static let densityWidth = FigureOptionKey.number(
        "density-width", in: 0.05...0.5, default: 0.16, "width of the tallest density, as a fraction of the x range")
    static let options: [any FigureOptionDeclaring] = [SharedFigureOptions.predictor, at, points, densityWidth]
    /// Builds up once and then rests on the full picture.
    static let animation: FigureKindAnimation? = FigureKindAnimation(
        summary: "the densities appear one x value at a time, a travelling density leaving a copy at each",
        defaults: AnimationTiming(frameCount: 48, frameDelay: 6, finalDelay: 300, loopCount: 0),
        holdFollowsDelay: false, frames: frames)
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    static func make(_ context: FigureContext) throws -> any Figure {
        let scene = try Scene(context)
        return scene.chart(settled: scene.positions.count, travelling: nil)
    }

    /// `count` frames: the travelling density eases from one chosen x to the
    /// next (slowing as it lays each one down), and the last frame is the
    /// static figure.
    static func frames(_ context: FigureContext, count: Int) throws -> [any Figure] {
        let scene = try Scene(context)
        let positions = scene.positions
        guard positions.count > 1, count > 1 else {
            return Array(repeating: scene.chart(settled: positions.count, travelling: nil), count: max(1, count))
        }
        let legs = positions.count - 1
        var frames: [any Figure] = []
        for index in 0..<(count - 1) {
            let progress = Double(index) / Double(count - 1) * Double(legs)
            let leg = min(legs - 1, Int(progress))
            let local = progress - Double(leg)
            let eased = local * local * (3 - 2 * local)
            let at = positions[leg] + (positions[leg + 1] - positions[leg]) * eased
            frames.append(scene.chart(settled: leg + 1, travelling: at))
        }
        frames.append(scene.chart(settled: positions.count, travelling: nil))
        return frames
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
        }

        /// The chart with the first `settled` densities drawn, the rest laid
        /// out invisibly (so axes, legend and labels never move between
        /// frames), and, when `travelling` is set, one highlighted density there.
        func chart(settled: Int, travelling: Double?) -> Chart {
            let model = context.model
            let (xTitle, yTitle) = context.axisTitles(x: xName, y: model.design.responseName)
            var chart = Chart(size: context.size, title: context.title, x: Axis(xTitle), y: Axis(yTitle))
            let palette = chart.theme.palette
            var marks: [Mark] = []
            if context.value(ProbabilityModelFigure.points) {
                marks.append(.points(x: x, y: y, color: Color.ink, radius: 3.5, alpha: 0.45, label: "Observed"))
            }
            marks.append(.line(intercept: b0, slope: b1, color: palette[0], label: "$E(Y) = \\beta_0 + \\beta_1 x$"))
            for (index, at) in positions.enumerated() {
                let shown = index < settled
                marks += density(at: at, color: shown ? palette[4] : palette[4].withAlpha(0), fill: 0.28,
                                 outline: 2, labelled: index == 0)
                if shown {
                    marks.append(.points([Point(at, b0 + b1 * at)], shape: .diamond, color: palette[1], radius: 6,
                                         label: index == 0 ? "$E(Y)$ at $x$" : nil))
                }
            }
            if let at = travelling {
                marks += density(at: at, color: palette[1], fill: 0.35, outline: 2.6, labelled: false)
                marks.append(.points([Point(at, b0 + b1 * at)], shape: .diamond, color: palette[1], radius: 7))
                // Where the travelling density stands, read above its stem.
                let span = (x.max()! - x.min()!)
                marks.append(.text("$x = \(NumberFormat.number(at, .decimals(span >= 20 ? 0 : span >= 2 ? 1 : 2)).text(.texMath))$",
                                   at: Point(at, b0 + b1 * at + 3 * sigma), anchor: TextAnchor(.center, .bottom),
                                   offset: Point(0, -4), color: palette[1]))
            }
            chart.marks = marks
            chart.annotations = [Annotation(lines: [
                "$Y \\sim \\mathcal{N}(\\beta_0 + \\beta_1 x, \\sigma)$",
                "$\\hat{\\beta}_0 = \(ScatterFitFigure.label(b0)),\\quad \\hat{\\beta}_1 = \(ScatterFitFigure.label(b1))$",
                "$\\hat{\\sigma} = \(ScatterFitFigure.label(sigma))$",
            ])]
            return chart
        }

        /// The normal density of Y at `at`, on its side: filled curve, outline
        /// and the ±3σ stem it stands on.
        func density(at: Double, color: Color, fill: Double, outline: Double, labelled: Bool) -> [Mark] {
            let mean = b0 + b1 * at
            let normal = NormalDistribution(mean: mean, standardDeviation: sigma)
            let steps = 80
            let curve = (0...steps).map { i -> Point in
                let value = mean - 3 * sigma + 6 * sigma * Double(i) / Double(steps)
                return Point(at + peakWidth * normal.density(value) / peakDensity, value)
            }
            let outlinePoints = curve + [Point(at, mean + 3 * sigma), Point(at, mean - 3 * sigma)]
            var marks: [Mark] = [
                .polygon(outlinePoints, color: color, alpha: fill * color.alpha,
                         label: labelled ? "Normal density of $Y$ at $x$" : nil),
                .polyline(curve, color: color, width: outline),
                .segments([Segment(at, mean - 3 * sigma, at, mean + 3 * sigma)], color: color, width: 1.2),
            ]
            // Lines take their opacity from the mark, not the colour.
            if color.alpha < 1 {
                for index in 1..<marks.count { marks[index].alpha = color.alpha }
            }
            return marks
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
        var text = "The fitted line of \(y) on \(x), Ŷ = \(FigureDescription.number(scene.b0)) "
            + "\(FigureDescription.term(scene.b1))X, with a normal density of \(y) (σ̂ = \(FigureDescription.number(scene.sigma))) "
            + "drawn sideways at \(x) = \(FigureDescription.list(scene.positions.map(FigureDescription.number))), "
            + "each centred on the line"
        if context.value(Self.points) {
            text += "; " + FigureDescription.count(scene.x.count, "observation") + " behind them"
        }
        return text + "."
    }
}
