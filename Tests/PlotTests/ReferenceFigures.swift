import Foundation
import Plot

/// The reference figures rendered by the golden tests. Their data are drawing
/// input only: the 25 Toluca Company observations (Kutner et al., Applied
/// Linear Statistical Models, Table 1.1) and the published least-squares line
/// Ŷ = 62.366 + 3.5702X.
enum ReferenceFigures {
    static let lotSize: [Double] = [80, 30, 50, 90, 70, 60, 120, 80, 100, 50, 40, 70, 90, 20, 110, 100, 30, 50, 90, 110, 30, 90, 40, 80, 70]
    static let workHours: [Double] = [399, 121, 221, 376, 361, 224, 546, 352, 353, 157, 160, 252, 389, 113, 435, 420, 212, 268, 377, 421, 273, 468, 244, 342, 323]
    static let intercept = 62.366
    static let slope = 3.5702

    static func scatterWithLine() -> Chart {
        let fitted = lotSize.map { intercept + slope * $0 }
        let residuals = zip(lotSize, zip(workHours, fitted)).map { x, pair in Segment(x, pair.0, x, pair.1) }
        var chart = Chart(x: Axis("Lot size $X$"), y: Axis("Work hours $Y$"))
        chart.marks = [
            .segments(residuals, color: OkabeIto.vermillion, label: "Residual $e_i$"),
            .line(intercept: intercept, slope: slope, color: OkabeIto.blue, label: "Fitted line"),
            .points(x: lotSize, y: workHours, color: Color.ink, label: "Observed"),
        ]
        chart.annotations = [Annotation("$\\hat{Y} = 62.37 + 3.570X$", "$\\hat{\\sigma} = 48.82$")]
        return chart
    }
}

extension ReferenceFigures {
    /// Twenty points scattered about the plane z = 4 + 1.5x + 0.8y with fixed
    /// deviations, so some lie above and some below it.
    static let planeIntercept = 4.0, planeSlopeX = 1.5, planeSlopeY = 0.8
    static let planeDeviations: [Double] = [2.1, -1.4, 0.6, -2.8, 1.9, -0.7, 3.2, -1.9, 0.4, -2.2,
                                            1.1, -3.0, 2.6, -0.9, 1.6, -1.2, 0.8, -2.5, 2.9, -0.5]

    static let planeSites: [(Double, Double)] = [(1.2, 8.1), (2.5, 1.9), (3.1, 5.4), (4.8, 7.7), (5.9, 2.6),
                                                 (7.2, 4.3), (8.6, 8.8), (9.3, 1.2), (0.7, 3.6), (6.4, 6.9),
                                                 (2.0, 6.2), (4.1, 3.0), (8.0, 5.9), (5.2, 9.0), (9.6, 3.8),
                                                 (3.6, 0.8), (1.5, 0.4), (6.9, 1.7), (7.7, 7.3), (0.4, 8.9)]

    static func regressionPlane() -> Chart3D {
        var above: [Point3] = [], below: [Point3] = [], sticks: [Segment3] = []
        for (i, e) in planeDeviations.enumerated() {
            let (x, y) = planeSites[i]
            let onPlane = planeIntercept + planeSlopeX * x + planeSlopeY * y
            let p = Point3(x, y, onPlane + e)
            if e > 0 { above.append(p) } else { below.append(p) }
            sticks.append(Segment3(from: p, to: Point3(x, y, onPlane)))
        }
        var chart = Chart3D(x: Axis("$X_1$"), y: Axis("$X_2$"), z: Axis("$Y$"))
        chart.marks = [
            .plane(intercept: planeIntercept, slopeX: planeSlopeX, slopeY: planeSlopeY, x: 0...10, y: 0...10,
                   color: OkabeIto.skyBlue, label: "Fitted plane"),
            .segments(sticks, color: Color.grey, label: "Residual"),
            .points(above, color: OkabeIto.blue, label: "Above the plane"),
            .points(below, color: OkabeIto.vermillion, label: "Below the plane"),
        ]
        chart.annotations = [Annotation("$\\hat{Y} = 4.0 + 1.5X_1 + 0.8X_2$")]
        return chart
    }
}

extension ReferenceFigures {
    /// The blood-type design of the lesson text: intercept plus dummies for A,
    /// B and AB with O as reference, eight participants.
    static func designMatrix() -> MatrixImage {
        let types = ["A", "B", "AB", "O", "A", "O", "B", "AB"]
        let rows = types.map { t -> [Double] in [1, t == "A" ? 1 : 0, t == "B" ? 1 : 0, t == "AB" ? 1 : 0] }
        return MatrixImage(title: "Design matrix $\\mathbf{X}$", values: rows,
                           columnLabels: ["intercept", "$x_{\\text{A}}$", "$x_{\\text{B}}$", "$x_{\\text{AB}}$"],
                           rowLabels: types.enumerated().map { "participant \($0.offset + 1) (\($0.element))" })
    }

    /// A tall design (SPM-like): 60 scans, a boxcar, its shift, their
    /// product with time, linear and quadratic drifts, a constant. Column
    /// names are wider than the cells, so they stand vertical.
    static func tallDesignMatrix() -> MatrixImage {
        let rows = (0..<60).map { i -> [Double] in
            let boxcar: Double = (i / 10) % 2 == 1 ? 1 : 0
            let shifted: Double = ((i + 3) / 10) % 2 == 1 ? 1 : 0
            let t = Double(i) / 59 - 0.5
            return [boxcar, shifted, boxcar * t, t, t * t - 1.0 / 12, 1]
        }
        return MatrixImage(size: Size(width: 520, height: 600), title: "fMRI design", values: rows,
                           columnLabels: ["task", "task (shifted)", "task $\\times$ time", "linear drift", "quadratic drift", "constant"],
                           rowLabels: (1...60).map { "scan \($0)" })
    }
}

extension ReferenceFigures {
    /// Labels in the notation of the lesson text, rendered on the TeX sheet.
    static let texLabels = [
        "$\\hat{\\beta}_1 = -5.344$",
        "$Y_i = \\beta_0 + \\beta_1 X_i + \\epsilon_i$",
        "$\\epsilon_i \\sim \\mathcal{N}(0, \\sigma^2)$",
        "$E(Y) = \\beta_0 + \\beta_1 x$",
        "$\\mathbf{Y} = \\mathbf{X}\\boldsymbol{\\beta} + \\boldsymbol{\\epsilon}$",
        "$x_{ij}$, $Y^\\prime$, $\\bar{Y}$, $\\tilde{y}$, $R^2 = 0.82$",
        "$\\hat{\\sigma}^2 = \\sum_{i=1}^n e_i^2 / (n - p)$",
        "$a \\cdot b$, $a \\times b$, $\\mu \\pm 2\\sigma$",
        "$\\alpha\\beta\\gamma\\delta\\epsilon\\zeta\\eta\\theta\\iota\\kappa\\lambda\\mu$",
        "$\\nu\\xi\\pi\\rho\\sigma\\tau\\upsilon\\phi\\chi\\psi\\omega$ $\\Gamma\\Delta\\Theta\\Lambda\\Xi\\Pi\\Sigma\\Phi\\Psi\\Omega$",
        "$\\left( \\mathbf{X}^\\top \\mathbf{X} \\right)^{-1}$, mean difference $\\hat{\\beta}_1 = 7.940$",
    ]
}

/// A sheet of TeX labels, one per row: a figure kind defined outside the
/// module through the public `Figure` protocol, as later figure kinds are.
struct LabelSheet: Figure {
    var labels: [String]
    var size = Size(width: 760, height: 520)
    var theme = Theme.textbook
    var accessibility: FigureAccessibility?

    func draw(on canvas: Canvas) throws {
        let style = TextStyle(size: theme.annotationSize + 1, color: theme.foreground)
        var y = theme.margin + 4
        for label in labels {
            let box = try canvas.tex(label, style: style, at: Point(theme.margin + 10, y), anchor: .topLeft)
            y = box.maxY + 14
        }
    }
}

extension ReferenceFigures {
    /// Two groups coded 0/1 with jittered points, group means, the line
    /// between them and a bracket labelling the mean difference.
    static func dummyMeans() -> Chart {
        let control: [Double] = [21.2, 24.8, 19.5, 23.1, 26.0, 22.4, 20.7, 25.3]
        let patient: [Double] = [30.1, 32.6, 28.4, 35.0, 31.7, 29.2, 33.8, 30.9]
        let jitter: [Double] = [-0.08, 0.05, -0.03, 0.09, -0.06, 0.02, 0.07, -0.1]
        let m0 = control.reduce(0, +) / 8, m1 = patient.reduce(0, +) / 8
        var chart = Chart(size: Size(width: 700, height: 520),
                          x: Axis("Group", ticks: [0, 1], tickLabels: ["control ($x = 0$)", "patient ($x = 1$)"]),
                          y: Axis("Score $Y$"))
        chart.x.domain = -0.45...1.55
        chart.x.grid = false
        chart.marks = [
            .points(x: jitter, y: control, color: OkabeIto.blue, alpha: 0.75, label: "Control"),
            .points(x: jitter.map { 1 + $0 }, y: patient, shape: .triangle, color: OkabeIto.vermillion, alpha: 0.75, label: "Patient"),
            .polyline([Point(0, m0), Point(1, m1)], color: Color.ink, width: 2, dash: [6, 4]),
            .rule(y: m0, color: Color.grey, dash: [2, 3]),
            .points(x: [0, 1], y: [m0, m1], shape: .diamond, color: Color.ink, radius: 7),
            .bracket(from: Point(1.12, m0), to: Point(1.12, m1), label: "$\\hat{\\beta}_1 = 7.940$"),
            .text("$\\hat{\\beta}_0 = \\bar{Y}_0$", at: Point(0, m0), anchor: .right, offset: Point(-18, 0)),
        ]
        return chart
    }

    /// The normal probability model along a regression line: a density
    /// drawn sideways at three x values, with E(Y) marked.
    static func probabilityModel() -> Chart {
        let b0 = 62.366, b1 = 3.5702, sigma = 48.82
        var chart = Chart(x: Axis("Lot size $X$", domain: 0...140), y: Axis("Work hours $Y$", domain: 0...650))
        var marks: [Mark] = [.line(intercept: b0, slope: b1, color: OkabeIto.blue, label: "$E(Y) = \\beta_0 + \\beta_1 X$")]
        for x in [30.0, 70, 110] {
            let mean = b0 + b1 * x
            let ys = stride(from: -3.2, through: 3.2, by: 0.1).map { mean + $0 * sigma }
            let width = 14.0
            let curve = ys.map { y -> Point in
                let z = (y - mean) / sigma
                return Point(x + width * exp(-z * z / 2), y)
            }
            marks.append(.polygon(curve + [Point(x, ys.last!), Point(x, ys.first!)], color: OkabeIto.orange, alpha: 0.3))
            marks.append(.polyline(curve, color: OkabeIto.orange, width: 2))
            marks.append(.rule(x: x, color: Color.lightGrey, dash: [3, 3]))
            marks.append(.points([Point(x, mean)], color: Color.ink, radius: 4.5))
        }
        marks.append(.arrow(from: Point(50, 430), to: Point(69, b0 + b1 * 70 + 8)))
        marks.append(.text("$E(Y \\mid X = 70)$", at: Point(50, 430), anchor: .bottom, offset: Point(0, -4)))
        chart.marks = marks
        chart.annotations = [Annotation("$Y \\sim \\mathcal{N}(\\beta_0 + \\beta_1 X, \\sigma)$", "$\\sigma = 48.82$")]
        return chart
    }
}

extension ReferenceFigures {
    /// Student's t density with 23 degrees of freedom (the Toluca slope test's
    /// df), the two-sided tails beyond ±2.5 shaded, the observed t marked.
    static func tDistribution() -> Chart {
        let df = 23.0, observed = 2.5
        func density(_ t: Double) -> Double {
            exp(lgamma((df + 1) / 2) - lgamma(df / 2)) / (df * Double.pi).squareRoot() * pow(1 + t * t / df, -(df + 1) / 2)
        }
        let xs = stride(from: -4.5, through: 4.5, by: 0.05).map { $0 }
        let upper = xs.filter { $0 >= observed }, lower = xs.filter { $0 <= -observed }
        var chart = Chart(title: "Null distribution of $t$", x: Axis("$t$"), y: Axis("Density", include: [0]))
        chart.y.padding = 0.03
        chart.marks = [
            .band(x: lower, lower: lower.map { _ in 0 }, upper: lower.map(density), color: OkabeIto.vermillion, alpha: 0.45,
                  label: "$p = 0.020$ (two-sided)"),
            .band(x: upper, lower: upper.map { _ in 0 }, upper: upper.map(density), color: OkabeIto.vermillion, alpha: 0.45),
            .polyline(x: xs, y: xs.map(density), color: OkabeIto.blue, label: "$t_{23}$ density"),
            .rule(x: observed, color: Color.ink, dash: [5, 4]),
            .rule(y: 0, color: Color.grey, width: 1),
        ]
        chart.annotations = [.near(Point(observed, density(observed)), "observed $t = 2.50$")]
        return chart
    }
}

extension ReferenceFigures {
    /// The Toluca coefficient table as published (Kutner et al., Table 2.1 and
    /// §2.1): b0 = 62.37, s{b0} = 26.18; b1 = 3.5702, s{b1} = 0.3470.
    static func coefficientTable() throws -> Table {
        try Table(title: "Least-squares fit of work hours on lot size",
                  header: ["", "Estimate", "Std. error", "$t$"],
                  rows: [["Intercept $\\hat{\\beta}_0$", "62.37", "26.18", "2.38"],
                         ["Lot size $\\hat{\\beta}_1$", "3.5702", "0.3470", "10.29"]],
                  alignments: [.left, .right, .right, .right]).sized()
    }

    /// A correlation matrix on a diverging map with a fixed −1…1 range.
    static func correlationHeatmap() -> MatrixImage {
        var image = MatrixImage(size: Size(width: 600, height: 460), title: "Correlation of $\\hat{\\beta}$",
                    values: [[1, -0.87, 0.12], [-0.87, 1, -0.45], [0.12, -0.45, 1]],
                    columnLabels: ["$\\hat{\\beta}_0$", "$\\hat{\\beta}_1$", "$\\hat{\\beta}_2$"],
                    rowLabels: ["$\\hat{\\beta}_0$", "$\\hat{\\beta}_1$", "$\\hat{\\beta}_2$"],
                    colorMap: .diverging, scaling: .range(-1...1), decimals: 2)
        image.colorBar = true
        return image
    }
}
