/// UTF-8 validation that is nearly free on ASCII files and precise on bad ones.
///
/// A CSV saved as Latin-1 or Windows-1252 would otherwise produce garbled level
/// names; rejecting it with the line and column of the first bad byte tells the
/// user exactly what to re-encode.
enum CSVUTF8 {
    static func validate(_ bytes: UnsafePointer<UInt8>, from start: Int, count: Int, source: String) throws {
        var i = start
        // Eight bytes at a time while everything is ASCII other than NUL (a zero
        // byte makes `word - 0x01…` borrow into its high bit).
        while i + 8 <= count {
            let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
            let zero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if (word & 0x8080_8080_8080_8080) | zero != 0 { break }
            i += 8
        }
        while i < count {
            let lead = bytes[i]
            if lead == 0 { throw nul(bytes, at: i, start: start, source: source) }
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: throw invalid(bytes, at: i, start: start, source: source)
            }
            guard i + length <= count else { throw invalid(bytes, at: i, start: start, source: source) }
            for k in 1..<length {
                let next = bytes[i + k]
                guard next & 0xC0 == 0x80 else { throw invalid(bytes, at: i, start: start, source: source) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                throw invalid(bytes, at: i, start: start, source: source)
            }
            i += length
        }
    }

    /// Builds the error for the bad byte at `offset`.
    private static func invalid(_ bytes: UnsafePointer<UInt8>, at offset: Int, start: Int, source: String) -> Diagnostic {
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return Diagnostic(
            .badData, "byte 0x\(hex) is not valid UTF-8",
            location: place(bytes, at: offset, start: start, source: source),
            suggestion: "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8 in.csv > out.csv`)")
    }

    /// A NUL byte is valid UTF-8 but never text: read on, it would become part of
    /// a column name or a cell and surface later as a "missing" column.
    private static func nul(_ bytes: UnsafePointer<UInt8>, at offset: Int, start: Int, source: String) -> Diagnostic {
        let location = place(bytes, at: offset, start: start, source: source)
        let inHeader = location.line == 1 ? " in the header" : ""
        return Diagnostic(
            .badData, "a NUL byte (0x00)\(inHeader); a CSV file holds text, and NUL is not a character of text",
            location: location,
            suggestion: "delete the NUL byte (e.g. `tr -d '\\000' < in.csv > out.csv`); if the file came from a program that writes binary, export it as CSV text")
    }

    /// The line and character column of the byte at `offset`, counted only now
    /// that they are needed.
    private static func place(_ bytes: UnsafePointer<UInt8>, at offset: Int, start: Int, source: String) -> Diagnostic.Location {
        var line = 1
        var lineStart = start
        var k = start
        while k < offset {
            if bytes[k] == UInt8(ascii: "\n") || (bytes[k] == UInt8(ascii: "\r") && bytes[k + 1] != UInt8(ascii: "\n")) {
                line += 1
                lineStart = k + 1
            }
            k += 1
        }
        let prefix = UnsafeBufferPointer(start: bytes + lineStart, count: offset - lineStart)
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return .init(file: source, line: line, column: column)
    }
}
