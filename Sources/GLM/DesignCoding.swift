/// R's rules for turning model terms into design columns (`model.matrix`, with
/// treatment contrasts unless `C()`, `ordered()` or a per-variable coding says
/// otherwise), kept apart from the data handling in `Design`.
enum DesignCoding {
    /// The columns of a formula: their R names, the term each comes from, and how
    /// each is computed.
    ///
    /// A categorical factor in a term is coded by contrasts (reference level dropped)
    /// when the term without that factor is already in the model, and by one
    /// indicator per level otherwise. The empty term counts as present when there is
    /// an intercept, or once a first categorical main effect has been coded in full
    /// (its indicators then span the constant). Within a term, the first factor
    /// varies fastest, as in R.
    static func columns(
        for formula: Formula, levels: [String: [String]], resolver: DesignVariables,
        codings: [String: ContrastCoding] = [:], defaultCoding: ContrastCoding = .treatment,
        bases: [FormulaBasis: [Double]] = [:]
    ) throws -> (names: [String], terms: [String], components: [[Design.Component]]) {
        var names: [String] = []
        var terms: [String] = []
        var components: [[Design.Component]] = []
        if formula.hasIntercept {
            names.append("(Intercept)")
            terms.append("(Intercept)")
            components.append([])
        }
        let present = Set(formula.terms.map { Set($0.factors) })
        var constantSpanned = formula.hasIntercept
        for term in formula.terms {
            // Per factor, the alternatives it contributes: (label, component).
            var choices: [[(String, Design.Component)]] = []
            for factor in term.factors {
                // The categorical variable's key in `levels`, the prefix of its column
                // names, its coding, and whether treatment columns are named by level.
                let name: String, prefix: String, coding: ContrastCoding, levelNames: Bool
                switch factor {
                case .variable(let variable) where levels[variable] != nil:
                    (name, prefix) = (variable, FormulaArithmetic.quotedIfNeeded(variable))
                    (coding, levelNames) = (codings[variable] ?? defaultCoding, true)
                case .categorical(let expression):
                    (name, prefix) = (expression.label, expression.label)
                    (coding, levelNames) = (expression.coding ?? defaultCoding, expression.coding == nil)
                case .basis(let basis):
                    choices.append(basis.suffixes.indices.map { j in
                        (basis.label + basis.suffixes[j], .basis(basis, column: j, parameters: bases[basis] ?? []))
                    })
                    continue
                default:
                    choices.append([(factor.label, .numeric(factor))])
                    continue
                }
                let variableLevels = levels[name] ?? []
                let margin = Set(term.factors).subtracting([factor])
                let useContrasts = margin.isEmpty ? constantSpanned : present.contains(margin)
                if margin.isEmpty { constantSpanned = true }
                let coded = useContrasts ? Array(variableLevels.dropFirst()) : variableLevels
                if coded.isEmpty || variableLevels.count < 2 && useContrasts {
                    throw Diagnostic(
                        .badData,
                        "\"\(name)\" has a single level (\"\(variableLevels[0])\") in the rows used; a categorical predictor needs at least two",
                        excerpt: resolver.excerpt(for: name),
                        suggestion: "remove it from the formula, or check that the column was read as intended")
                }
                if !useContrasts {
                    choices.append(coded.map { (prefix + $0, .indicator(variable: name, level: $0)) })
                } else if coding == .treatment {
                    choices.append(coded.indices.map { j in
                        (prefix + coding.suffix(column: j, levels: variableLevels, levelNames: levelNames),
                         .indicator(variable: name, level: coded[j]))
                    })
                } else {
                    let matrix = coding.matrix(levels: variableLevels.count)
                    choices.append(coded.indices.map { j in
                        let suffix = coding.suffix(column: j, levels: variableLevels, levelNames: levelNames)
                        return (prefix + suffix, .coded(variable: name, levels: variableLevels, weights: matrix.map { $0[j] }, suffix: suffix))
                    })
                }
            }
            var combinations: [[(String, Design.Component)]] = [[]]
            for choice in choices {
                var next: [[(String, Design.Component)]] = []
                for option in choice {
                    for combination in combinations { next.append(combination + [option]) }
                }
                combinations = next
            }
            for combination in combinations {
                names.append(combination.map(\.0).joined(separator: ":"))
                terms.append(term.label)
                components.append(combination.map(\.1))
            }
        }
        return (names, terms, components)
    }
}
