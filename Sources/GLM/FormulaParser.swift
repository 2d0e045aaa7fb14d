/// Recursive-descent parser for model formulas, with R's operator precedence
/// (`^` binds tightest, then `:`, then `*` and `/`, then `+` and `-`, then `~`).
///
/// The parser recurses only where the input nests (parentheses, calls, signs), and
/// refuses nesting past `Formula.maximumNesting` with a caret at the token that
/// crosses it, so a hostile formula cannot exhaust a thread's stack. Runs of one
/// operator are read in loops, and every step costs the same however long the
/// formula is, so parsing time grows in proportion to the text.
///
/// Each sub-expression evaluates to a set of terms, so `(a + b):c` and `(a + b)^2`
/// expand by the same rules as in R: `a*b` is `a + b + a:b`, `a/b` is `a + a:b`,
/// `A^k` is `A*A*…*A` (k times), and `-` removes terms (`- 1` the intercept).
struct FormulaParser {
    /// Terms as sets of factor ranks (interaction is commutative) plus, for the
    /// literals `0` and `1`, an intercept setting. Ranks rather than factors keep
    /// hashing cheap: a computed factor hashes its whole expression.
    ///
    /// Terms sit in slots that a removal empties rather than shifts, with each
    /// present term's slot in a dictionary, so that adding or removing a term costs
    /// the same however long the formula already is (`a + b - a + a` is `b + a`).
    struct TermList {
        private var slots: [Set<Int>?] = []
        private var slotOf: [Set<Int>: Int] = [:]
        var intercept: Bool?
        var count: Int { slotOf.count }
        var isInterceptOnly: Bool { count == 0 && intercept != nil }
        /// The present terms, in the order they were (last) added.
        var terms: [Set<Int>] { slotOf.count == slots.count ? slots.map { $0! } : slots.compactMap { $0 } }

        init(terms: [Set<Int>] = [], intercept: Bool? = nil) {
            self.intercept = intercept
            for term in terms { append(term) }
        }

        /// Adds `term` unless it is already there (`a + a` is `a`).
        mutating func append(_ term: Set<Int>) {
            guard slotOf[term] == nil else { return }
            slotOf[term] = slots.count
            slots.append(term)
        }

        mutating func add(_ other: TermList) {
            for term in other.terms { append(term) }
            if let setting = other.intercept { intercept = setting }
        }

        /// Drops every term of `other` (`- a`).
        mutating func remove(_ other: TermList) {
            for term in other.terms {
                if let slot = slotOf.removeValue(forKey: term) { slots[slot] = nil }
            }
            if slots.count > 64, slotOf.count * 2 < slots.count { slots = slots.filter { $0 != nil } ; reindex() }
        }

        private mutating func reindex() {
            for (slot, term) in slots.enumerated() { slotOf[term!] = slot }
        }
    }

    let text: String
    /// The columns `.` stands for, when expanding it (see `Formula.expandingDot`).
    let dotColumns: [String]?
    var tokens: [FormulaToken] = []
    var index = 0
    /// How many parentheses, calls and signs enclose the current token.
    var depth = 0
    /// First-appearance rank of every factor, R's order for factors inside a term.
    var factorRank: [Formula.Factor: Int] = [:]
    /// The factor of each rank.
    var factors: [Formula.Factor] = []
    /// Term pairs the interactions may still form. Pairs that collapse into few
    /// distinct terms do not grow the result, so the result limit alone would not
    /// bound the work.
    var pairBudget = Formula.maximumTerms * 16
    var positions: [String: Range<Int>] = [:]
    var response: Formula.Factor?
    /// `offset(...)` terms, in the order written.
    var offsets: [FormulaArithmetic] = []
    /// See `Formula.notes`.
    var notes: [String] = []

    init(text: String, dotColumns: [String]? = nil) {
        self.text = text
        self.dotColumns = dotColumns
    }

    mutating func parse() throws -> Formula {
        tokens = try FormulaLexer.tokens(text)
        if case .end = current.kind {
            throw error("the formula is empty; expected something like y ~ x", at: current)
        }
        if current.kind != .symbol("~") {
            guard tokens.contains(where: { $0.kind == .symbol("~") }) else {
                if let equals = tokens.first(where: { $0.kind == .op("=") }) {
                    throw error(
                        "expected '~' between the response and the predictors, found '='", at: equals,
                        suggestion: "a model formula reads y ~ x")
                }
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
            if case .op(let op) = current.kind { throw unsupportedOperator(op, current) }
            let hint = current.kind == .symbol(")") ? "this ')' has no matching '('" : "expected '+', '-', '*', ':' or the end of the formula"
            throw error("unexpected \(current.display); \(hint)", at: current)
        }
        let ordered = rhs.terms.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count < b.element.count : a.offset < b.offset
        }.map { Formula.Term($0.element.sorted().map { factors[$0] }) }
        return Formula(
            text: text, response: response, terms: ordered, hasIntercept: rhs.intercept ?? true, offsets: offsets,
            notes: notes, positions: positions)
    }

    // MARK: Tokens

    var current: FormulaToken { tokens[index] }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    func error(_ message: String, at token: FormulaToken, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(
            .badFormula, message, excerpt: .init(text: text, offset: token.offset, length: token.length),
            suggestion: suggestion)
    }

    /// One level deeper at `token` (an opening parenthesis, a call or a sign);
    /// refused past `Formula.maximumNesting`.
    mutating func enter(_ token: FormulaToken) throws {
        depth += 1
        guard depth <= Formula.maximumNesting else {
            throw error(
                "the formula nests more than \(Formula.maximumNesting) levels deep here (parentheses, function calls and signs inside one another)",
                at: token, suggestion: "simplify the expression: a formula may nest at most \(Formula.maximumNesting) levels")
        }
    }

    mutating func leave(_ levels: Int = 1) {
        depth -= levels
    }

    mutating func rank(of factor: Formula.Factor) -> Int {
        if let rank = factorRank[factor] { return rank }
        factorRank[factor] = factors.count
        factors.append(factor)
        return factors.count - 1
    }

    mutating func noteName(_ name: String, _ token: FormulaToken) {
        if positions[name] == nil { positions[name] = token.offset..<(token.offset + token.length) }
    }

    // MARK: Response

    mutating func parseResponse() throws -> Formula.Factor {
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

    mutating func parseSum() throws -> TermList {
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

    mutating func parseProduct() throws -> TermList {
        var lhs = try continueIn(try parseInteraction())
        while current.kind == .symbol("*") || current.kind == .symbol("/") {
            let op = current
            advance()
            let rhs = try continueIn(try parseInteraction())
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

    /// `a %in% b`, which R's `terms` reads as the interaction `a:b` (binding looser
    /// than `:` and tighter than `*`), continued after its first operand `lhs`
    /// returns, so that parentheses nest no deeper than before `%in%` was read.
    @inline(never)
    mutating func continueIn(_ first: TermList) throws -> TermList {
        var lhs = first
        while current.kind == .op("%in%") {
            let op = current
            advance()
            let rhs = try parseInteraction()
            try checkNoIntercept(lhs, rhs, op)
            lhs = try interact(lhs, rhs, op)
        }
        return lhs
    }

    mutating func parseInteraction() throws -> TermList {
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

    mutating func parsePower() throws -> TermList {
        let base = try parsePrimary()
        guard current.kind == .symbol("^") else { return base }
        let op = current
        advance()
        guard case .number(let k, _) = current.kind, k >= 1, k == k.rounded(), k <= 16 else {
            throw badInteractionOrder()
        }
        advance()
        try checkNoIntercept(base, TermList(), op)
        if k > 1, base.count == 1, base.terms[0].count == 1 {
            let label = factors[base.terms[0].first!].label
            notes.append(
                "\(label)^\(Int(k)) in a formula is the term \(label) itself (R's '^' crosses terms); "
                    + "for the square write I(\(label)^\(Int(k)))")
        }
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

    mutating func parsePrimary() throws -> TermList {
        let token = current
        switch token.kind {
        case .name(".", quoted: false) where dotColumns != nil:
            advance()
            return try expandDot(token)
        case .name(let name, let quoted):
            advance()
            if !quoted, current.kind == .symbol("(") {
                guard let factor = try parseTermCall(name, token) else { return TermList() }
                return TermList(terms: [[rank(of: factor)]])
            }
            noteName(name, token)
            return TermList(terms: [[rank(of: .variable(name))]])
        case .number(let value, _):
            guard value == 0 || value == 1 else { throw badTermNumber(token) }
            advance()
            return TermList(terms: [], intercept: value == 1)
        case .symbol("("):
            try enter(token)
            advance()
            let inner = try parseSum()
            guard current.kind == .symbol(")") else { throw unclosedTerm(token) }
            advance()
            leave()
            return inner
        default:
            throw badTerm(token)
        }
    }

    // The messages of the recursive functions are built in functions of their own,
    // kept out of line, so that the recursive frames do not reserve room for them:
    // a debug build's frames are otherwise several KiB per level of nesting.

    @inline(never)
    func badInteractionOrder() -> Diagnostic {
        error(
            "expected a whole number after '^' (the highest interaction order), found \(current.display)",
            at: current, suggestion: "to square a variable write I(x^2)")
    }

    @inline(never)
    func badTermNumber(_ token: FormulaToken) -> Diagnostic {
        error(
            "a number here can only be 0 or 1 (no intercept / intercept), found \(token.display)", at: token,
            suggestion: "for arithmetic on a column use I(...), e.g. I(2 * x)")
    }

    @inline(never)
    func badTerm(_ token: FormulaToken) -> Diagnostic {
        error(
            "expected a column name, 0, 1, '(' or I(...), found \(token.display)", at: token,
            suggestion: token.kind == .end ? "the formula ends too early; add a term or remove the trailing operator" : nil)
    }

    /// A parenthesised term not closed: an operator R has but model formulas do
    /// not (`(1 | g)`), or a missing ')'.
    @inline(never)
    func unclosedTerm(_ open: FormulaToken) -> Diagnostic {
        if case .op(let op) = current.kind { return unsupportedOperator(op, current) }
        return unclosed(open)
    }

    @inline(never)
    func unclosed(_ open: FormulaToken) -> Diagnostic {
        error("expected ')' to close the '(' at position \(open.offset + 1), found \(current.display)", at: current)
    }

    @inline(never)
    func unclosedCall(_ name: String, _ open: FormulaToken) -> Diagnostic {
        error("expected ')' to close \(name)( at position \(open.offset + 1), found \(current.display)", at: current)
    }

    @inline(never)
    func unknownFunction(_ name: String, _ nameToken: FormulaToken) -> Diagnostic {
        if let feature = FormulaParser.rFeatures[name] {
            return error(
                "\(name)() is not supported in glmviz formulas (in R it makes \(feature.feature))", at: nameToken,
                suggestion: feature.instead)
        }
        let known = (Array(FormulaArithmetic.functions.keys) + FormulaParser.termFunctions).sorted().joined(separator: ", ")
        return error(
            "unknown function \(name)(); supported: \(known)", at: nameToken,
            suggestion: DiagnosticSuggestion.nearest(
                to: name, in: Array(FormulaArithmetic.functions.keys) + FormulaParser.termFunctions
            ).map { "did you mean \($0)(...)?" })
    }

    @inline(never)
    func badAtom(_ token: FormulaToken) -> Diagnostic {
        error("expected a number, a column name or '(' inside the expression, found \(token.display)", at: token)
    }

    /// R's `.`: one main effect for every column but the response's, each reported
    /// at the `.` the user wrote (the columns never pass through formula text).
    mutating func expandDot(_ dot: FormulaToken) throws -> TermList {
        let responseVariables = Set(response?.variables ?? [])
        let others = (dotColumns ?? []).filter { !responseVariables.contains($0) }
        guard !others.isEmpty else {
            throw error("'.' stands for every column but the response, and there are none", at: dot)
        }
        guard others.count <= Formula.maximumTerms else {
            throw error(
                "'.' stands for \(others.count) columns here, more than the \(Formula.maximumTerms) terms a formula may have",
                at: dot, suggestion: "list the predictors you need instead of '.'")
        }
        if let name = others.first(where: { $0.contains("`") }) {
            throw error(
                "'.' stands for column \"\(name)\", whose name holds a backtick, which a formula cannot quote",
                at: dot, suggestion: "rename the column without the backtick, or list the predictors instead of '.'")
        }
        var list = TermList()
        for name in others {
            noteName(name, dot)
            list.append([rank(of: .variable(name))])
        }
        return list
    }

    /// Every term of `lhs` joined with every term of `rhs`, each distinct set once.
    /// Refused, with the caret on `op`, once it would pass `Formula.maximumTerms`
    /// or the formula's budget of pairs.
    mutating func interact(_ lhs: TermList, _ rhs: TermList, _ op: FormulaToken) throws -> TermList {
        let pairs = lhs.count * rhs.count
        guard pairs <= pairBudget else {
            throw error(
                "the formula is too large to expand here: its interactions would join more than \(Formula.maximumTerms * 16) pairs of terms",
                at: op, suggestion: "cross fewer variables, or name the interactions you need with ':'")
        }
        pairBudget -= pairs
        var result = TermList()
        let right = rhs.terms
        for a in lhs.terms {
            for b in right { result.append(a.union(b)) }
            try checkSize(result, op)
        }
        return result
    }

    func checkSize(_ list: TermList, _ op: FormulaToken) throws {
        guard list.count <= Formula.maximumTerms else { throw tooManyTerms(at: op) }
    }

    func tooManyTerms(at op: FormulaToken) -> Diagnostic {
        error(
            "the formula expands to more than \(Formula.maximumTerms) terms here", at: op,
            suggestion: "cross fewer variables, or name the interactions you need with ':'")
    }

    func checkNoIntercept(_ lhs: TermList, _ rhs: TermList, _ op: FormulaToken) throws {
        if lhs.intercept != nil || rhs.intercept != nil {
            throw error(
                "0 or 1 (the intercept) cannot be combined with \(op.display)", at: op,
                suggestion: "add or remove the intercept with '+ 0', '- 1' or '+ 1' at the top level")
        }
    }

    // MARK: Arithmetic inside I(...) and functions

    mutating func parseCall(_ name: String, _ nameToken: FormulaToken) throws -> FormulaArithmetic {
        guard FormulaArithmetic.functions[name] != nil else { throw notArithmetic(name, nameToken) }
        let open = current
        try enter(nameToken)
        advance()  // '('
        let argument = try continueLogical(current.kind == .op("!") ? nil : try parseArithmeticChain(["+", "-"]))
        guard current.kind == .symbol(")") else { return try finishCall(name, open, argument) }
        advance()
        leave()
        return .call(name, argument)
    }

    /// A call whose argument is not followed by ')': `log(x, base)`, or an error.
    /// Out of line, so the recursive `parseCall` keeps a small frame.
    @inline(never)
    mutating func finishCall(_ name: String, _ open: FormulaToken, _ argument: FormulaArithmetic) throws -> FormulaArithmetic {
        if name == "log", current.kind == .symbol(",") {
            advance()
            var named = false
            if case .name("base", quoted: false) = current.kind, tokens[index + 1].kind == .op("=") {
                named = true
                advance()
                advance()
            }
            let base = try parseArithmeticExpression()
            guard current.kind == .symbol(")") else { throw unclosedCall(name, open) }
            advance()
            leave()
            return .logBase(argument, base: base, named: named)
        }
        if current.kind == .symbol(",") {
            throw error(
                "\(name)() takes one argument here\(name == "log" ? "" : "; only log() also takes a base, log(x, 10)")",
                at: current)
        }
        throw unclosedCall(name, open)
    }

    @inline(never)
    func notArithmetic(_ name: String, _ nameToken: FormulaToken) -> Diagnostic {
        if FormulaParser.termFunctions.contains(name) {
            return error(
                "\(name)() makes model terms, so it cannot be used inside arithmetic or as the response", at: nameToken,
                suggestion: "use \(name)(...) directly as a term on the right of '~'")
        }
        return unknownFunction(name, nameToken)
    }

    /// An expression inside `I()` or a call: a sum, or logic and comparisons of
    /// sums (`wt > 3`, `!(a == 1) & b`).
    mutating func parseArithmeticExpression() throws -> FormulaArithmetic {
        try continueLogical(current.kind == .op("!") ? nil : try parseArithmeticChain(["+", "-"]))
    }

    /// The rest of an expression whose first sum, `first`, is already read (nil
    /// when it starts with `!`): comparisons bind tighter than `!`, then `&`/`&&`,
    /// then `|`/`||`, as in R. Read in one loop after the first sum returns, so
    /// an expression without logic (every nested call of `abs(abs(…))`) costs no
    /// stack frame beyond what it did before comparisons were read; each `!`
    /// counts as a level of nesting, as a sign does.
    @inline(never)
    mutating func continueLogical(_ first: FormulaArithmetic?) throws -> FormulaArithmetic {
        if let first, !isLogicalOperator(current.kind) { return first }
        var pending = first
        var orAccumulated: FormulaArithmetic?, orOperator = "|"
        var andAccumulated: FormulaArithmetic?, andOperator = "&"
        while true {
            var nots = 0
            let sum: FormulaArithmetic
            if let p = pending {
                sum = p
                pending = nil
            } else {
                while current.kind == .op("!") {
                    try enter(current)
                    nots += 1
                    advance()
                }
                sum = try parseArithmeticChain(["+", "-"])
            }
            var unit = sum
            if case .op(let op) = current.kind, [">", ">=", "<", "<=", "==", "!="].contains(op) {
                advance()
                unit = .compare(op, sum, try parseArithmeticChain(["+", "-"]))
            }
            for _ in 0..<nots { unit = .not(unit) }
            leave(nots)
            andAccumulated = andAccumulated.map { .compare(andOperator, $0, unit) } ?? unit
            guard case .op(let op) = current.kind, ["&", "&&", "|", "||"].contains(op) else { break }
            advance()
            if op.hasPrefix("&") {
                andOperator = op
            } else {
                orAccumulated = orAccumulated.map { .compare(orOperator, $0, andAccumulated!) } ?? andAccumulated
                orOperator = op
                andAccumulated = nil
            }
        }
        return orAccumulated.map { .compare(orOperator, $0, andAccumulated!) } ?? andAccumulated!
    }

    private func isLogicalOperator(_ kind: FormulaToken.Kind) -> Bool {
        guard case .op(let op) = kind else { return false }
        return [">", ">=", "<", "<=", "==", "!=", "&", "&&", "|", "||"].contains(op)
    }

    /// `a + b - c` (`ops` "+-") or `a * b / c` (`ops` "*/"), read in a loop into one
    /// flat chain.
    mutating func parseArithmeticChain(_ ops: [Character]) throws -> FormulaArithmetic {
        let isSum = ops.first == "+"
        func operand(_ parser: inout FormulaParser) throws -> FormulaArithmetic {
            isSum ? try parser.parseArithmeticChain(["*", "/"]) : try parser.parseArithmeticUnary()
        }
        let first = try operand(&self)
        var links: [FormulaArithmetic.Link] = []
        while case .symbol(let op) = current.kind, ops.contains(op) {
            advance()
            links.append(.init(op, try operand(&self)))
        }
        return links.isEmpty ? first : .chain(first, links)
    }

    /// Signs, then a `^` chain. Each sign is a level of nesting; an exponent that
    /// starts with a sign (`x^-y`) nests once more, as R reads it (`x^(-y)`).
    mutating func parseArithmeticUnary() throws -> FormulaArithmetic {
        var signs = 0
        defer { leave(signs) }
        while current.kind == .symbol("-") {
            try enter(current)
            signs += 1
            advance()
        }
        var operands = [try parseArithmeticAtom()]
        while current.kind == .symbol("^") {
            advance()
            if current.kind == .symbol("-") {
                operands.append(try parseArithmeticUnary())
                break
            }
            operands.append(try parseArithmeticAtom())
        }
        var result = operands.count == 1 ? operands[0] : .power(operands)
        for _ in 0..<signs { result = .negate(result) }
        return result
    }

    mutating func parseArithmeticAtom() throws -> FormulaArithmetic {
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
            try enter(token)
            advance()
            let inner = try continueLogical(current.kind == .op("!") ? nil : try parseArithmeticChain(["+", "-"]))
            guard current.kind == .symbol(")") else { throw unclosed(token) }
            advance()
            leave()
            return .group(inner)
        default:
            throw badAtom(token)
        }
    }
}
