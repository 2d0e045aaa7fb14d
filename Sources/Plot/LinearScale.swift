/// Maps a data interval (domain) linearly onto a pixel interval (range), like
/// d3's `scaleLinear`. Either end of the range may be the larger one, which is
/// how a y axis points up on a canvas whose y points down.
public struct LinearScale: Hashable, Sendable {
    public var domain: ClosedRange<Double>
    public var rangeStart: Double
    public var rangeEnd: Double

    public init(domain: ClosedRange<Double>, range: (Double, Double) = (0, 1)) {
        self.domain = domain
        self.rangeStart = range.0
        self.rangeEnd = range.1
    }

    public func callAsFunction(_ v: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span == 0 ? 0.5 : (v - domain.lowerBound) / span
        return rangeStart + t * (rangeEnd - rangeStart)
    }

    /// Pixel back to data.
    public func invert(_ p: Double) -> Double {
        let r = rangeEnd - rangeStart
        let t = r == 0 ? 0.5 : (p - rangeStart) / r
        return domain.lowerBound + t * (domain.upperBound - domain.lowerBound)
    }

    /// The data range padded by `padding` of its span on each side (a lone value
    /// gets ±1 or ±10 %), so points at the extremes are not cut by the frame.
    public static func paddedDomain(for values: [Double], padding: Double = 0.05, including extra: [Double] = []) -> ClosedRange<Double> {
        let all = (values + extra).filter(\.isFinite)
        guard let lo = all.min(), let hi = all.max() else { return 0...1 }
        if hi - lo == 0 {
            let d = lo == 0 ? 1 : abs(lo) * 0.1
            return (lo - d)...(hi + d)
        }
        let pad = (hi - lo) * padding
        return (lo - pad)...(hi + pad)
    }
}
