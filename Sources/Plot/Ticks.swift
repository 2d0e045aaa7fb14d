import Foundation

/// Tick positions by Wilkinson's extended algorithm as formulated by Talbot, Lin
/// & Hanrahan, "An Extension of Wilkinson's Algorithm for Positioning Tick
/// Labels on Axes", IEEE InfoVis 2010. It searches step sizes `j·q·10^z` over a
/// ranked list of nice numbers `Q` and scores each labelling on simplicity,
/// coverage of the data range, density near the target count, and legibility
/// (constant here), pruning with upper bounds so the search stays small.
/// Chosen over Heckbert (1990) because it never returns badly covering ticks
/// for awkward ranges such as [62, 546].
public struct TickGenerator: Sendable {
    /// Nice step mantissas, most preferred first (the paper's Q).
    public var niceNumbers: [Double] = [1, 5, 2, 2.5, 4, 3]
    /// Weights for simplicity, coverage, density, legibility (the paper's w).
    public var weights: (Double, Double, Double, Double) = (0.25, 0.2, 0.5, 0.05)
    /// When true, the first and last ticks enclose the data range.
    public var onlyLoose = false
    /// When set, ticks stand only at whole multiples of it and step by whole
    /// multiples of it: data measured in tens (lot sizes 20, 30, …, 120) get
    /// ticks at 20, 40, …, not at 25, 50, …, which no observation can take.
    /// See `dataStep(of:)`.
    public var stepMultiple: Double?

    public init() {}

    /// About `target` ticks covering `[lower, upper]`.
    public func ticks(lower: Double, upper: Double, target: Int = 5) -> [Double] {
        guard lower.isFinite, upper.isFinite else { return [] }
        let (dmin, dmax) = (min(lower, upper), max(lower, upper))
        let m = max(2, min(target, 50))
        // Ranges whose width overflows, or that are tiny against their
        // magnitude, have no nice labelling; their ends are the honest ticks.
        if dmax == dmin { return [dmin] }
        guard (dmax - dmin).isFinite, dmax - dmin > 1e-12 * max(abs(dmin), abs(dmax)) else { return [dmin, dmax] }
        let (w0, w1, w2, w3) = weights
        let qCount = Double(niceNumbers.count)
        var best: (score: Double, lmin: Double, step: Double, k: Int)? = nil
        var bestScore = -2.0

        func simplicityMax(_ qi: Int, _ j: Int) -> Double {
            1 - Double(qi) / (qCount - 1) - Double(j) + 1
        }
        func simplicity(_ qi: Int, _ j: Int, _ lmin: Double, _ lmax: Double, _ step: Double) -> Double {
            let eps = 1e-10
            let r = lmin.truncatingRemainder(dividingBy: step)
            let rem = r < 0 ? r + step : r
            let hasZero = (rem < eps * step || step - rem < eps * step) && lmin <= 0 && lmax >= 0
            return 1 - Double(qi) / (qCount - 1) - Double(j) + (hasZero ? 1 : 0)
        }
        func coverage(_ lmin: Double, _ lmax: Double) -> Double {
            let range = dmax - dmin
            return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
        }
        func coverageMax(_ span: Double) -> Double {
            let range = dmax - dmin
            if span > range {
                let half = (span - range) / 2
                return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
            }
            return 1
        }
        func density(_ k: Int, _ lmin: Double, _ lmax: Double) -> Double {
            let r = Double(k - 1) / (lmax - lmin)
            let rt = Double(m - 1) / (max(lmax, dmax) - min(dmin, lmin))
            return 2 - max(r / rt, rt / r)
        }
        func densityMax(_ k: Int) -> Double {
            k >= m ? 2 - Double(k - 1) / Double(m - 1) : 1
        }

        var j = 1
        outer: while j <= 20 {
            for (qi, q) in niceNumbers.enumerated() {
                let sm = simplicityMax(qi, j)
                if w0 * sm + w1 + w2 + w3 < bestScore { break outer }
                var k = 2
                while k <= 60 {
                    let dm = densityMax(k)
                    if w0 * sm + w1 + w2 * dm + w3 < bestScore { break }
                    let delta = (dmax - dmin) / Double(k + 1) / Double(j) / q
                    guard delta.isFinite, delta > 0 else { break }
                    var z = Int(ceil(log10(delta)))
                    let zLimit = z + 20
                    while z < zLimit {
                        let step = Double(j) * q * pow(10, Double(z))
                        if let multiple = stepMultiple, !Self.isWholeMultiple(q * pow(10, Double(z)), of: multiple) {
                            z += 1
                            continue
                        }
                        let cm = coverageMax(step * Double(k - 1))
                        if w0 * sm + w1 * cm + w2 * dm + w3 < bestScore { break }
                        let hi = floor(dmax / step) * Double(j), lo = ceil(dmin / step) * Double(j)
                        guard abs(hi) < 1e15, abs(lo) < 1e15 else { z += 1; continue }
                        let minStart = Int(hi.rounded()) - (k - 1) * j
                        let maxStart = Int(lo.rounded())
                        if minStart <= maxStart {
                            for start in minStart...maxStart {
                                let lmin = Double(start) * (step / Double(j))
                                let lmax = lmin + step * Double(k - 1)
                                let s = simplicity(qi, j, lmin, lmax, step)
                                let c = coverage(lmin, lmax)
                                let g = density(k, lmin, lmax)
                                let score = w0 * s + w1 * c + w2 * g + w3
                                if score > bestScore && (!onlyLoose || (lmin <= dmin && lmax >= dmax)) {
                                    bestScore = score
                                    best = (score, lmin, step, k)
                                }
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        guard let b = best else { return [dmin, dmax] }
        return (0..<b.k).map { TickGenerator.clean(b.lmin + Double($0) * b.step, step: b.step) }
    }

    /// The data's own step, if it has one: the largest 1, 2 or 5 × 10ᵏ that
    /// every value is a whole multiple of, provided the values span at least
    /// three such steps (two values 100 apart say nothing about a step of 100).
    /// Lot sizes 20, 30, …, 120 give 10; measurements with decimals give nil
    /// or a step far below any tick step, which changes nothing.
    public static func dataStep(of values: [Double]) -> Double? {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), high > low else { return nil }
        let span = high - low
        var power = floor(log10(span))
        // Six decades below the span at most: finer "steps" are the digits of
        // measurements, not a step of the data.
        for _ in 0..<7 {
            for mantissa in [5.0, 2, 1] {
                let step = mantissa * pow(10, power)
                guard span / step >= 3 - 1e-9 else { continue }
                if finite.allSatisfy({ isWholeMultiple($0, of: step) }) { return step }
            }
            power -= 1
        }
        return nil
    }

    /// Whether `value` is `step` times a whole number, allowing for the dust
    /// of decimal fractions (0.3 is three tenths).
    static func isWholeMultiple(_ value: Double, of step: Double) -> Bool {
        let ratio = value / step
        return abs(ratio - ratio.rounded()) <= max(1e-6, 1e-12 * abs(ratio))
    }

    /// Removes the floating-point dust of `lmin + i·step` (e.g. 0.30000000000000004)
    /// by rounding to a few digits below the step.
    static func clean(_ v: Double, step: Double) -> Double {
        let scale = pow(10, Double(-Int(floor(log10(step))) + 3))
        let r = (v * scale).rounded() / scale
        return r == 0 ? 0 : r  // also turns -0 into 0
    }
}
