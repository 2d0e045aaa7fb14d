import Foundation

/// Numbers as a figure prints them: fixed decimals, a true minus sign inside
/// TeX, never a locale's comma, never "-0.000".
enum NumberText {
    /// `value` with `digits` decimals, `-` for negatives (TeX turns it into a minus).
    /// Beyond 10¹⁵ (where the digits are no longer exact) in R's exponent form.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        let scale = pow(10, Double(digits))
        guard abs(value) * scale < 1e15 else { return scientific(value) }
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
    ///
    /// Magnitudes from 10⁷ and below 10⁻⁴ are written as R writes them, `2.118e+153`:
    /// fixed decimals would print a row of digits, or 0.000000 for a slope of 10⁻³⁰⁸.
    static func estimate(_ value: Double) -> String {
        let magnitude = abs(value)
        guard magnitude > 0 else { return "0" }
        guard magnitude < 1e7, magnitude >= 1e-4 else { return scientific(value) }
        let digits = min(6, max(2, 3 - Int(floor(log10(magnitude)))))
        return fixed(value, digits)
    }

    /// Four significant digits and a decimal exponent, as R prints them: `2.118e+153`,
    /// `-5.000e-308`; `Inf`, `-Inf` and `NaN` as R prints those.
    static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "Inf") }
        guard value != 0 else { return "0" }
        let magnitude = abs(value)
        var exponent = Int(floor(log10(magnitude)))
        // Divide in two steps so that 10^exponent never leaves the normal range.
        var mantissa = exponent < -290 ? magnitude * 1e300 / pow(10, Double(exponent + 300))
            : magnitude / pow(10, Double(exponent))
        mantissa = (mantissa * 1000).rounded() / 1000
        if mantissa >= 10 { mantissa /= 10; exponent += 1 }
        if mantissa < 1 { mantissa *= 10; exponent -= 1 }
        let digits = String(abs(exponent))
        return (value < 0 ? "-" : "") + fixed(mantissa, 3) + "e" + (exponent < 0 ? "-" : "+")
            + (digits.count < 2 ? "0" : "") + digits
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
