import Foundation

/// Compares SVG and PDF outputs as text after removing what legitimately varies
/// between two renders of the same drawing: cairo's process-wide id counters,
/// PDF dates, producer and creator strings, font-subset tags and the
/// cross-reference offsets that shift when any of those change length.
enum VectorComparison {
    static func compareSVG(committed: Data, fresh: Data) -> FileVerdict {
        compare(normalizeSVG(committed), normalizeSVG(fresh), what: "ids and comments", byLine: true)
    }

    static func comparePDF(committed: Data, fresh: Data) -> FileVerdict {
        guard committed.starts(with: Data("%PDF-".utf8)) else { return .unreadable("is not a PDF file; re-render it") }
        return compare(normalizePDF(committed), normalizePDF(fresh), what: "dates, producer and font tags",
                       byLine: false)
    }

    private static func compare(_ old: [UInt8], _ new: [UInt8], what: String, byLine: Bool) -> FileVerdict {
        guard old != new else { return .equivalent }
        let offset = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let place = byLine
            ? "line \(old[..<offset].lazy.filter { $0 == UInt8(ascii: "\n") }.count + 1)"
            : "byte \(offset)"
        return .differs("differs from the fresh render after normalising \(what) (first difference at \(place))")
    }

    /// Renumbers every id in order of first appearance, whether defined
    /// (`id="…"`) or referenced (`href="#…"`, `url(#…)`), and drops comments.
    static func normalizeSVG(_ data: Data) -> [UInt8] {
        let text = replacing(#"<!--.*?-->"#, in: String(decoding: data, as: UTF8.self), options: [.dotMatchesLineSeparators]) { _ in "" }
        var numbers: [String: Int] = [:]
        let renumbered = replacing(##"(id="|href="#|url\(#)([^")]*)"##, in: text) { groups in
            let number = numbers[groups[2]] ?? { numbers[groups[2]] = numbers.count + 1; return numbers.count }()
            return groups[1] + "id\(number)"
        }
        return Array(renumbered.utf8)
    }

    /// Blanks document metadata and the byte-offset tables that depend on it.
    static func normalizePDF(_ data: Data) -> [UInt8] {
        // ISO Latin 1 maps every byte to one character and back, so binary
        // streams survive the round trip untouched.
        var text = String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
        // A PDF string may hold balanced parentheses: cairo's producer does.
        let string = #"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)"#
        text = replacing(#"/(CreationDate|ModDate|Producer|Creator)\s*"# + string, in: text) { "/\($0[1]) ()" }
        text = replacing(#"/ID\s*\[[^\]]*\]"#, in: text) { _ in "/ID []" }
        text = replacing(#"/[A-Z]{6}\+"#, in: text) { _ in "/SUBSET+" }
        text = replacing(#"\nxref\n.*"#, in: text, options: [.dotMatchesLineSeparators]) { _ in "\nxref\n" }
        return text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// Replaces each match of `pattern`; `replacement` receives the whole match
    /// and its capture groups (empty for a group that did not take part).
    static func replacing(_ pattern: String, in text: String, options: NSRegularExpression.Options = [],
                          _ replacement: ([String]) -> String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: options) else { return text }
        let source = text as NSString
        var result = ""
        var position = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: position, length: match.range.location - position))
            let groups = (0..<match.numberOfRanges).map { index -> String in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : source.substring(with: range)
            }
            result += replacement(groups)
            position = match.range.location + match.range.length
        }
        result += source.substring(from: position)
        return result
    }
}
