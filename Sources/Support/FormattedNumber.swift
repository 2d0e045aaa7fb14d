/// A number once its digits are decided, kept in parts (sign, integer digits,
/// fraction digits, power of ten) until it is written out in a `NumberStyle`.
///
/// Keeping the parts lets the same rounding be written as Unicode, TeX or
/// ASCII, and lets a table align a column on the decimal point
/// (`DecimalAlignment`) without parsing text back.
public struct FormattedNumber: Sendable, Equatable {
    /// What the number is.
    public enum Kind: Sendable, Equatable {
        case finite
        /// NaN, and anything else with no value: "NA", as R prints a missing
        /// number and as glmviz reads one from a CSV. A formatter that refused
        /// NaN would turn one undefined statistic into a failed render.
        case notAvailable
        /// ±∞ (`negative` says which): "∞", `\infty`, `Inf`.
        case infinity
    }

    public var kind: Kind
    public var negative: Bool
    /// ASCII digits before the point, without separators ("0" for 0.5).
    public var integer: String
    /// ASCII digits after the point; empty when there is no point.
    public var fraction: String
    /// n of "× 10ⁿ" in scientific form; nil in positional form.
    public var powerOfTen: Int?

    public init(kind: Kind = .finite, negative: Bool = false, integer: String, fraction: String = "", powerOfTen: Int? = nil) {
        self.kind = kind
        self.negative = negative
        self.integer = integer
        self.fraction = fraction
        self.powerOfTen = powerOfTen
    }

    public static let notAvailable = FormattedNumber(kind: .notAvailable, integer: "")

    /// Rounded digits written with `decimals` places; the sign is dropped
    /// when nothing but zeros is left, so "−0.00" never appears.
    init(_ digits: DecimalDigits, decimals: Int, powerOfTen: Int? = nil) {
        let integer = digits.integerDigits
        let fraction = digits.fractionDigits(decimals)
        let allZero = integer.allSatisfy { $0 == "0" } && fraction.allSatisfy { $0 == "0" }
        self.init(negative: digits.negative && !allZero, integer: integer, fraction: fraction, powerOfTen: powerOfTen)
    }

    /// True when every digit shown is zero.
    public var isZero: Bool {
        kind == .finite && integer.allSatisfy { $0 == "0" } && fraction.allSatisfy { $0 == "0" }
    }

    /// The number written for `style`.
    public func text(_ style: NumberStyle) -> String {
        switch style.output {
        case .latex: return "$" + body(style) + "$"
        default: return body(style)
        }
    }

    /// The sign, for the part of a split number before the point.
    func sign(_ style: NumberStyle) -> String {
        guard negative else { return "" }
        return style.output == .unicode ? "\u{2212}" : "-"
    }

    /// The signed, grouped integer part as written (for `DecimalAlignment`).
    func integerText(_ style: NumberStyle) -> String {
        sign(style) + grouped(integer, style)
    }

    /// The point, the fraction and any power of ten (for `DecimalAlignment`).
    func fractionText(_ style: NumberStyle) -> String {
        (fraction.isEmpty ? "" : "." + fraction) + exponentText(style)
    }

    func body(_ style: NumberStyle) -> String {
        switch kind {
        case .notAvailable:
            return style.output == .texMath || style.output == .latex ? "\\mathrm{NA}" : "NA"
        case .infinity:
            switch style.output {
            case .unicode: return sign(style) + "∞"
            case .ascii: return sign(style) + "Inf"
            case .texMath, .latex: return sign(style) + "\\infty"
            }
        case .finite:
            return integerText(style) + fractionText(style)
        }
    }

    func exponentText(_ style: NumberStyle) -> String {
        guard let power = powerOfTen else { return "" }
        switch style.output {
        case .unicode: return "×10" + Self.superscript(power)
        case .ascii: return "e" + String(power)
        case .texMath, .latex: return " \\times 10^{\(power)}"
        }
    }

    /// Thousands separators per `style.grouping`; none in machine text or in
    /// the mantissa of scientific form (it never has more than one digit).
    func grouped(_ digits: String, _ style: NumberStyle) -> String {
        let separator: String
        let from: Int
        switch (style.grouping, style.output) {
        case (.none, _), (_, .ascii): return digits
        case (.thinSpace, .unicode): separator = "\u{2009}"; from = 5
        case (.thinSpace, _): separator = "\\,"; from = 5
        case (.comma, .unicode): separator = ","; from = 4
        case (.comma, _): separator = "{,}"; from = 4
        }
        guard digits.count >= from else { return digits }
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }

    static func superscript(_ n: Int) -> String {
        let map: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                           "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(String(n).map { map[$0] ?? $0 })
    }
}
