import GLM

/// The threshold a statistic map is shown at, from a p-value rule: the t (or
/// F) a voxel must reach, and the words that say what it means. Every
/// probability comes from Rmath through the GLM target's distributions.
struct StatThreshold: Sendable, Equatable {
    enum Rule: Sendable, Equatable {
        /// Each voxel tested alone at level p (two-sided for t).
        case uncorrected(p: Double)
        /// Benjamini–Hochberg: the false discovery rate among the shown voxels at most q.
        case fdr(q: Double)
    }

    var rule: Rule
    /// The statistic a voxel must reach: |t| ≥ value, or F ≥ value.
    var value: Double
    /// Voxels at or past it.
    var suprathreshold: Int
    /// The largest p-value among the voxels shown, under FDR (nil when none is shown).
    var largestShownP: Double?

    /// The p-value of a statistic: two-sided for t, upper tail for F.
    static func pValue(_ statistic: Double, map: VolumeAnalysis.StatisticMap) -> Double {
        if map.isF { return FDistribution(numerator: Double(map.rows), denominator: map.df).survival(statistic) }
        return StudentTDistribution(degreesOfFreedom: map.df).twoSidedPValue(statistic)
    }

    /// The statistic whose p-value is `p`.
    static func critical(_ p: Double, map: VolumeAnalysis.StatisticMap) -> Double {
        if map.isF { return FDistribution(numerator: Double(map.rows), denominator: map.df).quantile(1 - p) }
        return StudentTDistribution(degreesOfFreedom: map.df).quantile(1 - p / 2)
    }

    static func magnitude(_ value: Double, map: VolumeAnalysis.StatisticMap) -> Double { map.isF ? value : abs(value) }

    /// The threshold of `rule` over the fitted voxels of `map`.
    ///
    /// FDR as Benjamini and Hochberg (1995): with the m fitted voxels' p-values
    /// sorted, p₍₁₎ ≤ … ≤ p₍ₘ₎, the largest k with p₍ₖ₎ ≤ k·q/m; the voxels
    /// with p ≤ p₍ₖ₎ are shown, so the threshold is the statistic at p₍ₖ₎.
    /// When no k qualifies nothing survives, and the threshold stated is the
    /// one the first step needed (p ≤ q/m), which no voxel reached.
    init(_ rule: Rule, map: VolumeAnalysis.StatisticMap) {
        self.rule = rule
        let magnitudes = map.fitted.map { Self.magnitude($0.value, map: map) }
        switch rule {
        case .uncorrected(let p):
            value = Self.critical(p, map: map)
            largestShownP = nil
        case .fdr(let q):
            let sorted = magnitudes.sorted(by: >)
            let m = Double(sorted.count)
            var cut: Int?
            for (k, s) in sorted.enumerated() where Self.pValue(map.isF ? s : s, map: map) <= Double(k + 1) * q / m { cut = k }
            if let cut {
                value = sorted[cut]
                largestShownP = Self.pValue(sorted[cut], map: map)
            } else {
                value = Self.critical(q / max(m, 1), map: map)
                largestShownP = nil
            }
        }
        let threshold = value
        suprathreshold = magnitudes.filter { $0 >= threshold }.count
    }
}
