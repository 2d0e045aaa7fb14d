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
        /// One column of a contrast matrix (sum, Helmert, polynomial coding): each
        /// level's weight, and the suffix R appends to the variable's name.
        case coded(variable: String, levels: [String], weights: [Double], suffix: String)
        /// Column `column` of a basis, with what it learned from the fitted rows.
        case basis(FormulaBasis, column: Int, parameters: [Double])
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
    /// Rows left out: a variable the model uses was missing (listwise), or a
    /// transform of it was not a finite number (`transformDroppedRows`).
    public let droppedRows: Int
    /// Of `droppedRows`, those whose cells were present but a transform gave NaN or
    /// ±∞ (`log` of a negative number, `sqrt(x - 5)`), which R warns about.
    public let transformDroppedRows: Int
    /// What the design did that a reader should know: rows a transform dropped, a
    /// response dropped from the right-hand side, a likely mistake. Worded for people.
    public let notes: [String]
    /// The sum of the `offset(...)` terms for each row used (subtracted from the
    /// response before fitting, as R's `lm` does); nil without offsets.
    public let offset: [Double]?
    /// The levels of each categorical variable in the model, reference first.
    public let levels: [String: [String]]
    let components: [[Component]]

    /// The reference (baseline) level of each categorical variable.
    public var referenceLevels: [String: String] { levels.compactMapValues(\.first) }

    /// Builds the design for `formula` on `frame`. `referenceLevels` names the
    /// baseline level of categorical variables (`["group": "placebo"]`); `codings`
    /// sets the coding of named categorical variables and `defaultCoding` that of
    /// the others (R's `contrasts =` argument and `options(contrasts =)`), while
    /// `C()` and `ordered()` in the formula keep their own.
    public init(
        formula written: Formula, frame: Frame, referenceLevels: [String: String] = [:],
        codings: [String: ContrastCoding] = [:], defaultCoding: ContrastCoding = .treatment
    ) throws {
        var formula = try written.expandingDot(columns: frame.names)
        guard let response = formula.response else {
            throw Diagnostic(
                .badFormula, "the formula has no response; expected something like y ~ \(formula.text.drop(while: { $0 == " " || $0 == "~" }))",
                excerpt: .init(text: formula.text, offset: 0))
        }
        var notes: [String] = []
        // `y ~ y + x`: R drops the response from the right-hand side, and warns.
        if formula.terms.contains(where: { $0.factors == [response] }) {
            formula = Formula(
                text: formula.text, response: response, terms: formula.terms.filter { $0.factors != [response] },
                hasIntercept: formula.hasIntercept, offsets: formula.offsets, notes: formula.notes,
                positions: formula.positions)
            notes.append("the response \(response.label) appeared on the right-hand side and was dropped (as R's lm does)")
        }
        notes += formula.notes
        var resolver = DesignVariables(formula: formula, frame: frame)
        try resolver.checkNamesExist()
        try resolver.checkReferences(referenceLevels)
        try resolver.checkCodings(codings)

        let allFactors = [response] + formula.terms.flatMap(\.factors)
        for factor in allFactors {
            if case .categorical(let expression) = factor, resolver.derived[expression.label] == nil {
                resolver.derived[expression.label] = try resolver.categoricalColumn(expression)
            }
        }
        let derivedNames = resolver.derived.keys.sorted()

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
        // Rows whose cells are all present but a transform is not a finite number:
        // counted apart and named, as R warns "NaNs produced".
        var transformDropped = [Bool](repeating: false, count: n)
        var transformCounts: [(String, Int)] = []
        func dropNonFinite(_ values: [Double], label: String) {
            var count = 0
            for i in 0..<n where keep[i] && !transformDropped[i] && !values[i].isFinite {
                transformDropped[i] = true
                count += 1
            }
            if count > 0 { transformCounts.append((label, count)) }
        }
        var computed: [Formula.Factor: [Double]] = [:]
        for factor in allFactors where computed[factor] == nil {
            switch factor {
            case .computed(let expression):
                let values = try resolver.evaluate(expression)
                dropNonFinite(values, label: factor.label)
                computed[factor] = values
            case .basis(let basis):
                let values = try resolver.evaluate(basis.argument)
                dropNonFinite(values, label: basis.argument.label)
                computed[factor] = values
            case .categorical(let expression):
                let codes = try resolver.column(expression.label)
                var count = 0
                for i in 0..<n where keep[i] && !transformDropped[i] && codes.isMissing(i) {
                    transformDropped[i] = true
                    count += 1
                }
                if count > 0 { transformCounts.append((expression.label, count)) }
            case .variable: break
            }
        }
        var offsetValues: [Double]?
        for expression in formula.offsets {
            let values = try resolver.evaluate(expression)
            dropNonFinite(values, label: "offset(\(expression.label))")
            offsetValues = zip(offsetValues ?? [Double](repeating: 0, count: n), values).map { $0 + $1 }
        }
        for (label, count) in transformCounts {
            notes.append(
                "\(count) \(count == 1 ? "row was" : "rows were") left out because \(label) is not a finite number there "
                    + "(NaN or ±Inf, e.g. log or sqrt of a negative value)")
        }
        let transformDroppedRows = transformDropped.filter { $0 }.count
        for i in 0..<n where transformDropped[i] { keep[i] = false }
        let rowsUsed = (0..<n).filter { keep[$0] }
        guard !rowsUsed.isEmpty else {
            throw Diagnostic(
                .badData,
                "no rows left: every row has a missing value in one of \(formula.variables.map { "\"\($0)\"" }.joined(separator: ", "))"
                    + (transformDroppedRows > 0 ? ", or a transform that is not a finite number" : ""),
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
        for name in formula.variables + derivedNames {
            guard case .categorical(let codes, let all)? = (resolver.derived[name] ?? frame[name])?.storage else { continue }
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

        // Bases learn from the rows used, as R's model.frame computes poly() and scale().
        var bases: [FormulaBasis: [Double]] = [:]
        for case .basis(let basis) in allFactors where bases[basis] == nil {
            let values = computed[.basis(basis)]!
            bases[basis] = basis.parameters(fitting: rowsUsed.map { values[$0] })
        }

        try Design.checkSize(formula: formula, levels: levels, rows: rowsUsed.count, source: frame.source)
        let (names, terms, components) = try DesignCoding.columns(
            for: formula, levels: levels, resolver: resolver, codings: codings, defaultCoding: defaultCoding,
            bases: bases)
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
        self.transformDroppedRows = transformDroppedRows
        self.notes = notes
        self.levels = levels
        self.components = components
        self.offset = offsetValues.map { values in rowsUsed.map { values[$0] } }
        let responseValues = try computed[response] ?? resolver.numericValues(response, role: "the response")
        self.y = rowsUsed.map { responseValues[$0] - (offsetValues?[$0] ?? 0) }
        self.x = try Design.matrix(
            components: components, rows: rowsUsed, frame: frame, computed: computed, resolver: resolver)
    }

    /// A design from its parts (see `droppingColumns`).
    init(
        formula: Formula, x: Matrix, y: [Double], columnNames: [String], columnTerms: [String], hasIntercept: Bool,
        responseName: String, rowsUsed: [Int], droppedRows: Int, transformDroppedRows: Int, notes: [String],
        offset: [Double]?, levels: [String: [String]], components: [[Component]]
    ) {
        self.formula = formula
        self.x = x
        self.y = y
        self.columnNames = columnNames
        self.columnTerms = columnTerms
        self.hasIntercept = hasIntercept
        self.responseName = responseName
        self.rowsUsed = rowsUsed
        self.droppedRows = droppedRows
        self.transformDroppedRows = transformDroppedRows
        self.notes = notes
        self.offset = offset
        self.levels = levels
        self.components = components
    }

    /// Parses `formula` and builds its design on `frame`.
    public init(
        _ formula: String, frame: Frame, referenceLevels: [String: String] = [:], codings: [String: ContrastCoding] = [:],
        defaultCoding: ContrastCoding = .treatment
    ) throws {
        try self.init(
            formula: Formula(formula), frame: frame, referenceLevels: referenceLevels, codings: codings,
            defaultCoding: defaultCoding)
    }

    /// Design rows for new data, coded exactly as this design (same columns, same
    /// levels and references): what a fitted line or band is drawn from. The new
    /// frame needs the predictors only, and must not have missing values in them.
    public func rows(for frame: Frame) throws -> Matrix {
        var resolver = DesignVariables(formula: formula, frame: frame)
        for factor in formula.terms.flatMap(\.factors) {
            if case .categorical(let expression) = factor, resolver.derived[expression.label] == nil {
                resolver.derived[expression.label] = try resolver.categoricalColumn(expression)
            }
        }
        let needed = Array(Set(components.flatMap { $0 }.flatMap { component -> [String] in
            switch component {
            case .numeric(let factor): return factor.variables
            case .indicator(let variable, _), .coded(let variable, _, _, _): return [variable]
            case .basis(let basis, _, _): return basis.argument.variables
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
                    case .coded(let variable, let levels, let weights, _):
                        cache[part] = try resolver.coded(variable, levels: levels, weights: weights)
                    case .basis(let basis, let column, let parameters):
                        let x = try computed[.basis(basis)] ?? resolver.evaluate(basis.argument)
                        cache[part] = basis.column(column, at: x, parameters: parameters)
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
