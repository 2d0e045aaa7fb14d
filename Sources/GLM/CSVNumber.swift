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
    /// Exact powers of ten up to 10^22, the largest that a double holds exactly.
    /// A table lookup rather than a `switch`: the switch compiles to an indirect
    /// jump that mispredicts whenever the number of decimals changes. Written once
    /// at first use and only read afterwards, hence `nonisolated(unsafe)`.
    nonisolated(unsafe) private static let powersOfTen: UnsafePointer<Double> = {
        let table = UnsafeMutablePointer<Double>.allocate(capacity: 23)
        var power = 1.0
        for e in 0...22 {
            table[e] = power
            power *= 10
        }
        return UnsafePointer(table)
    }()

    /// Parses `bytes[start..<end]` (already trimmed); nil when it is not a number.
    @inline(__always)
    static func parse(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        if let (value, stop) = prefix(bytes, start, end), stop == end { return value }
        return slow(bytes, start, end)
    }

    /// Reads the longest decimal number starting at `start` (stopping before `limit`)
    /// when the fast path applies: returns its value and where it stopped. nil means
    /// "not a plain decimal that the fast path can do exactly"; the caller then
    /// falls back to `parse`, which handles every other case with `strtod`.
    @inline(__always)
    static func prefix(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ limit: Int) -> (Double, Int)? {
        var i = start
        guard i < limit else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        let integerStart = i
        while i < limit, case let d = bytes[i] &- 48, d < 10 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
        }
        var digitCount = i - integerStart
        var exponent = 0
        if i < limit && bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            // Eight digits at a time where possible: fewer unpredictable loop exits.
            while i + 8 <= limit, let eight = eightDigits(bytes + i) {
                mantissa = mantissa &* 100_000_000 &+ eight
                i += 8
            }
            while i < limit, case let d = bytes[i] &- 48, d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
            }
            exponent = fractionStart - i
            digitCount += i - fractionStart
        }
        // More than 19 digits may have overflowed (leading zeros aside, leave it to strtod).
        guard digitCount > 0, digitCount <= 19 else { return nil }
        if i < limit && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            var j = i + 1
            var exponentNegative = false
            if j < limit && (bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+")) {
                exponentNegative = bytes[j] == UInt8(ascii: "-")
                j += 1
            }
            var written = 0
            let exponentStart = j
            while j < limit, case let d = bytes[j] &- 48, d < 10, j - exponentStart < 6 {
                written = written * 10 + Int(d)
                j += 1
            }
            guard j > exponentStart else { return nil }
            exponent += exponentNegative ? -written : written
            i = j
        }
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        var value = Double(mantissa)
        if exponent < 0 { value /= powersOfTen[-exponent] } else if exponent > 0 { value *= powersOfTen[exponent] }
        return (negative ? -value : value, i)
    }

    /// The value of eight ASCII digits at `p`, or nil if any byte is not a digit
    /// (SWAR: the digit test and the base-10 combination done in 64-bit words).
    @inline(__always)
    private static func eightDigits(_ p: UnsafePointer<UInt8>) -> UInt64? {
        let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        let high = word & 0xF0F0_F0F0_F0F0_F0F0
        let carried = ((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4
        guard high | carried == 0x3333_3333_3333_3333 else { return nil }
        var v = word &- 0x3030_3030_3030_3030
        v = (v &* 10) &+ (v >> 8)
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let a = (v & mask) &* (100 &+ (1_000_000 << 32))
        let b = ((v >> 16) & mask) &* (1 &+ (10_000 << 32))
        return (a &+ b) >> 32
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
