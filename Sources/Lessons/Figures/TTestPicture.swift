import GLM

/// The numbers a `t-distribution` figure draws and states, apart from how it
/// draws them: the alternative's tail, the p-value, the critical value, how
/// far the t axis reaches, and how much of each shaded area lies beyond it.
///
/// The axis is chosen for two things that pull apart when df is small. The
/// shaded area should be seen where it is (its label names the whole of it),
/// which asks for a wide axis, because t with few df has heavy tails; and the
/// curve should keep its shape, which asks for a narrow one. So the axis
/// reaches until nine tenths of each labelled tail area is drawn, but no
/// farther than `shapeLimit`, where the middle half of the distribution still
/// takes a fifteenth of the axis; what is left beyond the axis end is stated
/// there. An observed t or a critical value past that limit is not reached
/// for (a t of 30 would squash the curve into a spike): it is marked by an
/// arrow at the axis end with its value.
struct TTestPicture: Equatable {
    enum Tail: String, CaseIterable { case twoSided = "two-sided", upper, lower }

    let t: Double
    let degreesOfFreedom: Int
    let tail: Tail
    let alpha: Double?
    /// The p-value of the chosen alternative: `2 * pt(-|t|, df)`, `pt(t, df,
    /// lower.tail = FALSE)` or `pt(t, df)`.
    let p: Double
    /// t(1 − α/2, df) for a two-sided test, t(1 − α, df) for a one-sided one;
    /// positive, the side of its region given by `tail`.
    let critical: Double?
    /// The axis runs from −reach to reach.
    let reach: Double

    init(t: Double, degreesOfFreedom df: Int, tail: Tail, alpha: Double?) {
        self.t = t
        degreesOfFreedom = df
        self.tail = tail
        self.alpha = alpha
        let distribution = StudentTDistribution(degreesOfFreedom: Double(df))
        switch tail {
        case .twoSided: p = distribution.twoSidedPValue(t)
        case .upper: p = distribution.survival(t)
        case .lower: p = distribution.cdf(t)
        }
        critical = alpha.map { distribution.quantile(1 - (tail == .twoSided ? $0 / 2 : $0)) }
        let limit = Self.shapeLimit(degreesOfFreedom: df)
        // Nine tenths of each labelled area drawn: the axis ends where a tenth
        // of it is left beyond (the quantile from below, so tiny areas keep
        // their digits).
        let labelled = tail == .twoSided ? p / 2 : p
        let visible = labelled > 0 ? -distribution.quantile(0.1 * labelled) : .infinity
        var reach = max(4, min(limit, visible.isFinite ? visible : limit))
        // A value just inside the limit is reached for, with room for its label.
        if abs(t) <= limit { reach = max(reach, abs(t) + 1) }
        if let critical, critical <= limit { reach = max(reach, critical + 1) }
        self.reach = reach
    }

    /// The widest half-axis on which the middle half of t(df) still takes a
    /// fifteenth of the axis (15 × the upper quartile), and at least 4: 15
    /// for df = 1, 12.2 for df = 2, 10.1 for large df.
    static func shapeLimit(degreesOfFreedom df: Int) -> Double {
        max(4, 15 * StudentTDistribution(degreesOfFreedom: Double(df)).quantile(0.75))
    }

    var distribution: StudentTDistribution { StudentTDistribution(degreesOfFreedom: Double(degreesOfFreedom)) }

    /// Whether the observed t stands inside the axis.
    var observedOnAxis: Bool { abs(t) < reach }

    /// Whether the critical values stand inside the axis.
    var criticalOnAxis: Bool { critical.map { $0 < reach } ?? false }

    /// One shaded area of the p-value: the interval drawn, the side it lies on
    /// (−1 left, 1 right) and the parts of it beyond the axis ends, which the
    /// figure states.
    struct Shade: Equatable {
        let from: Double
        let to: Double
        let side: Double
        /// The part beyond the axis end on `side`.
        let beyondAxis: Double
        /// The part beyond the other end: only a one-sided test whose t lies past
        /// the end away from its tail has one.
        let beyondOtherEnd: Double
    }

    /// The areas whose sum is p: both tails beyond ±|t|, or the one tail. A
    /// shade whose inner end is past the axis end has nothing drawn and all of
    /// its area beyond.
    var shades: [Shade] {
        let cut = abs(t)
        let distribution = distribution
        /// P(T > max(reach, start)): the part of the area from `start` outward
        /// that lies past the end.
        func beyond(_ start: Double) -> Double { distribution.survival(max(reach, start)) }
        /// P(start < T < −reach): the part of an area from `start` inward that lies
        /// past the opposite end.
        func otherEnd(_ start: Double) -> Double { start < -reach ? distribution.cdf(-reach) - distribution.cdf(start) : 0 }
        switch tail {
        case .twoSided:
            return [Shade(from: -reach, to: -min(cut, reach), side: -1, beyondAxis: beyond(cut), beyondOtherEnd: 0),
                    Shade(from: min(cut, reach), to: reach, side: 1, beyondAxis: beyond(cut), beyondOtherEnd: 0)]
        case .upper:
            return [Shade(from: min(max(t, -reach), reach), to: reach, side: 1, beyondAxis: beyond(t),
                          beyondOtherEnd: otherEnd(t))]
        case .lower:
            return [Shade(from: -reach, to: max(min(t, reach), -reach), side: -1, beyondAxis: beyond(-t),
                          beyondOtherEnd: otherEnd(-t))]
        }
    }

    /// The area drawn between a shade's ends: P(from < T < to).
    func drawnArea(_ shade: Shade) -> Double {
        max(0, distribution.cdf(shade.to) - distribution.cdf(shade.from))
    }

    /// The rejection regions' inner ends: ±t_crit, or the one bound.
    var criticalBounds: [Double] {
        guard let critical else { return [] }
        switch tail {
        case .twoSided: return [-critical, critical]
        case .upper: return [critical]
        case .lower: return [-critical]
        }
    }

    /// "p/2" for each of two tails, "p" for one.
    var areaName: String { tail == .twoSided ? "p/2" : "p" }

    /// The area each shade is labelled with: p/2 or p.
    var labelledArea: Double { tail == .twoSided ? p / 2 : p }
}
