/// Contrasts of an fMRI design written with the names a teacher uses.
///
/// `face - house`, `2*face - house - scrambled`, `0.5*face + 0.5*house`; several
/// rows separated by `;` are tested jointly by F (`face; house`). A name is a
/// column name (`face`, `face_derivative`, `trans_x`, `run2_face`) or, in a
/// multi-run design, a name without its `run<k>_` prefix, which stands for that
/// column in every run with its weight shared equally, so `face - house` compares
/// the conditions' mean effects over runs and keeps its size whatever the run count.
/// Unknown names get a caret under them and the nearest column name.
extension FMRIDesign {
    public func contrastWeights(_ text: String) throws -> Matrix {
        try ContrastText.rows(text) { chars, from, to in try contrastRow(chars, from: from, to: to, text: text) }
    }

    /// SPM's "effects of interest": an F contrast with one row for every column
    /// that models a condition (every basis function and modulator, every run).
    public var effectsOfInterest: Matrix {
        let wanted = columns.indices.filter {
            switch columns[$0].role {
            case .condition, .modulation: return true
            default: return false
            }
        }
        return Matrix(rows: wanted.map { j in
            var row = [Double](repeating: 0, count: columns.count)
            row[j] = 1
            return row
        })
    }

    /// The columns a contrast name stands for.
    func columnsNamed(_ name: String) -> [Int] {
        if let exact = columns.firstIndex(where: { $0.name == name }) { return [exact] }
        guard runs.count > 1 else { return [] }
        return columns.indices.filter { j in
            let prefix = "run\(columns[j].run + 1)_"
            return columns[j].name.hasPrefix(prefix) && String(columns[j].name.dropFirst(prefix.count)) == name
        }
    }

    /// Names a contrast may use: every column, and in multi-run designs the names without run prefix.
    var contrastNames: [String] {
        var names: [String] = []
        if runs.count > 1 {
            for column in columns {
                let bare = String(column.name.dropFirst("run\(column.run + 1)_".count))
                if !names.contains(bare) { names.append(bare) }
            }
        }
        return names + columnNames
    }

    private func contrastRow(_ chars: [Character], from: Int, to end: Int, text: String) throws -> [Double] {
        var i = from
        func skipSpaces() { while i < end && chars[i].isWhitespace { i += 1 } }
        func fail(_ message: String, at offset: Int, length: Int = 1, suggestion: String? = nil) -> Diagnostic {
            Diagnostic(.badFormula, message, excerpt: .init(text: text, offset: offset, length: max(1, length)), suggestion: suggestion)
        }
        func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." }
        var weights = [Double](repeating: 0, count: columns.count)
        var first = true
        skipSpaces()
        guard i < end else {
            throw fail(
                "empty contrast; expected condition names with weights, e.g. face - house", at: i,
                suggestion: "conditions: \(conditions.joined(separator: ", "))")
        }
        while true {
            skipSpaces()
            guard i < end else { throw fail("expected a condition or column name", at: i) }
            let prefix = try ContrastText.termPrefix(chars, at: &i, end: end, first: first) { fail($0, at: $1, length: $2) }
            first = false
            // `2face`: a number glued to a name is still a weight; a weight with
            // neither `*` nor a name after it is not.
            if let weight = prefix.weight, !prefix.starred, !(i < end && isNameCharacter(chars[i])) {
                throw fail("expected '*' and a name after the weight \(weight)", at: i)
            }
            let nameStart = i
            while i < end && isNameCharacter(chars[i]) { i += 1 }
            guard i > nameStart else {
                throw fail("expected a condition or column name", at: nameStart, suggestion: "conditions: \(conditions.joined(separator: ", "))")
            }
            let name = String(chars[nameStart..<i])
            let targets = columnsNamed(name)
            guard !targets.isEmpty else {
                throw fail(
                    "unknown condition or column \"\(name)\"", at: nameStart, length: i - nameStart,
                    suggestion: DiagnosticSuggestion.hint(for: name, in: contrastNames, kind: "name"))
            }
            for j in targets { weights[j] += prefix.coefficient / Double(targets.count) }
            skipSpaces()
            if i >= end { break }
        }
        return weights
    }
}
