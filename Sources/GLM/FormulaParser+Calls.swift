/// The calls R users write as model terms: categorical variables made on the fly
/// (`factor`, `as.factor`, `ordered`, `relevel`, `C`, `interaction`, a logical
/// `I(...)`), bases (`poly`, `scale`), `offset`, and arithmetic (`I`, `log`, …).
/// Functions R accepts but glmviz does not get a message naming the R feature.
extension FormulaParser {
    /// Calls that make terms rather than numbers.
    static let termFunctions: Set<String> = [
        "factor", "as.factor", "ordered", "relevel", "C", "interaction", "poly", "scale", "offset",
    ]

    /// What R means by functions glmviz does not fit, so the message can say so.
    static let rFeatures: [String: (feature: String, instead: String)] = [
        "ns": ("natural cubic splines from the splines package", "use poly(x, k) or I(x^2) terms"),
        "bs": ("B-splines from the splines package", "use poly(x, k) or I(x^2) terms"),
        "s": ("smooth terms for mgcv's gam(), not for lm()", "use poly(x, k) for a smooth trend"),
        "te": ("tensor-product smooths for mgcv's gam()", "use poly() terms and their interaction"),
        "ti": ("tensor-product smooths for mgcv's gam()", "use poly() terms and their interaction"),
        "lo": ("loess terms for the gam package", "use poly(x, k)"),
        "Error": ("error strata for aov()'s repeated measures, not for lm()", "fit the strata as a factor term, e.g. + factor(subject)"),
        "strata": ("strata for the survival package", "use factor(x) for a categorical term"),
        "cluster": ("cluster terms for the survival package", "use factor(x) for a categorical term"),
        "cbind": ("a matrix response for a multivariate lm()", "fit each response in its own model"),
        "cut": ("a factor by binning numbers into intervals", "bin the column in the CSV file and read it as categorical"),
        "ifelse": ("values chosen by a condition", "compute the column in the CSV file, or use a logical I(x > c)"),
        "pmin": ("element-wise minima", "compute the column in the CSV file"),
        "pmax": ("element-wise maxima", "compute the column in the CSV file"),
        "round": ("rounded numbers", "round the column in the CSV file, or use floor() or ceiling()"),
        "as.numeric": ("numbers from a factor's codes", "read the column as numeric with --numeric"),
        "as.integer": ("integers from a factor's codes", "read the column as numeric with --numeric"),
        "as.character": ("text from values", "read the column as categorical with --categorical"),
        "factorial": ("factorials", "compute the column in the CSV file"),
        "lag": ("a lagged time series", "compute the lagged column in the CSV file"),
        "diff": ("differences", "compute the differenced column in the CSV file"),
    ]

    /// A call in term position. Nil for `offset(...)`, which adds no term.
    mutating func parseTermCall(_ name: String, _ nameToken: FormulaToken) throws -> Formula.Factor? {
        switch name {
        case "factor", "as.factor", "ordered", "relevel", "C", "interaction":
            return .categorical(try parseCategoricalCall(name, nameToken))
        case "poly", "scale":
            return .basis(try parseBasisCall(name, nameToken))
        case "offset":
            let open = current
            try enter(nameToken)
            advance()
            offsets.append(try parseArithmeticExpression())
            try closeCall(name, open)
            return nil
        default:
            let expression = try parseCall(name, nameToken)
            return expression.isLogical ? .categorical(.logical(expression)) : .computed(expression)
        }
    }

    /// `)` ending a call of `name` opened at `open`; a further argument is refused.
    mutating func closeCall(_ name: String, _ open: FormulaToken) throws {
        if current.kind == .symbol(",") {
            throw error("\(name)() takes no further argument here", at: current)
        }
        guard current.kind == .symbol(")") else { throw unclosedCall(name, open) }
        advance()
        leave()
    }

    /// Skips `name =` when the argument is written with its name; says whether it was.
    mutating func argumentName(_ name: String) -> Bool {
        guard case .name(let written, quoted: false) = current.kind, written == name,
            tokens[index + 1].kind == .op("=")
        else { return false }
        advance()
        advance()
        return true
    }

    mutating func parseCategoricalCall(_ name: String, _ nameToken: FormulaToken) throws -> FormulaCategorical {
        let open = current
        try enter(nameToken)
        advance()  // '('
        let result: FormulaCategorical
        switch name {
        case "relevel":
            let inner = try parseCategoricalSource()
            guard current.kind == .symbol(",") else {
                throw error(
                    "relevel() needs the reference level, e.g. relevel(group, ref = \"placebo\")", at: current)
            }
            advance()
            let named = argumentName("ref")
            switch current.kind {
            case .string(let level):
                result = .relevel(inner, reference: level, named: named, quoted: true)
            case .number(_, let text):
                result = .relevel(inner, reference: text, named: named, quoted: false)
            default:
                throw error(
                    "expected the reference level in quotes, found \(current.display)", at: current,
                    suggestion: "for example relevel(group, ref = \"placebo\")")
            }
            advance()
        case "C":
            let inner = try parseCategoricalSource()
            guard current.kind == .symbol(",") else {
                throw error("C() needs a coding, e.g. C(group, contr.sum)", at: current)
            }
            advance()
            _ = argumentName("contr")
            let token = current
            guard case .name(let written, quoted: false) = token.kind, let coding = ContrastCoding(rName: written) else {
                throw error(
                    "expected a coding (contr.treatment, contr.sum, contr.helmert or contr.poly), found \(token.display)",
                    at: token, suggestion: "R's contr.SAS and custom contrast matrices are not supported")
            }
            advance()
            result = .coded(inner, coding, written: written)
        case "interaction":
            var parts = [try parseCategoricalSource()]
            while current.kind == .symbol(",") {
                advance()
                if case .name(let argument, quoted: false) = current.kind, ["sep", "drop", "lex.order"].contains(argument),
                    tokens[index + 1].kind == .op("=")
                {
                    throw error(
                        "interaction()'s \(argument) = argument is not supported", at: current,
                        suggestion: "write interaction(a, b) with the default separator '.'")
                }
                parts.append(try parseCategoricalSource())
            }
            result = .interaction(parts)
        default:  // factor, as.factor, ordered
            let inner = try parseCategoricalSource()
            result = .factor(name, inner)
        }
        try closeCall(name, open)
        return result
    }

    /// The variable a categorical call works on: a column, another categorical
    /// call, a logical expression, or numbers computed from columns.
    mutating func parseCategoricalSource() throws -> FormulaCategorical {
        let token = current
        if case .name(let name, let quoted) = token.kind {
            let next = tokens[index + 1].kind
            if !quoted, next == .symbol("("), ["factor", "as.factor", "ordered", "relevel", "C", "interaction"].contains(name) {
                advance()
                return try parseCategoricalCall(name, token)
            }
            if next == .symbol(",") || next == .symbol(")") {
                advance()
                noteName(name, token)
                return .variable(name)
            }
        }
        let expression = try parseArithmeticExpression()
        return expression.isLogical ? .logical(expression) : .numbers(expression)
    }

    mutating func parseBasisCall(_ name: String, _ nameToken: FormulaToken) throws -> FormulaBasis {
        let open = current
        try enter(nameToken)
        advance()  // '('
        let x = try parseArithmeticExpression()
        if name == "scale" {
            try closeCall(name, open)
            return .scale(x)
        }
        var arguments: [String] = []
        var degree = 1
        var raw = false
        var sawDegree = false
        while current.kind == .symbol(",") {
            advance()
            if argumentName("raw") {
                guard case .name(let value, quoted: false) = current.kind, ["TRUE", "T", "FALSE", "F"].contains(value) else {
                    throw error("expected TRUE or FALSE after raw =, found \(current.display)", at: current)
                }
                raw = value.hasPrefix("T")
                arguments.append("raw = \(value)")
                advance()
                continue
            }
            let named = argumentName("degree")
            guard !sawDegree, case .number(let value, let text) = current.kind else {
                throw error(
                    sawDegree
                        ? "poly() of several variables is not supported; give one variable and its degree"
                        : "expected the degree of the polynomial (a whole number), found \(current.display)",
                    at: current, suggestion: "for example poly(x, 2) or poly(x, 2, raw = TRUE)")
            }
            guard value >= 1, value <= 16, value == value.rounded() else {
                throw error("the degree of poly() must be a whole number from 1 to 16, found \(text)", at: current)
            }
            degree = Int(value)
            sawDegree = true
            arguments.append((named ? "degree = " : "") + text)
            advance()
        }
        try closeCall(name, open)
        return .poly(x, degree: degree, raw: raw, arguments: arguments)
    }

    @inline(never)
    func unsupportedOperator(_ op: String, _ token: FormulaToken) -> Diagnostic {
        if op == "|" || op == "||" {
            return error(
                "'|' in a formula is a random-effects term of lme4's lmer() (e.g. (1 | subject)), which lm() does not fit",
                at: token, suggestion: "glmviz fits fixed effects only: use + factor(subject) for a fixed subject effect")
        }
        if op.hasPrefix("%") {
            return error(
                "the operator \(op) is not supported in formulas; R's formulas use %in% for nesting", at: token,
                suggestion: "write a %in% b, or a:b")
        }
        return error(
            "the operator '\(op)' belongs inside I(...), e.g. I(x > 3)", at: token,
            suggestion: "wrap comparisons in I() so R and glmviz read them as a variable")
    }
}
