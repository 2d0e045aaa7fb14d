import Support

/// Evaluates the categorical variables a formula makes (`factor(cyl)`,
/// `relevel(x, ref = "b")`, `interaction(a, b)`, `I(wt > 3)`) into columns with
/// R's level order, so the design codes them like any categorical column.
extension DesignVariables {
    func categoricalColumn(_ expression: FormulaCategorical) throws -> Column {
        let (codes, levels) = try categorical(expression)
        return Column(storage: .categorical(codes: codes, levels: levels))
    }

    /// Codes (−1 for missing) and levels in R's order.
    private func categorical(_ expression: FormulaCategorical) throws -> ([Int32], [String]) {
        switch expression {
        case .variable(let name):
            let column = try column(name)
            switch column.storage {
            case .categorical(let codes, let levels): return (codes, levels)
            case .numeric(let values): return Self.levelsOfNumbers(values)
            }
        case .numbers(let arithmetic):
            return Self.levelsOfNumbers(try evaluate(arithmetic))
        case .logical(let arithmetic):
            // R's model.frame makes a logical a factor with levels FALSE, TRUE.
            let values = try evaluate(arithmetic)
            let codes = values.map { $0.isNaN ? Int32(-1) : ($0 == 0 ? 0 : 1) }
            return (codes, ["FALSE", "TRUE"])
        case .factor(_, let inner), .coded(let inner, _, _):
            return try categorical(inner)
        case .relevel(let inner, let reference, _, _):
            let (codes, levels) = try categorical(inner)
            guard let at = levels.firstIndex(of: reference) else {
                throw Diagnostic(
                    .badData,
                    "\(expression.label): \"\(reference)\" is not a level of \(inner.label); its levels are \(levels.map { "\"\($0)\"" }.joined(separator: ", "))",
                    excerpt: excerpt(for: inner.variables.first ?? ""),
                    suggestion: DiagnosticSuggestion.nearest(to: reference, in: levels).map { "did you mean \"\($0)\"?" })
            }
            var order = Array(levels.indices)
            order.remove(at: at)
            order.insert(at, at: 0)
            var newCode = [Int32](repeating: 0, count: levels.count)
            for (position, old) in order.enumerated() { newCode[old] = Int32(position) }
            return (codes.map { $0 < 0 ? $0 : newCode[Int($0)] }, order.map { levels[$0] })
        case .interaction(let parts):
            // Levels a.b with the first factor varying fastest, as R's interaction().
            var codes = [Int32](repeating: 0, count: frame.rowCount)
            var levels = [""]
            var first = true
            for part in parts {
                let (partCodes, partLevels) = try categorical(part)
                let stride = Int32(levels.count)
                for i in codes.indices {
                    codes[i] = codes[i] < 0 || partCodes[i] < 0 ? -1 : codes[i] + partCodes[i] * stride
                }
                levels = partLevels.flatMap { level in levels.map { first ? level : $0 + "." + level } }
                first = false
            }
            return (codes, levels)
        }
    }

    /// Numbers as factor levels: sorted by value, labelled as R prints them
    /// (`4`, `0.5`; up to 15 significant digits).
    static func levelsOfNumbers(_ values: [Double]) -> ([Int32], [String]) {
        let distinct = Array(Set(values.filter { !$0.isNaN })).sorted()
        var index: [Double: Int32] = [:]
        for (i, value) in distinct.enumerated() { index[value] = Int32(i) }
        return (values.map { $0.isNaN ? -1 : index[$0]! }, distinct.map(FormulaArithmetic.numberLabel))
    }
}
