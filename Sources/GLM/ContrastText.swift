/// The grammar every contrast written by name shares — `Design`'s
/// (`groupdrugA - groupdrugB`) and `FMRIDesign`'s (`face - house`): rows
/// separated by `;` and tested jointly by F, each row a signed, weighted sum of
/// names. Only what a name may be and what it stands for differ, so those stay
/// with each design; the signs, weights and `;` are read here once.
enum ContrastText {
    /// The weight rows of `text`, split at `;`; `row` reads the characters
    /// `chars[from..<to]` of one row.
    static func rows(_ text: String, _ row: (_ chars: [Character], _ from: Int, _ to: Int) throws -> [Double]) rethrows -> Matrix {
        let chars = Array(text)
        var rows: [[Double]] = []
        var start = 0
        for k in chars.indices.filter({ chars[$0] == ";" }) + [chars.count] {
            rows.append(try row(chars, start, k))
            start = k + 1
        }
        return Matrix(rows: rows)
    }

    /// What stands before a name: its sign and weight multiplied, and the
    /// weight as written when there was one (`2*face`, `- 0.5 x`).
    struct TermPrefix {
        var coefficient: Double
        var weight: String?
        /// Whether a `*` followed the weight.
        var starred: Bool
    }

    /// Reads `[+|-] [number [*]]` from `i`, which stands on the term's first
    /// character; leaves `i` on its name. A term after the first needs its sign.
    /// `fail(message, offset, length)` makes the caller's diagnostic.
    static func termPrefix(_ chars: [Character], at i: inout Int, end: Int, first: Bool,
                           fail: (String, Int, Int) -> Diagnostic) throws -> TermPrefix {
        func skipSpaces() { while i < end && chars[i].isWhitespace { i += 1 } }
        var sign = 1.0
        if chars[i] == "+" || chars[i] == "-" {
            sign = chars[i] == "-" ? -1 : 1
            i += 1
            skipSpaces()
        } else if !first {
            throw fail("expected '+' or '-' between terms", i, 1)
        }
        let numberStart = i
        while i < end && (chars[i].isNumber || chars[i] == ".") { i += 1 }
        guard i > numberStart else { return TermPrefix(coefficient: sign, weight: nil, starred: false) }
        let written = String(chars[numberStart..<i])
        guard let value = Double(written), value.isFinite else {
            throw fail("malformed number", numberStart, i - numberStart)
        }
        skipSpaces()
        var starred = false
        if i < end && chars[i] == "*" {
            i += 1
            skipSpaces()
            starred = true
        }
        return TermPrefix(coefficient: sign * value, weight: written, starred: starred)
    }
}
