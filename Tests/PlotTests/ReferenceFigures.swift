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
