/// A model formula in Wilkinson–Rogers notation as R writes it: `y ~ x + group`,
/// `y ~ a * b`, `y ~ 0 + group`, `y ~ x + I(x^2)`.
///
/// Parsing expands the operators into the list of terms a design matrix is built
/// from, in R's order (by interaction order, then as written), so column names and
/// order match what `lm` prints.
public struct Formula: Sendable, Equatable, CustomStringConvertible {
    /// One factor of a term: a column used as is, or a computed variable (`I(x^2)`,
    /// `log(x)`), which is always numeric.
    public enum Factor: Hashable, Sendable {
        case variable(String)
        case computed(FormulaArithmetic)
        /// A categorical variable made by a call (`factor(cyl)`, `I(wt > 3)`).
        case categorical(FormulaCategorical)
        /// Several numeric columns, or one fitted to the rows used (`poly(x, 2)`, `scale(x)`).
        case basis(FormulaBasis)

        /// The label R prints for this factor.
        public var label: String {
            switch self {
            case .variable(let name): return FormulaArithmetic.quotedIfNeeded(name)
            case .computed(let expression): return expression.label
            case .categorical(let expression): return expression.label
            case .basis(let basis): return basis.label
            }
        }

        /// Columns this factor reads.
        public var variables: [String] {
            switch self {
            case .variable(let name): return [name]
            case .computed(let expression): return expression.variables
            case .categorical(let expression): return expression.variables
            case .basis(let basis): return basis.argument.variables
            }
        }
    }

    /// A main effect (one factor) or an interaction (several), factors in order of
    /// first appearance in the formula, as R orders them.
    public struct Term: Hashable, Sendable {
        public let factors: [Factor]

        public init(_ factors: [Factor]) {
            self.factors = factors
        }

        /// `a`, `a:b`, `I(x^2):group`.
        public var label: String { factors.map(\.label).joined(separator: ":") }
        /// 1 for a main effect, 2 for a two-way interaction, …
        public var order: Int { factors.count }
    }

    /// The formula as written.
    public let text: String
    /// The left-hand side; nil for a one-sided formula (`~ x`), which can still
    /// build design rows for prediction.
    public let response: Factor?
    /// Right-hand side terms in R's order.
    public let terms: [Term]
    public let hasIntercept: Bool
    /// `offset(...)` terms: known parts of the response, with coefficient 1 (R's
    /// `lm` subtracts their sum from the response and fits the rest).
    public let offsets: [FormulaArithmetic]
    /// Remarks on surely-mistaken but valid formulas (`x^2` of one variable is `x`
    /// in R; `I(x^2)` was probably meant), for the fit's summary.
    public let notes: [String]
    /// Where each column name first appears in `text` (0-based character offset and
    /// length), so unknown names get a caret too.
    public let positions: [String: Range<Int>]

    /// The most terms a formula may expand to. Each crossed factor doubles the
    /// count (`a*b*c*…` has 2^k − 1 terms), so a short formula can ask for millions
    /// of design columns; past this limit it is refused instead of hanging.
    public static let maximumTerms = 4096

    /// The deepest a formula may nest parentheses, function calls and signs inside
    /// one another. Parsing, labelling, comparing and freeing a formula recurse once
    /// per level, and `glmviz lesson --all` parses on worker threads, whose stacks
    /// are 512 KiB on some systems. A level of parentheses costs about 11 KiB of
    /// stack in a debug build (five recursive frames; far less in release), so 32
    /// levels stay inside such a stack, and no formula a person writes comes near.
    public static let maximumNesting = 32

    public init(_ text: String) throws {
        var parser = FormulaParser(text: text)
        self = try parser.parse()
    }

    init(
        text: String, response: Factor?, terms: [Term], hasIntercept: Bool, offsets: [FormulaArithmetic] = [],
        notes: [String] = [], positions: [String: Range<Int>]
    ) {
        self.notes = notes
        self.text = text
        self.response = response
        self.terms = terms
        self.hasIntercept = hasIntercept
        self.offsets = offsets
        self.positions = positions
    }

    /// R's `.` ("every other column"): the formula with each `.` on the right-hand
    /// side standing for the sum of `columns` not used in the response. Unchanged
    /// when there is no `.`, or when a column is itself named `.`.
    ///
    /// The columns go straight into the terms rather than back through formula
    /// text, so the result keeps the text the user wrote: a message about a column
    /// that came from `.` puts its caret on the `.`, however many columns it
    /// stands for and whatever characters their names hold.
    public func expandingDot(columns: [String]) throws -> Formula {
        guard positions["."] != nil, !columns.contains(".") else { return self }
        var parser = FormulaParser(text: text, dotColumns: columns)
        return try parser.parse()
    }

    /// Every column the model reads (response first), each once.
    public var variables: [String] {
        var out: [String] = []
        var seen = Set<String>()
        for name in (response?.variables ?? []) + terms.flatMap({ $0.factors.flatMap(\.variables) })
            + offsets.flatMap(\.variables)
        where seen.insert(name).inserted {
            out.append(name)
        }
        return out
    }

    /// The expanded formula, as R's `terms()` would print it: `y ~ a + b + a:b`.
    public var description: String {
        var rhs = terms.map(\.label) + offsets.map { "offset(\($0.label))" }
        if !hasIntercept { rhs.insert("0", at: 0) }
        if rhs.isEmpty { rhs = ["1"] }
        return (response.map { $0.label + " " } ?? "") + "~ " + rhs.joined(separator: " + ")
    }

    public static func == (lhs: Formula, rhs: Formula) -> Bool {
        lhs.response == rhs.response && lhs.terms == rhs.terms && lhs.hasIntercept == rhs.hasIntercept
            && lhs.offsets == rhs.offsets
    }
}
