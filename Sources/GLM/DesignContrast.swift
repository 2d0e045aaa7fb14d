extension Design {
    /// Turns a contrast written by a user into weights, one row per contrast and one
    /// column per design column, so hypotheses can be stated by name:
    ///
    /// - a linear combination of column names: `groupdrugA - groupdrugB`, `2*x - z`,
    ///   `0.5*groupb + 0.5*groupc` (names as in `columnNames`; backticks allowed);
    /// - a weight vector in design order: `[0, 1, -1]`;
    /// - several of either separated by `;`, tested jointly by F.
    ///
    /// Column names may contain `:`, `(`, `^` and spaces, so the longest column name
    /// that matches at a position wins (`age:groupdrugA` rather than `age`).
    public func contrastWeights(_ text: String) throws -> Matrix {
        try ContrastText.rows(text) { chars, from, to in try contrastRow(chars, from: from, to: to, text: text) }
    }

    private func contrastRow(_ chars: [Character], from: Int, to end: Int, text: String) throws -> [Double] {
        var i = from
        func skipSpaces() { while i < end && chars[i].isWhitespace { i += 1 } }
        func fail(_ message: String, at offset: Int, length: Int = 1, suggestion: String? = nil) -> Diagnostic {
            Diagnostic(.badFormula, message, excerpt: .init(text: text, offset: offset, length: length), suggestion: suggestion)
        }
        skipSpaces()
        guard i < end else { throw fail("empty contrast; expected column names with weights or [w1, w2, …]", at: i) }
        if chars[i] == "[" {
            let open = i
            guard let close = chars[i..<end].firstIndex(of: "]") else {
                throw fail("'[' is never closed", at: open)
            }
            var weights: [Double] = []
            var fieldStart = open + 1
            for k in (open + 1)...close where k == close || chars[k] == "," {
                let field = String(chars[fieldStart..<k]).trimmingCharactersInSpaces
                guard let value = Double(field), value.isFinite else {
                    throw fail("expected a number, found \"\(field)\"", at: fieldStart, length: max(1, k - fieldStart))
                }
                weights.append(value)
                fieldStart = k + 1
            }
            i = close + 1
            skipSpaces()
            guard i == end else { throw fail("unexpected text after ']'", at: i) }
            guard weights.count == columnNames.count else {
                throw fail(
                    "the vector has \(weights.count) weights but the design has \(columnNames.count) columns",
                    at: open, length: close - open + 1,
                    suggestion: "columns in order: \(columnNames.joined(separator: ", "))")
            }
            return weights
        }

        var weights = [Double](repeating: 0, count: columnNames.count)
        var first = true
        while true {
            skipSpaces()
            guard i < end else {
                throw fail("expected a column name", at: i, suggestion: "columns: \(columnNames.joined(separator: ", "))")
            }
            let prefix = try ContrastText.termPrefix(chars, at: &i, end: end, first: first) { fail($0, at: $1, length: $2) }
            first = false
            let nameStart = i
            guard let (column, length) = matchColumn(chars, at: i, end: end) else {
                var stop = i
                while stop < end && !" +-".contains(chars[stop]) { stop += 1 }
                let word = String(chars[i..<stop])
                throw fail(
                    word.isEmpty ? "expected a column name" : "no design column named \"\(word)\"",
                    at: nameStart, length: max(1, stop - i),
                    suggestion: word.isEmpty
                        ? nil : DiagnosticSuggestion.hint(for: word, in: columnNames, kind: "design column"))
            }
            weights[column] += prefix.coefficient
            i += length
            skipSpaces()
            if i == end { return weights }
        }
    }

    /// The longest design column name (bare or in backticks) starting at `at`, and
    /// the characters it spans. Inside a name's parentheses spaces do not matter,
    /// so `I(hp/100)`, `I(hp / 100)` and `log(hp,10)` all find the column R names
    /// `I(hp/100)` or `log(hp, 10)`: a student may copy either spelling.
    private func matchColumn(_ chars: [Character], at: Int, end: Int) -> (Int, Int)? {
        var best: (Int, Int)?
        for (index, name) in columnNames.enumerated() {
            for candidate in [Array(name), Array("`\(name)`")] {
                guard let length = Self.match(candidate, in: chars, at: at, end: end) else { continue }
                // A bare name must not run on into more name characters (`x` inside `xz`).
                if at + length < end, let next = chars[at + length] as Character?,
                    next.isLetter || next.isNumber || next == "." || next == "_"
                {
                    continue
                }
                if best == nil || length > best!.1 { best = (index, length) }
            }
        }
        return best
    }

    /// How many characters of `chars` from `at` spell `name`, spaces inside
    /// parentheses ignored on either side; nil when they do not.
    private static func match(_ name: [Character], in chars: [Character], at: Int, end: Int) -> Int? {
        var i = at, k = 0, depth = 0
        while k < name.count {
            if depth > 0 {
                while k < name.count && name[k] == " " { k += 1 }
                while i < end && chars[i] == " " { i += 1 }
                if k == name.count { break }
            }
            guard i < end, chars[i] == name[k] else { return nil }
            if name[k] == "(" { depth += 1 }
            if name[k] == ")" { depth -= 1 }
            i += 1
            k += 1
        }
        return i - at
    }
}

extension String {
    fileprivate var trimmingCharactersInSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
