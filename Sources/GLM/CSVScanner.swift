import Foundation

/// Splits CSV bytes into fields (RFC 4180), without copying and without building
/// strings: a field is a byte range plus whether it was quoted and holds doubled
/// quotes. Tracks the editor line number so errors can point at the right row.
///
/// Accepted: LF, CRLF or lone CR record ends; quoted fields with commas, doubled
/// quotes and line breaks inside; blank lines between records (skipped, as R's
/// `read.csv` does).
struct CSVScanner {
    struct Field {
        /// Byte range of the field's content (inside the quotes for a quoted field).
        var start: Int
        var end: Int
        var quoted: Bool
        /// The content contains doubled quotes that must be collapsed.
        var hasEscapedQuotes: Bool
        /// This field ends its record.
        var endsRecord: Bool
    }

    let bytes: UnsafePointer<UInt8>
    let count: Int
    let source: String
    private(set) var position: Int
    /// 1-based line of `position`.
    private(set) var line = 1
    private var lineStart: Int

    init(bytes: UnsafePointer<UInt8>, count: Int, start: Int, source: String) {
        self.bytes = bytes
        self.count = count
        self.position = start
        self.lineStart = start
        self.source = source
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    var isAtEnd: Bool { position >= count }

    /// Skips empty lines so the next call to `next()` starts a real record.
    /// Returns false when only blank lines remained.
    mutating func skipBlankLines() -> Bool {
        while position < count {
            let byte = bytes[position]
            if byte == Self.lf {
                position += 1
                newLine()
            } else if byte == Self.cr {
                position += 1
                if position < count && bytes[position] == Self.lf { position += 1 }
                newLine()
            } else {
                return true
            }
        }
        return false
    }

    @inline(__always)
    private mutating func newLine() {
        line += 1
        lineStart = position
    }

    /// Consumes a record terminator at `position` if there is one.
    @inline(__always)
    private mutating func consumeLineEnd() -> Bool {
        guard position < count else { return true }
        let byte = bytes[position]
        if byte == Self.lf {
            position += 1
            newLine()
            return true
        }
        if byte == Self.cr {
            position += 1
            if position < count && bytes[position] == Self.lf { position += 1 }
            newLine()
            return true
        }
        return false
    }

    /// The fused fast path for numeric columns: parses a plain decimal straight from
    /// the bytes and consumes its separator, reading every byte once. Returns nil
    /// without moving when the field is anything else (quoted, missing, padded,
    /// exotic); the caller then takes the general `next()` path.
    @inline(__always)
    mutating func nextPlainNumber() -> (value: Double, endsRecord: Bool)? {
        guard let (value, end) = CSVNumber.prefix(bytes, position, count) else { return nil }
        if end == count {
            position = end
            return (value, true)
        }
        let byte = bytes[end]
        if byte == Self.comma {
            position = end + 1
            return (value, false)
        }
        if byte == Self.lf || byte == Self.cr {
            position = end
            _ = consumeLineEnd()
            return (value, true)
        }
        return nil
    }

    /// Reads the next field. At end of input the field is empty and ends the record.
    @inline(__always)
    mutating func next() throws -> Field {
        if position < count && bytes[position] == Self.quote {
            return try quotedField()
        }
        let start = position
        var i = position
        while i < count {
            let byte = bytes[i]
            if byte == Self.comma || byte == Self.lf || byte == Self.cr { break }
            i += 1
        }
        position = i
        if i < count && bytes[i] == Self.comma {
            position += 1
            // A trailing comma at the very end still has an (empty) field after it.
            return Field(start: start, end: i, quoted: false, hasEscapedQuotes: false, endsRecord: false)
        }
        _ = consumeLineEnd()
        return Field(start: start, end: i, quoted: false, hasEscapedQuotes: false, endsRecord: true)
    }

    private mutating func quotedField() throws -> Field {
        let openLine = line, openColumn = position - lineStart + 1
        position += 1
        let start = position
        var escaped = false
        while true {
            guard position < count else {
                throw Diagnostic(
                    .badData, "quoted field is never closed (a \" opened here has no matching \")",
                    location: .init(file: source, line: openLine, column: openColumn),
                    suggestion: "close the quote, or double any quote inside the field (\"\")")
            }
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < count && bytes[position + 1] == Self.quote {
                    escaped = true
                    position += 2
                    continue
                }
                break
            }
            position += 1
            if byte == Self.lf || (byte == Self.cr && !(position < count && bytes[position] == Self.lf)) {
                newLine()
            }
        }
        let end = position
        position += 1  // closing quote
        // Allow spaces between the closing quote and the separator.
        while position < count && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
        if position < count && bytes[position] == Self.comma {
            position += 1
            return Field(start: start, end: end, quoted: true, hasEscapedQuotes: escaped, endsRecord: false)
        }
        if consumeLineEnd() {
            return Field(start: start, end: end, quoted: true, hasEscapedQuotes: escaped, endsRecord: true)
        }
        throw Diagnostic(
            .badData, "unexpected character after a closing quote",
            location: .init(file: source, line: line, column: position - lineStart + 1),
            suggestion: "a quote inside a quoted field must be doubled (\"\")")
    }

    /// The field's text: quotes collapsed, and surrounding spaces trimmed from
    /// unquoted fields (quoted text is kept exactly).
    func text(of field: Field) -> String {
        var start = field.start, end = field.end
        if !field.quoted { trimSpaces(&start, &end) }
        let buffer = UnsafeBufferPointer(start: bytes + start, count: end - start)
        let raw = String(decoding: buffer, as: UTF8.self)
        return field.hasEscapedQuotes ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    @inline(__always)
    func trimSpaces(_ start: inout Int, _ end: inout Int) {
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    }

    /// True for the cells that mean "no value": empty, `NA`, `NaN`.
    @inline(__always)
    func isMissing(_ start: Int, _ end: Int) -> Bool {
        switch end - start {
        case 0: return true
        case 2: return bytes[start] == 0x4E && bytes[start + 1] == 0x41  // NA
        case 3: return bytes[start] == 0x4E && bytes[start + 1] == 0x61 && bytes[start + 2] == 0x4E  // NaN
        default: return false
        }
    }
}
