/// The one check that a chart's coordinates can be drawn, made on the scales of the
/// scene before anything is drawn.
///
/// Why here and not in each figure: every figure kind ends in the same scales (an
/// axis domain padded or grown to its ticks, then a linear map onto the canvas), and
/// the ways a drawing goes wrong are properties of those scales, whatever the kind:
/// - a coordinate that is not a finite number (a value that overflowed, such as the
///   mean β̂₀ + β̂₁x at x = 10³⁰⁸) — `Chart` skips it when drawing, which left an empty
///   plot, so `Figure.validateScales()` refuses it;
/// - a domain whose padding runs past the largest double, or whose width is zero or
///   below 10⁻¹² of its magnitude, where no two tick labels differ;
/// - a coordinate so far outside a fixed domain (or a line so steep) that its canvas
///   position leaves cairo's fixed-point range: cairo stores device coordinates in
///   24.8 fixed point, about ±8.4·10⁶ units, and silently wraps beyond it.
enum SceneScales {
    /// Largest canvas coordinate, in logical pixels, that any mark may map to: an
    /// eighth of cairo's fixed-point limit, so PNG densities up to 8 stay inside it.
    static let maximumCoordinate = 1_048_576.0

    /// Smallest domain width, relative to the domain's magnitude, that can be labelled.
    static let minimumRelativeWidth = 1e-12

    /// Refuses a domain that cannot be drawn.
    static func check(domain: ClosedRange<Double>, axis name: String) throws {
        let (lo, hi) = (domain.lowerBound, domain.upperBound)
        guard lo.isFinite, hi.isFinite, (hi - lo).isFinite else {
            throw PlotError.undrawable(
                axis: name,
                reason: "the \(name) axis would have to run from \(format(lo)) to \(format(hi)) (the data's range with its padding), beyond the largest number a double holds (1.8e308)")
        }
        let magnitude = max(abs(lo), abs(hi))
        guard hi - lo > 0, (hi - lo).isNormal, hi - lo >= minimumRelativeWidth * magnitude else {
            throw PlotError.undrawable(
                axis: name,
                reason: "the \(name) values span only \(format(hi - lo)) around \(format((lo + hi) / 2)), too narrow for a double to place them apart on an axis")
        }
    }

    /// Refuses a coordinate whose canvas position, on a canvas `extent` pixels across,
    /// would leave cairo's fixed-point range. Non-finite values are skipped here (the
    /// renderers skip them too); `strictValues` refuses them instead.
    static func check(values: [Double], axis name: String, domain: ClosedRange<Double>, extent: Double) throws {
        let span = domain.upperBound - domain.lowerBound
        let limit = maximumCoordinate / max(extent, 1)
        for v in values where v.isFinite {
            let t = (v - domain.lowerBound) / span
            guard t.isFinite, abs(t) <= limit else {
                throw PlotError.undrawable(
                    axis: name,
                    reason: "the \(name) coordinate \(format(v)) lies too far outside the axis range \(format(domain.lowerBound)) to \(format(domain.upperBound)) to be placed on a canvas")
            }
        }
    }

    /// Refuses coordinates that are not finite numbers, infinities first on every
    /// axis: an overflow is the cause, and a NaN is usually its consequence (a normal
    /// density about an infinite mean).
    static func checkFinite(_ values: [[Double]], axes names: [String]) throws {
        for (axis, name) in zip(values, names) where axis.contains(where: \.isInfinite) {
            try checkFinite(axis.filter(\.isInfinite), axis: name)
        }
        for (axis, name) in zip(values, names) { try checkFinite(axis, axis: name) }
    }

    /// Refuses values that are not finite numbers.
    static func checkFinite(_ values: [Double], axis name: String) throws {
        if let bad = values.first(where: { !$0.isFinite }) {
            throw PlotError.undrawable(
                axis: name,
                reason: "one of the \(name) coordinates is \(bad.isNaN ? "not a number" : "infinite"): a value it was computed from overflows a double (magnitude above 1.8e308)")
        }
    }

    /// Three significant digits, enough to show the order of magnitude at issue.
    static func format(_ v: Double) -> String {
        if !v.isFinite { return v.isNaN ? "NaN" : (v < 0 ? "-infinity" : "infinity") }
        return String(posixFormat: "%.3g", v)
    }
}
