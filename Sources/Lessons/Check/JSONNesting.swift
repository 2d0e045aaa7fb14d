import Foundation

/// Refuses JSON that nests lists and objects deeper than glmviz ever writes,
/// before a decoder walks it.
///
/// `fits.json` nests four levels; decoding it into `JSONValue` recurses once per
/// level on `glmviz check`'s worker threads, whose stacks are small, and
/// Foundation's own refusal past 512 levels reads only "The given data was not
/// valid JSON". One pass over the bytes finds the first bracket past the limit,
/// so the message can say where.
struct JSONNesting: Error, CustomStringConvertible {
    /// Far above the nesting of any file glmviz writes, far below what a stack holds.
    static let maximumDepth = 64

    /// 1-based line and column (in bytes) of the bracket that crosses the limit.
    let line: Int
    let column: Int

    var description: String {
        "lists and objects nest more than \(Self.maximumDepth) levels deep at line \(line), column \(column)"
    }

    /// Throws at the first `[` or `{` (outside strings) past `maximumDepth`.
    static func check(_ data: Data) throws {
        var depth = 0, line = 1, lineStart = 0
        var inString = false, escaped = false
        for (offset, byte) in data.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth { throw JSONNesting(line: line, column: offset - lineStart + 1) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = offset + 1
            default: break
            }
        }
    }
}
