/// Recursive-descent parser for model formulas, with R's operator precedence
/// (`^` binds tightest, then `:`, then `*` and `/`, then `+` and `-`, then `~`).
///
/// Each sub-expression evaluates to a set of terms, so `(a + b):c` and `(a + b)^2`
/// expand by the same rules as in R: `a*b` is `a + b + a:b`, `a/b` is `a + a:b`,
/// `A^k` is `A*A*…*A` (k times), and `-` removes terms (`- 1` the intercept).
struct FormulaParser {
    /// Terms as sets of factor ranks (interaction is commutative) plus, for the
    /// literals `0` and `1`, an intercept setting. Ranks rather than factors keep
    /// hashing cheap: a computed factor hashes its whole expression.
    ///
    /// Membership is kept in a set alongside the ordered terms so that adding a
    /// term costs the same however long the formula already is.
    private struct TermList {
        private(set) var terms: [Set<Int>] = []
        private var present: Set<Set<Int>> = []
        var intercept: Bool?
        var isInterceptOnly: Bool { terms.isEmpty && intercept != nil }

        init(terms: [Set<Int>] = [], intercept: Bool? = nil) {
            self.intercept = intercept
            for term in terms { append(term) }
        }

        /// Adds `term` unless it is already there (`a + a` is `a`).
        mutating func append(_ term: Set<Int>) {
            if present.insert(term).inserted { terms.append(term) }
        }

        mutating func add(_ other: TermList) {
            for term in other.terms { append(term) }
            if let setting = other.intercept { intercept = setting }
        }

        /// Drops every term of `other` (`- a`), scanning only when one is present.
        mutating func remove(_ other: TermList) {
            let removed = Set(other.terms.filter { present.contains($0) })
            guard !removed.isEmpty else { return }
            present.subtract(removed)
            terms.removeAll { removed.contains($0) }
        }
    }

    let text: String
    private var tokens: [FormulaToken] = []
    private var index = 0
    /// First-appearance rank of every factor, R's order for factors inside a term.
    private var factorRank: [Formula.Factor: Int] = [:]
    /// The factor of each rank.
    private var factors: [Formula.Factor] = []
    /// Term pairs the interactions may still form. Pairs that collapse into few
    /// distinct terms do not grow the result, so the result limit alone would not
    /// bound the work.
    private var pairBudget = Formula.maximumTerms * 16
    private var positions: [String: Range<Int>] = [:]

    init(text: String) {
        self.text = text
    }

    mutating func parse() throws -> Formula {
        tokens = try FormulaLexer.tokens(text)
        if case .end = current.kind {
            throw error("the formula is empty; expected something like y ~ x", at: current)
        }
        var response: Formula.Factor?
        if current.kind != .symbol("~") {
            guard tokens.contains(where: { $0.kind == .symbol("~") }) else {
                throw error("expected '~' between the response and the predictors (e.g. y ~ x)", at: tokens[tokens.count - 1])
            }
            response = try parseResponse()
            guard current.kind == .symbol("~") else {
                throw error("expected '~' after the response \(response!.label), found \(current.display)", at: current)
            }
        }
        advance()  // '~'
        if case .end = current.kind {
            throw error("expected predictors after '~' (use 1 for an intercept-only model)", at: current)
        }
        let rhs = try parseSum()
        guard case .end = current.kind else {
            let hint = current.kind == .symbol(")") ? "this ')' has no matching '('" : "expected '+', '-', '*', ':' or the end of the formula"
            throw error("unexpected \(current.display); \(hint)", at: current)
        }
        let ordered = rhs.terms.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count < b.element.count : a.offset < b.offset
        }.map { Formula.Term($0.element.sorted().map { factors[$0] }) }
        return Formula(
            text: text, response: response, terms: ordered, hasIntercept: rhs.intercept ?? true, positions: positions)
    }

    // MARK: Tokens

    private var current: FormulaToken { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private func error(_ message: String, at token: FormulaToken, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(
            .badFormula, message, excerpt: .init(text: text, offset: token.offset, length: token.length),
            suggestion: suggestion)
    }

    private mutating func rank(of factor: Formula.Factor) -> Int {
        if let rank = factorRank[factor] { return rank }
        factorRank[factor] = factors.count
        factors.append(factor)
        return factors.count - 1
    }

    private mutating func noteName(_ name: String, _ token: FormulaToken) {
        if positions[name] == nil { positions[name] = token.offset..<(token.offset + token.length) }
    }

    // MARK: Response

    private mutating func parseResponse() throws -> Formula.Factor {
        let token = current
        guard case .name(let name, let quoted) = token.kind else {
            throw error("expected the response (a column name) before '~', found \(token.display)", at: token)
        }
        advance()
        if !quoted, current.kind == .symbol("(") {
            return .computed(try parseCall(name, token))
        }
        noteName(name, token)
        return .variable(name)
    }

    // MARK: Term algebra

    private mutating func parseSum() throws -> TermList {
        var result = TermList()
        var subtract = false
        if current.kind == .symbol("-") {
            subtract = true
            advance()
        } else if current.kind == .symbol("+") {
            advance()
        }
        while true {
            let operandStart = current
            let operand = try parseProduct()
            if subtract {
                result.remove(operand)
                if let setting = operand.intercept { result.intercept = !setting }
            } else {
                result.add(operand)
                try checkSize(result, operandStart)
            }
            if current.kind == .symbol("+") {
                subtract = false
            } else if current.kind == .symbol("-") {
                subtract = true
            } else {
                return result
            }
            advance()
        }
    }

    private mutating func parseProduct() throws -> TermList {
        var lhs = try parseInteraction()
        while current.kind == .symbol("*") || current.kind == .symbol("/") {
            let op = current
            advance()
            let rhs = try parseInteraction()
            try checkNoIntercept(lhs, rhs, op)
            var combined = lhs
            if op.kind == .symbol("*") {
                combined.add(rhs)
                combined.add(try interact(lhs, rhs, op))
            } else {
                // a/b: a + a:b, where the nesting term holds every factor of a.
                let all = lhs.terms.reduce(into: Set<Int>()) { $0.formUnion($1) }
                combined.add(try interact(TermList(terms: [all]), rhs, op))
            }
            try checkSize(combined, op)
            lhs = combined
        }
        return lhs
    }

    private mutating func parseInteraction() throws -> TermList {
        var lhs = try parsePower()
        while current.kind == .symbol(":") {
            let op = current
            advance()
            let rhs = try parsePower()
            try checkNoIntercept(lhs, rhs, op)
            lhs = try interact(lhs, rhs, op)
        }
        return lhs
    }

    private mutating func parsePower() throws -> TermList {
        let base = try parsePrimary()
        guard current.kind == .symbol("^") else { return base }
        let op = current
        advance()
        guard case .number(let k, _) = current.kind, k >= 1, k == k.rounded(), k <= 16 else {
            throw error(
                "expected a whole number after '^' (the highest interaction order), found \(current.display)",
                at: current, suggestion: "to square a variable write I(x^2)")
        }
        advance()
        try checkNoIntercept(base, TermList(), op)
        var result = base
        for _ in 1..<Int(k) {
            var next = result
            next.add(base)
            next.add(try interact(result, base, op))
            try checkSize(next, op)
            result = next
        }
        return result
    }

    private mutating func parsePrimary() throws -> TermList {
        let token = current
        switch token.kind {
        case .name(let name, let quoted):
            advance()
            if !quoted, current.kind == .symbol("(") {
                let factor = Formula.Factor.computed(try parseCall(name, token))
                return TermList(terms: [[rank(of: factor)]])
            }
            noteName(name, token)
            return TermList(terms: [[rank(of: .variable(name))]])
        case .number(let value, _):
            guard value == 0 || value == 1 else {
                throw error(
                    "a number here can only be 0 or 1 (no intercept / intercept), found \(token.display)", at: token,
                    suggestion: "for arithmetic on a column use I(...), e.g. I(2 * x)")
            }
            advance()
            return TermList(terms: [], intercept: value == 1)
        case .symbol("("):
            advance()
            let inner = try parseSum()
            guard current.kind == .symbol(")") else {
                throw error("expected ')' to close the '(' at position \(token.offset + 1), found \(current.display)", at: current)
            }
            advance()
            return inner
        default:
            throw error(
                "expected a column name, 0, 1, '(' or I(...), found \(token.display)", at: token,
                suggestion: token.kind == .end ? "the formula ends too early; add a term or remove the trailing operator" : nil)
        }
    }

    /// Every term of `lhs` joined with every term of `rhs`, each distinct set once.
    /// Refused, with the caret on `op`, once it would pass `Formula.maximumTerms`
    /// or the formula's budget of pairs.
    private mutating func interact(_ lhs: TermList, _ rhs: TermList, _ op: FormulaToken) throws -> TermList {
        let pairs = lhs.terms.count * rhs.terms.count
        guard pairs <= pairBudget else {
            throw error(
                "the formula is too large to expand here: its interactions would join more than \(Formula.maximumTerms * 16) pairs of terms",
                at: op, suggestion: "cross fewer variables, or name the interactions you need with ':'")
        }
        pairBudget -= pairs
        var result = TermList()
        for a in lhs.terms {
            for b in rhs.terms { result.append(a.union(b)) }
            try checkSize(result, op)
        }
        return result
    }

    private func checkSize(_ list: TermList, _ op: FormulaToken) throws {
        guard list.terms.count <= Formula.maximumTerms else { throw tooManyTerms(at: op) }
    }

    private func tooManyTerms(at op: FormulaToken) -> Diagnostic {
        error(
            "the formula expands to more than \(Formula.maximumTerms) terms here", at: op,
            suggestion: "cross fewer variables, or name the interactions you need with ':'")
    }

    private func checkNoIntercept(_ lhs: TermList, _ rhs: TermList, _ op: FormulaToken) throws {
        if lhs.intercept != nil || rhs.intercept != nil {
            throw error(
                "0 or 1 (the intercept) cannot be combined with \(op.display)", at: op,
                suggestion: "add or remove the intercept with '+ 0', '- 1' or '+ 1' at the top level")
        }
    }

    // MARK: Arithmetic inside I(...) and functions

    private mutating func parseCall(_ name: String, _ nameToken: FormulaToken) throws -> FormulaArithmetic {
        guard FormulaArithmetic.functions[name] != nil else {
            if ["factor", "as.factor", "C"].contains(name) {
                throw error(
                    "\(name)() is not supported in formulas", at: nameToken,
                    suggestion: "read the column as categorical instead (glmviz fit --categorical <column>)")
            }
            let known = FormulaArithmetic.functions.keys.sorted().joined(separator: ", ")
            throw error(
                "unknown function \(name)(); supported: \(known)", at: nameToken,
                suggestion: DiagnosticSuggestion.nearest(to: name, in: Array(FormulaArithmetic.functions.keys)).map {
                    "did you mean \($0)(...)?"
                })
        }
        let open = current
        advance()  // '('
        let argument = try parseArithmeticSum()
        guard current.kind == .symbol(")") else {
            throw error(
                "expected ')' to close \(name)( at position \(open.offset + 1), found \(current.display)", at: current)
        }
        advance()
        return .call(name, argument)
    }

    private mutating func parseArithmeticSum() throws -> FormulaArithmetic {
        var lhs = try parseArithmeticProduct()
        while case .symbol(let op) = current.kind, op == "+" || op == "-" {
            advance()
            lhs = .binary(op, lhs, try parseArithmeticProduct())
        }
        return lhs
    }

    private mutating func parseArithmeticProduct() throws -> FormulaArithmetic {
        var lhs = try parseArithmeticUnary()
        while case .symbol(let op) = current.kind, op == "*" || op == "/" {
            advance()
            lhs = .binary(op, lhs, try parseArithmeticUnary())
        }
        return lhs
    }

    private mutating func parseArithmeticUnary() throws -> FormulaArithmetic {
        if current.kind == .symbol("-") {
            advance()
            return .negate(try parseArithmeticUnary())
        }
        let base = try parseArithmeticAtom()
        if current.kind == .symbol("^") {
            advance()
            return .binary("^", base, try parseArithmeticUnary())
        }
        return base
    }

    private mutating func parseArithmeticAtom() throws -> FormulaArithmetic {
        let token = current
        switch token.kind {
        case .number(let value, _):
            advance()
            return .constant(value)
        case .name(let name, let quoted):
            advance()
            if !quoted, current.kind == .symbol("(") { return try parseCall(name, token) }
            noteName(name, token)
            return .variable(name)
        case .symbol("("):
            advance()
            let inner = try parseArithmeticSum()
            guard current.kind == .symbol(")") else {
                throw error("expected ')' to close the '(' at position \(token.offset + 1), found \(current.display)", at: current)
            }
            advance()
            return .group(inner)
        default:
            throw error("expected a number, a column name or '(' inside the expression, found \(token.display)", at: token)
        }
    }
}
