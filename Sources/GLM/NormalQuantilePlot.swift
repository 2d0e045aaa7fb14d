/// The numbers of a normal Q–Q plot as R draws one with `qqnorm` and
/// `qqline`: each value against the normal quantile of its plotting position,
/// and the line through the quartiles. A course shows residuals this way to
/// ask whether the errors look normal, so the numbers are R's, step for step.
public struct NormalQuantilePlot: Sendable, Equatable {
    /// The sample, in its own order.
    public let sample: [Double]
    /// For each value, `qnorm(ppoints(n))` at its rank: R's
    /// `qqnorm(sample)$x`. Ties take ranks in their order in the sample, as
    /// R's `order(order(y))` does.
    public let theoretical: [Double]
    /// R's `qqline`: through the sample's first and third quartiles (type 7,
    /// R's default `quantile`) against qnorm(0.25) and qnorm(0.75).
    public let intercept: Double
    public let slope: Double

    public init(sample: [Double]) {
        self.sample = sample
        let n = sample.count
        let positions = Self.plottingPositions(n)
        let normal = NormalDistribution()
        let order = sample.indices.sorted { sample[$0] < sample[$1] || (sample[$0] == sample[$1] && $0 < $1) }
        var theoretical = [Double](repeating: 0, count: n)
        for (rank, index) in order.enumerated() { theoretical[index] = normal.quantile(positions[rank]) }
        self.theoretical = theoretical
        let sorted = order.map { sample[$0] }
        let (x1, x3) = (normal.quantile(0.25), normal.quantile(0.75))
        let (y1, y3) = (Self.quantile(sorted, 0.25), Self.quantile(sorted, 0.75))
        slope = n > 0 ? (y3 - y1) / (x3 - x1) : 0
        intercept = n > 0 ? y1 - slope * x1 : 0
    }

    /// R's `ppoints(n)`: (i − a)/(n + 1 − 2a) for i = 1…n, with a = 3/8 for
    /// n ≤ 10 (Blom's positions) and a = 1/2 above.
    public static func plottingPositions(_ n: Int) -> [Double] {
        let a = n <= 10 ? 3.0 / 8 : 0.5
        return (0..<n).map { (Double($0 + 1) - a) / (Double(n) + 1 - 2 * a) }
    }

    /// The positions' formula as a course writes it, for the figure to say.
    public static func plottingPositionFormula(_ n: Int) -> String {
        n <= 10 ? "(i - 3/8)/(n + 1/4)" : "(i - 1/2)/n"
    }

    /// R's default (type 7) sample quantile of ascending `sorted` values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        guard low + 1 < sorted.count else { return sorted[low] }
        return sorted[low] + (h - Double(low)) * (sorted[low + 1] - sorted[low])
    }
}
