/// Looks up the columns a formula names in a frame and turns each problem (an
/// unknown name, a categorical column where a number is needed, a reference level
/// that does not exist) into a diagnostic that points into the formula.
struct DesignVariables {
    let formula: Formula
    let frame: Frame
    /// Categorical variables made by calls in the formula (`factor(cyl)`), by label,
    /// looked up like columns of the frame.
    var derived: [String: Column] = [:]

    init(formula: Formula, frame: Frame) {
        self.formula = formula
        self.frame = frame
    }

    func excerpt(for name: String) -> Diagnostic.Excerpt? {
        guard let range = formula.positions[name] else { return nil }
        return .init(text: formula.text, offset: range.lowerBound, length: range.count)
    }

    func column(_ name: String) throws -> Column {
        if let column = derived[name] ?? frame[name] { return column }
        throw Diagnostic(
            .badFormula, "no column named \"\(name)\"\(frame.source.map { " in \($0)" } ?? "")",
            excerpt: excerpt(for: name),
            suggestion: DiagnosticSuggestion.hint(for: name, in: frame.names, kind: "column"))
    }

    func checkNamesExist() throws {
        for name in formula.variables { _ = try column(name) }
    }

    func checkReferences(_ references: [String: String]) throws {
        for (name, level) in references.sorted(by: { $0.key < $1.key }) {
            guard formula.variables.contains(name) else {
                throw Diagnostic(
                    .usage, "a reference level is given for \"\(name)\", which the formula does not use",
                    suggestion: DiagnosticSuggestion.nearest(to: name, in: formula.variables).map { "did you mean \"\($0)\"?" })
            }
            let column = try column(name)
            guard let levels = column.levels else {
                throw Diagnostic(
                    .usage, "\"\(name)\" is numeric, so it has no reference level",
                    suggestion: "treat it as categorical (--categorical \(name)) to use dummy coding")
            }
            guard levels.contains(level) else {
                throw Diagnostic(
                    .badData, "\"\(level)\" is not a level of \"\(name)\"; its levels are \(levels.map { "\"\($0)\"" }.joined(separator: ", "))",
                    excerpt: excerpt(for: name),
                    suggestion: DiagnosticSuggestion.nearest(to: level, in: levels).map { "did you mean \"\($0)\"?" })
            }
        }
    }

    /// Each variable given a coding must be a categorical variable of the formula.
    func checkCodings(_ codings: [String: ContrastCoding]) throws {
        for (name, coding) in codings.sorted(by: { $0.key < $1.key }) {
            guard formula.variables.contains(name) else {
                throw Diagnostic(
                    .usage, "a coding (\(coding.rawValue)) is given for \"\(name)\", which the formula does not use",
                    suggestion: DiagnosticSuggestion.nearest(to: name, in: formula.variables).map { "did you mean \"\($0)\"?" })
            }
            guard try column(name).levels != nil else {
                throw Diagnostic(
                    .usage, "\"\(name)\" is numeric, so it has no coding",
                    suggestion: "treat it as categorical (--categorical \(name)) to code it")
            }
        }
    }

    /// The numbers of a numeric column; a categorical one is an error explaining why
    /// it cannot be used here.
    func numbers(_ name: String, role: String) throws -> [Double] {
        let column = try column(name)
        if let values = column.numericValues { return values }
        throw Diagnostic(
            .badFormula, "\"\(name)\" is categorical, but \(role) must be numeric",
            excerpt: excerpt(for: name),
            suggestion: "use a numeric column, or read it with --numeric \(name) if it holds numbers")
    }

    func evaluate(_ expression: FormulaArithmetic) throws -> [Double] {
        // The label once, not once per variable read: it is as long as the expression.
        let role = "a variable inside \(expression.label)"
        return try expression.evaluate(count: frame.rowCount) { try numbers($0, role: role) }
    }

    func numericValues(_ factor: Formula.Factor, role: String) throws -> [Double] {
        switch factor {
        case .variable(let name): return try numbers(name, role: role)
        case .computed(let expression): return try evaluate(expression)
        case .categorical(let expression):
            throw Diagnostic(
                .badFormula, "\(expression.label) is categorical, but \(role) must be numeric",
                excerpt: excerpt(for: expression.variables.first ?? ""))
        case .basis(let basis):
            throw Diagnostic(
                .badFormula, "\(basis.label) makes several columns, but \(role) must be one numeric variable",
                excerpt: excerpt(for: basis.argument.variables.first ?? ""))
        }
    }

    /// The values of a coded column: each row's weight for its level (0 for a
    /// level not in `levels`), NaN where the level is missing.
    func coded(_ variable: String, levels: [String], weights: [Double]) throws -> [Double] {
        let column = try column(variable)
        var weightOf: [String: Double] = [:]
        for (level, weight) in zip(levels, weights) { weightOf[level] = weight }
        return try (0..<frame.rowCount).map { row in
            if column.isMissing(row) { return .nan }
            return weightOf[try label(of: column, row: row, levels: levels, variable: variable)] ?? 0
        }
    }

    /// 1 where `variable` equals `level`, else 0.
    func indicator(_ variable: String, level: String) throws -> [Double] {
        let column = try column(variable)
        switch column.storage {
        case .categorical(let codes, let levels):
            guard let code = levels.firstIndex(of: level).map(Int32.init) else {
                return [Double](repeating: 0, count: codes.count)
            }
            return codes.map { $0 == code ? 1 : 0 }
        case .numeric(let values):
            // New data may carry a numeric code for a variable fitted as categorical.
            let target = Double(level)
            return values.map { $0 == target ? 1 : 0 }
        }
    }

    /// The level label of a row, also for a numeric column standing in for a
    /// categorical one (matched to a level that reads as the same number).
    func label(of column: Column, row: Int, levels: [String], variable: String) throws -> String {
        if let label = column.label(at: row) { return label }
        guard let value = column.numericValues?[row], !value.isNaN else {
            throw Diagnostic(
                .badData, "value missing in data row \(row + 1)", location: .init(file: frame.source, columnName: variable))
        }
        return levels.first { Double($0) == value } ?? FormulaArithmetic.numberLabel(value)
    }
}
