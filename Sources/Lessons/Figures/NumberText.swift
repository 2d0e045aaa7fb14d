import Foundation

/// Numbers as a figure prints them: fixed decimals, a true minus sign inside
/// TeX, never a locale's comma, never "-0.000".
enum NumberText {
    /// `value` with `digits` decimals, `-` for negatives (TeX turns it into a minus).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        let scale = pow(10, Double(digits))
        var rounded = (value * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }  // drops the sign of -0
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let whole = magnitude.rounded(.down)
        var text = String(Int(whole))
        if digits > 0 {
            let fraction = Int(((magnitude - whole) * scale).rounded())
            let padded = String(fraction)
            text += "." + String(repeating: "0", count: max(0, digits - padded.count)) + padded
        }
        return (negative ? "-" : "") + text
    }

    /// Significant-looking decimals for a coefficient: 4 significant digits,
    /// at least 2 and at most 6 decimals.
    static func estimate(_ value: Double) -> String {
        let magnitude = abs(value)
        guard magnitude > 0 else { return "0" }
        let digits = min(6, max(2, 3 - Int(floor(log10(magnitude)))))
        return fixed(value, digits)
    }

    /// A p-value as journals print it: 3 significant digits, "< 0.0001" below that.
    static func pValue(_ p: Double) -> String {
        if p < 0.0001 { return "< 0.0001" }
        if p >= 0.001 { return "= " + fixed(p, 3) }
        return "= " + fixed(p, 4)
    }

    /// `+ 3.570` or `- 5.344`, for the second term of an equation.
    static func signed(_ value: Double, digits: Int) -> String {
        value < 0 ? "- " + fixed(-value, digits) : "+ " + fixed(value, digits)
    }
}
