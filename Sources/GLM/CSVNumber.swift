#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal text to `Double`, correctly rounded, fast for the numbers CSV files hold.
///
/// Most cells are short decimals (`12.5`, `-0.031`, `4e3`). When the digits fit in
/// 2^53 and the power of ten is at most 22 in size, both are exact doubles and one
/// IEEE multiply or divide gives the correctly rounded result (Clinger's fast path),
/// several times quicker than `strtod`. Everything else (long mantissas, large
/// exponents, `Inf`, hex) goes to the C library's `strtod`, which is also correct.
enum CSVNumber {
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// Parses `bytes[start..<end]` (already trimmed); nil when it is not a number.
    @inline(__always)
    static func parse(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while i < end, case let d = bytes[i] &- 48, d < 10 {
            sawDigit = true
            if digits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                if mantissa != 0 { digits += 1 }
            } else {
                return slow(bytes, start, end)
            }
            i += 1
        }
        if i < end && bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, case let d = bytes[i] &- 48, d < 10 {
                sawDigit = true
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                } else {
                    return slow(bytes, start, end)
                }
                i += 1
            }
        }
        guard sawDigit else { return slow(bytes, start, end) }
        if i < end && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            var exponentNegative = false
            if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            var sawExponentDigit = false
            while i < end, case let d = bytes[i] &- 48, d < 10 {
                sawExponentDigit = true
                if written < 100_000 { written = written * 10 + Int(d) }
                i += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == end else { return slow(bytes, start, end) }
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return slow(bytes, start, end) }
        var value = Double(mantissa)
        if exponent < 0 { value /= powersOfTen[-exponent] } else if exponent > 0 { value *= powersOfTen[exponent] }
        return negative ? -value : value
    }

    /// `strtod` on a NUL-terminated copy; accepts only if it consumes every byte.
    private static func slow(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length > 0, length < 512 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer -> Double? in
            for k in 0..<length { buffer[k] = CChar(bitPattern: bytes[start + k]) }
            buffer[length] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &stop)
            guard let stop, stop == buffer.baseAddress! + length else { return nil }
            return value
        }
    }
}
