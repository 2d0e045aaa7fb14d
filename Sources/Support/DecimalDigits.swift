/// The decimal digits of a finite `Double`, and rounding them to a decimal
/// place or to a number of significant digits.
///
/// Why not `String(format: "%.2f")`: printf rounds the binary value, so 2.675
/// (stored as 2.67499999…) prints as 2.67 while a reader who rounds the number
/// shown in `fits.json` gets 2.68, and its output follows the C locale of the
/// thread. Here the digits are those of the shortest decimal that reads back as
/// the same double (Swift's `description`, which is the same on every platform
/// and in every locale, and is what the JSON files hold), and they are rounded
/// half away from zero as a person rounds a written number. Everything after
/// that is integer arithmetic on digits, so there is no `log10` to misjudge the
/// order of magnitude of 999.9999 or 1e-5.
struct DecimalDigits: Equatable {
    /// True for values below zero (never for zero itself, so "−0" cannot arise).
    var negative: Bool
    /// Significant digits, 0…9 each, no leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// Where the decimal point sits: the value is 0.d₁d₂d₃… × 10^point.
    /// 3.57 has point 1, 62.37 has point 2, 0.0047 has point −2.
    var point: Int

    static let zero = DecimalDigits(negative: false, digits: [], point: 0)

    var isZero: Bool { digits.isEmpty }

    /// The power of ten of the leading digit: 1 for 62.37, −3 for 0.0047.
    /// Only meaningful for non-zero values.
    var leadingExponent: Int { point - 1 }

    /// The digits of `value`, which must be finite.
    init(_ value: Double) {
        precondition(value.isFinite, "DecimalDigits needs a finite value")
        self.init(negative: false, digits: [], point: 0)
        guard value != 0 else { return }
        // "1.5e-07", "12345678.0", "0.0001", "-3.5702020202020206".
        let text = Array(value.magnitude.description.utf8)
        var mantissa: [UInt8] = []
        var pointInMantissa: Int?
        var exponent = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                pointInMantissa = mantissa.count
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(index + 1)...], as: UTF8.self)) ?? 0
                break
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                mantissa.append(byte - UInt8(ascii: "0"))
            }
            index += 1
        }
        var point = (pointInMantissa ?? mantissa.count) + exponent
        while let first = mantissa.first, first == 0 {
            mantissa.removeFirst()
            point -= 1
        }
        while let last = mantissa.last, last == 0 { mantissa.removeLast() }
        self.init(negative: value < 0 && !mantissa.isEmpty, digits: mantissa, point: point)
    }

    init(negative: Bool, digits: [UInt8], point: Int) {
        self.negative = negative
        self.digits = digits
        self.point = point
    }

    /// Rounded to `decimals` places after the point (negative: to tens,
    /// hundreds, …), half away from zero. May come back as zero.
    func rounded(toDecimals decimals: Int) -> DecimalDigits {
        keeping(point + decimals)
    }

    /// Rounded to `count` (≥ 1) significant digits, half away from zero.
    func rounded(toSignificant count: Int) -> DecimalDigits {
        isZero ? self : keeping(max(1, count))
    }

    /// Keeps the first `count` digits, rounding on the next one.
    private func keeping(_ count: Int) -> DecimalDigits {
        if count >= digits.count { return self }
        if count < 0 { return .zero }
        var kept = Array(digits[0..<count])
        var point = self.point
        if digits[count] >= 5 {
            // Carry: 9.96 → 10.0 moves the point.
            var index = kept.count - 1
            while index >= 0 && kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 {
                kept[index] += 1
            } else {
                kept.insert(1, at: 0)
                point += 1
            }
        }
        while let last = kept.last, last == 0 { kept.removeLast() }
        if kept.isEmpty { return .zero }
        return DecimalDigits(negative: negative, digits: kept, point: point)
    }

    /// The digits before the point, as ASCII digits ("0" when there are none).
    var integerDigits: String {
        guard point > 0 else { return "0" }
        var text = ""
        for index in 0..<point { text.append(Character(String(index < digits.count ? digits[index] : 0))) }
        return text
    }

    /// The first `decimals` digits after the point, zero-padded.
    func fractionDigits(_ decimals: Int) -> String {
        guard decimals > 0 else { return "" }
        var text = ""
        for place in 0..<decimals {
            let index = point + place
            text.append(Character(String(index >= 0 && index < digits.count ? digits[index] : 0)))
        }
        return text
    }

    /// How many places after the point the digits reach (0 for whole numbers).
    var decimalsNeeded: Int { max(0, digits.count - point) }

    /// The same digits times 10^-shift (for a mantissa of scientific form).
    func scaled(byPowerOfTen shift: Int) -> DecimalDigits {
        isZero ? self : DecimalDigits(negative: negative, digits: digits, point: point + shift)
    }
}
