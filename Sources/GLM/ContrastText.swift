/// The grammar every contrast written by name shares — `Design`'s
/// (`groupdrugA - groupdrugB`) and `FMRIDesign`'s (`face - house`): rows
/// separated by `;` and tested jointly by F, each row a signed, weighted sum of
/// names. Only what a name may be and what it stands for differ, so those stay
/// with each design; the signs, weights and `;` are read here once.
enum ContrastText {
    /// The weight rows of `text`, split at `;`; `row` reads the characters
    /// `chars[from..<to]` of one row.
    ///
    /// Every row must carry weight (`face - face` cancels to nothing), and the rows
    /// of an F contrast must be linearly independent: F divides by the number of
    /// rows, so `a; b; a + b` would report an F that tests 2 degrees of freedom as
    /// if it tested 3 (SPM reduces such a contrast to its rank; here the row is
    /// named so the author can drop it).
    static func rows(_ text: String, _ row: (_ chars: [Character], _ from: Int, _ to: Int) throws -> [Double]) throws -> Matrix {
        let chars = Array(text)
        var rows: [[Double]] = []
        var basis: [[Double]] = []
        var start = 0
        for k in chars.indices.filter({ chars[$0] == ";" }) + [chars.count] {
            let weights = try row(chars, start, k)
            var from = start, to = k
            while from < to && chars[from].isWhitespace { from += 1 }
            while to > from && chars[to - 1].isWhitespace { to -= 1 }
            let excerpt = Diagnostic.Excerpt(text: text, offset: from, length: max(1, to - from))
            guard weights.contains(where: { $0 != 0 }) else {
                throw Diagnostic(.badFormula, "this row's weights cancel: every column gets 0, so it tests nothing",
                                 excerpt: excerpt, suggestion: "name two different columns, or each column once")
            }
            if let direction = independentPart(of: weights, from: basis) {
                basis.append(direction)
            } else {
                throw Diagnostic(
                    .badFormula,
                    "row \(rows.count + 1) of this F contrast is a combination of the rows before it; F would be divided by \(rows.count + 1) rows where the test has \(rows.count) degree\(rows.count == 1 ? "" : "s") of freedom",
                    excerpt: excerpt, suggestion: "drop this row: the rows before it already test it")
            }
            rows.append(weights)
            start = k + 1
        }
        return Matrix(rows: rows)
    }

    /// What of `row` lies outside the span of the orthonormal `basis`, normalised,
    /// or nil when nothing does (modified Gram–Schmidt, twice for stability; the
    /// weights are typed numbers, so a dependent row leaves rounding only).
    private static func independentPart(of row: [Double], from basis: [[Double]]) -> [Double]? {
        let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
        var v = row
        for _ in 0..<2 {
            for b in basis {
                let dot = zip(v, b).reduce(0) { $0 + $1.0 * $1.1 }
                for j in v.indices { v[j] -= dot * b[j] }
            }
        }
        let rest = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard rest > 1e-9 * norm else { return nil }
        return v.map { $0 / rest }
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
