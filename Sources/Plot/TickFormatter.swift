import Foundation
import Support

/// Formats a set of tick values as labels that read as a set: one number of
/// decimals for all, a true minus sign (U+2212), never "−0", and a shared
/// power of ten for very small or very large values ("1.5×10⁻⁶").
public struct TickFormatter: Sendable {
    public init() {}

    public static let minus = "\u{2212}"

    public func labels(for ticks: [Double]) -> [String] {
        guard !ticks.isEmpty else { return [] }
        let largest = ticks.map(abs).max() ?? 0
        if largest > 0 && (largest < 1e-3 || largest >= 1e6) {
            let exponent = Int(floor(log10(largest)))
            let scale = pow(10, Double(exponent))
            let mantissas = ticks.map { $0 / scale }
            let d = decimals(for: mantissas)
            return mantissas.map { m in
                let body = fixed(m, d)
                return body == "0" || body.allSatisfy({ $0 == "0" || $0 == "." }) ? "0" : body + "×10" + superscript(exponent)
            }
        }
        let d = decimals(for: ticks)
        return ticks.map { fixed($0, d) }
    }

    /// The fewest decimals that tell every tick apart exactly (up to 1e-9 relative).
    func decimals(for values: [Double]) -> Int {
        for d in 0...12 {
            let scale = pow(10, Double(d))
            let exact = values.allSatisfy { v in
                let s = v * scale
                return abs(s - s.rounded()) <= 1e-6 * max(1, abs(s))
            }
            if exact { return d }
        }
        return 12
    }

    /// Fixed-point text with the true minus sign; a value that rounds to zero
    /// prints without sign.
    public func fixed(_ v: Double, _ decimals: Int) -> String {
        var s = String(posixFormat: "%.\(decimals)f", v)
        if s.hasPrefix("-") {
            let digits = s.dropFirst()
            if digits.allSatisfy({ $0 == "0" || $0 == "." }) { s = String(digits) } else { s = TickFormatter.minus + digits }
        }
        return s
    }

    func superscript(_ n: Int) -> String {
        let map: [Character: String] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                        "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(n).map { map[$0] ?? String($0) }.joined()
    }
}
