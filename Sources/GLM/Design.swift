/// The design matrix X and response y that a formula makes of a frame, with the
/// bookkeeping a reader needs: R's column names, which term each column came from,
/// which rows were used and how many were dropped for missing values.
///
/// Categorical variables use treatment (dummy) coding: the reference level is the
/// first in sorted order (see `Column.sortLevels`) unless one is named; which factors
/// get contrasts and which a full set of indicators follows R (see `DesignCoding`),
/// so `y ~ 0 + group` and `y ~ x:group` have a column for every group.
public struct Design: Sendable {
    /// How one factor of one column is computed from a row.
    enum Component: Sendable, Equatable {
        case numeric(Formula.Factor)
        /// Indicator of `variable == level`.
        case indicator(variable: String, level: String)
    }

    public let formula: Formula
    /// n × p, rows in `rowsUsed` order.
    public let x: Matrix
    public let y: [Double]
    /// Column names as R prints them: `(Intercept)`, `x`, `I(x^2)`, `groupdrugA`, `age:groupdrugA`.
    public let columnNames: [String]
    /// For each column, the label of the term it came from (`(Intercept)` for the intercept).
    public let columnTerms: [String]
    public let hasIntercept: Bool
    /// The response as R labels it (`y`, `log(y)`).
    public let responseName: String
    /// Indices of the frame rows in the model (rows with no missing value in any
    /// variable the formula uses).
    public let rowsUsed: [Int]
    /// Rows left out because a variable the model uses was missing (listwise).
    public let droppedRows: Int
    /// The levels of each categorical variable in the model, reference first.
    public let levels: [String: [String]]
    let components: [[Component]]

    /// The reference (baseline) level of each categorical variable.
    public var referenceLevels: [String: String] { levels.compactMapValues(\.first) }

    /// Builds the design for `formula` on `frame`. `referenceLevels` names the
    /// baseline level of categorical variables (`["group": "placebo"]`).
    public init(formula written: Formula, frame: Frame, referenceLevels: [String: String] = [:]) throws {
        let formula = try written.expandingDot(columns: frame.names)
        guard let response = formula.response else {
            throw Diagnostic(
                .badFormula, "the formula has no response; expected something like y ~ \(formula.text.drop(while: { $0 == " " || $0 == "~" }))",
                excerpt: .init(text: formula.text, offset: 0))
        }
        let resolver = DesignVariables(formula: formula, frame: frame)
        try resolver.checkNamesExist()
        try resolver.checkReferences(referenceLevels)

        // Listwise deletion over every variable the model reads, computed ones included.
        let n = frame.rowCount
        var keep = [Bool](repeating: true, count: n)
        for name in formula.variables {
            switch try frame.column(named: name).storage {
            case .numeric(let values):
                for i in 0..<n where values[i].isNaN { keep[i] = false }
            case .categorical(let codes, _):
                for i in 0..<n where codes[i] < 0 { keep[i] = false }
            }
        }
        var computed: [Formula.Factor: [Double]] = [:]
        let allFactors = [response] + formula.terms.flatMap(\.factors)
        for factor in allFactors where computed[factor] == nil {
            guard case .computed(let expression) = factor else { continue }
            let values = try resolver.evaluate(expression)
            for i in 0..<n where keep[i] && values[i].isNaN { keep[i] = false }
            if let bad = (0..<n).first(where: { keep[$0] && values[$0].isInfinite }) {
                throw Diagnostic(
                    .badData, "\(factor.label) is infinite in data row \(bad + 1)",
                    location: frame.source.map { .init(file: $0) },
                    excerpt: resolver.excerpt(for: expression.variables.first ?? ""),
                    suggestion: "check the values the expression reads in that row (e.g. log of zero)")
            }
            computed[factor] = values
        }
        let rowsUsed = (0..<n).filter { keep[$0] }
        guard !rowsUsed.isEmpty else {
            throw Diagnostic(
                .badData,
                "no rows left: every row has a missing value in one of \(formula.variables.map { "\"\($0)\"" }.joined(separator: ", "))",
                location: frame.source.map { .init(file: $0) })
        }

        // A least-squares fit cannot use ±Inf (R's lm stops with "NA/NaN/Inf in ...").
        for name in formula.variables {
            guard let values = frame[name]?.numericValues,
                let bad = rowsUsed.first(where: { values[$0].isInfinite })
            else { continue }
            throw Diagnostic(
                .badData, "value is infinite in data row \(bad + 1)",
                location: .init(file: frame.source, columnName: name),
                suggestion: "replace it with a finite number, or with NA to leave the row out")
        }

        // Levels present in the rows used (R drops unused levels), reference first.
        var levels: [String: [String]] = [:]
        for name in formula.variables {
            guard case .categorical(let codes, let all)? = frame[name]?.storage else { continue }
            var present = [Bool](repeating: false, count: all.count)
            for i in rowsUsed { present[Int(codes[i])] = true }
            var used = all.indices.filter { present[$0] }.map { all[$0] }
            if let reference = referenceLevels[name] {
                guard let at = used.firstIndex(of: reference) else {
                    throw Diagnostic(
                        .badData, "reference level \"\(reference)\" of \"\(name)\" has no rows once missing values are dropped",
                        suggestion: "levels in use: \(used.joined(separator: ", "))")
                }
                used.remove(at: at)
                used.insert(reference, at: 0)
            }
            levels[name] = used
        }

        try Design.checkSize(formula: formula, levels: levels, rows: rowsUsed.count, source: frame.source)
        let (names, terms, components) = try DesignCoding.columns(for: formula, levels: levels, resolver: resolver)
        if names.isEmpty {
            throw Diagnostic(
                .badFormula, "the model has no terms and no intercept, so there is nothing to fit",
                excerpt: .init(text: formula.text, offset: 0, length: max(1, formula.text.count)),
                suggestion: "use \(response.label) ~ 1 to fit the mean alone")
        }
        self.formula = formula
        self.columnNames = names
        self.columnTerms = terms
        self.hasIntercept = formula.hasIntercept
        self.responseName = response.label
        self.rowsUsed = rowsUsed
        self.droppedRows = n - rowsUsed.count
        self.levels = levels
        self.components = components
        let responseValues = try computed[response] ?? resolver.numericValues(response, role: "the response")
        self.y = rowsUsed.map { responseValues[$0] }
        self.x = try Design.matrix(
            components: components, rows: rowsUsed, frame: frame, computed: computed, resolver: resolver)
    }

    /// Parses `formula` and builds its design on `frame`.
    public init(_ formula: String, frame: Frame, referenceLevels: [String: String] = [:]) throws {
        try self.init(formula: Formula(formula), frame: frame, referenceLevels: referenceLevels)
    }

    /// Design rows for new data, coded exactly as this design (same columns, same
    /// levels and references): what a fitted line or band is drawn from. The new
    /// frame needs the predictors only, and must not have missing values in them.
    public func rows(for frame: Frame) throws -> Matrix {
        let resolver = DesignVariables(formula: formula, frame: frame)
        let needed = Array(Set(components.flatMap { $0 }.flatMap { component -> [String] in
            switch component {
            case .numeric(let factor): return factor.variables
            case .indicator(let variable, _): return [variable]
            }
        })).sorted()
        var computed: [Formula.Factor: [Double]] = [:]
        for name in needed {
            let column = try resolver.column(name)
            if let missing = (0..<frame.rowCount).first(where: { column.isMissing($0) }) {
                throw Diagnostic(
                    .badData, "value missing in data row \(missing + 1); new data must be complete to compute design rows",
                    location: .init(file: frame.source, columnName: name))
            }
            if let known = levels[name] {
                for i in 0..<frame.rowCount {
                    let label = try resolver.label(of: column, row: i, levels: known, variable: name)
                    if !known.contains(label) {
                        throw Diagnostic(
                            .badData, "level \"\(label)\" in data row \(i + 1) was not in the fitted data",
                            location: .init(file: frame.source, columnName: name),
                            suggestion: "levels of \"\(name)\": \(known.joined(separator: ", "))")
                    }
                }
            }
        }
        for component in components.flatMap({ $0 }) {
            if case .numeric(let factor) = component, computed[factor] == nil, case .computed(let e) = factor {
                computed[factor] = try resolver.evaluate(e)
            }
        }
        return try Design.matrix(
            components: components, rows: Array(0..<frame.rowCount), frame: frame, computed: computed,
            resolver: resolver)
    }

    /// Fills X column by column: each entry is the product of its components.
    private static func matrix(
        components: [[Component]], rows: [Int], frame: Frame, computed: [Formula.Factor: [Double]],
        resolver: DesignVariables
    ) throws -> Matrix {
        var x = Matrix(rows: rows.count, columns: components.count, repeating: 1)
        var cache: [Component: [Double]] = [:]
        for (j, parts) in components.enumerated() {
            for part in parts {
                if cache[part] == nil {
                    switch part {
                    case .numeric(let factor):
                        cache[part] = try computed[factor] ?? resolver.numericValues(factor, role: "a predictor")
                    case .indicator(let variable, let level):
                        cache[part] = try resolver.indicator(variable, level: level)
                    }
                }
                let values = cache[part]!
                let everyRow = rows.count == values.count
                x.storage.withUnsafeMutableBufferPointer { storage in
                    let column = UnsafeMutableBufferPointer(rebasing: storage[(j * rows.count)..<((j + 1) * rows.count)])
                    values.withUnsafeBufferPointer { source in
                        if everyRow {
                            // No row dropped: a straight element-wise product the compiler vectorises.
                            for r in 0..<column.count { column[r] *= source[r] }
                        } else {
                            for (r, i) in rows.enumerated() { column[r] *= source[i] }
                        }
                    }
                }
            }
        }
        return x
    }
}

extension Design.Component: Hashable {}
