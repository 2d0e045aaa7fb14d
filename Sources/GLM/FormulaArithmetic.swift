import Foundation
import Support

/// Arithmetic on numeric columns, as written inside `I(...)` or a function such as
/// `log(x)`: the part of a formula that computes a new variable rather than
/// describing model terms.
///
/// Runs of one precedence level are kept flat (`x + x + … + x` is one `chain`, not
/// a tree as deep as the sum is long; `x^y^z` is one `power`), so that labelling,
/// hashing, evaluating and freeing an expression recurse only as deep as the
/// parentheses, calls and signs the user nested, which the parser bounds by
/// `Formula.maximumNesting`.
public indirect enum FormulaArithmetic: Hashable, Sendable {
    /// One step of a `chain`: the operator and the operand it applies.
    public struct Link: Hashable, Sendable {
        /// One of `+ - * /`.
        public let op: Character
        public let operand: FormulaArithmetic

        public init(_ op: Character, _ operand: FormulaArithmetic) {
            self.op = op
            self.operand = operand
        }
    }

    case variable(String)
    case constant(Double)
    case negate(FormulaArithmetic)
    /// `first op₁ a₁ op₂ a₂ …`, evaluated left to right; the operators of one chain
    /// are all `+`/`-` or all `*`/`/`.
    case chain(FormulaArithmetic, [Link])
    /// `a^b^c…`, which associates to the right (`a^(b^c)`), as in R.
    case power([FormulaArithmetic])
    /// Parentheses as the user wrote them (kept so the label reads the same).
    case group(FormulaArithmetic)
    /// `I(...)`, `log(...)`, `exp(...)`, `sqrt(...)`, `abs(...)`.
    case call(String, FormulaArithmetic)
    /// `log(x, 10)` or `log(x, base = 2)` (`named` when the base was written `base =`).
    case logBase(FormulaArithmetic, base: FormulaArithmetic, named: Bool)
    /// A comparison (`>`, `>=`, `<`, `<=`, `==`, `!=`) or a logical `&`, `&&`, `|`,
    /// `||`: 1 for TRUE, 0 for FALSE.
    case compare(String, FormulaArithmetic, FormulaArithmetic)
    /// Logical negation, `!x`.
    case not(FormulaArithmetic)

    /// Functions a formula may call; `I` returns its argument unchanged.
    public static let functions: [String: @Sendable (Double) -> Double] = [
        "I": { $0 }, "log": { Foundation.log($0) }, "exp": { Foundation.exp($0) },
        "sqrt": { $0.squareRoot() }, "abs": { Swift.abs($0) },
        "log2": { Foundation.log2($0) }, "log10": { Foundation.log10($0) },
        "log1p": { Foundation.log1p($0) }, "expm1": { Foundation.expm1($0) },
        "sin": { Foundation.sin($0) }, "cos": { Foundation.cos($0) }, "tan": { Foundation.tan($0) },
        "floor": { Foundation.floor($0) }, "ceiling": { Foundation.ceil($0) },
        "sign": { $0.isNaN ? $0 : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) },
    ]

    /// Whether the expression is TRUE/FALSE (a comparison or logic at its top), which
    /// R's `model.frame` turns into a factor: `I(wt > 3)` gives the column `I(wt > 3)TRUE`.
    public var isLogical: Bool {
        switch self {
        case .compare, .not: return true
        case .group(let inner): return inner.isLogical
        case .call("I", let inner): return inner.isLogical
        default: return false
        }
    }

    /// The text R prints for this expression (its deparse): spaces around `+ - *`,
    /// none around `/` and `^`, so `I(x^2)`, `I(hp/100)` and `I(x * z)` name columns
    /// exactly as in R.
    public var label: String {
        var out = ""
        write(into: &out)
        return out
    }

    /// Appends the label to one growing string: building each level's label from
    /// its operands' strings would copy the text once per level.
    private func write(into out: inout String) {
        switch self {
        case .variable(let name): out += FormulaArithmetic.quotedIfNeeded(name)
        case .constant(let value): out += FormulaArithmetic.numberLabel(value)
        case .negate(let inner):
            out += "-"
            inner.write(into: &out)
        case .chain(let first, let links):
            first.write(into: &out)
            for link in links {
                // R's deparse spaces `+ - *` but not `/` (`I(hp/100)`, `exp(speed/10)`).
                out += link.op == "/" ? "/" : " \(link.op) "
                link.operand.write(into: &out)
            }
        case .power(let operands):
            for (i, operand) in operands.enumerated() {
                if i > 0 { out += "^" }
                operand.write(into: &out)
            }
        case .group(let inner):
            out += "("
            inner.write(into: &out)
            out += ")"
        case .call(let name, let argument):
            out += name + "("
            argument.write(into: &out)
            out += ")"
        case .logBase(let x, let base, let named):
            out += "log("
            x.write(into: &out)
            out += named ? ", base = " : ", "
            base.write(into: &out)
            out += ")"
        case .compare(let op, let lhs, let rhs):
            lhs.write(into: &out)
            out += " \(op) "
            rhs.write(into: &out)
        case .not(let inner):
            out += "!"
            inner.write(into: &out)
        }
    }

    /// Column names referenced, in order of first appearance.
    public var variables: [String] {
        var out: [String] = []
        var seen = Set<String>()
        func walk(_ e: FormulaArithmetic) {
            switch e {
            case .variable(let name): if seen.insert(name).inserted { out.append(name) }
            case .constant: break
            case .negate(let inner), .group(let inner), .call(_, let inner), .not(let inner): walk(inner)
            case .logBase(let a, let b, _), .compare(_, let a, let b):
                walk(a)
                walk(b)
            case .chain(let first, let links):
                walk(first)
                for link in links { walk(link.operand) }
            case .power(let operands): operands.forEach(walk)
            }
        }
        walk(self)
        return out
    }

    /// Evaluates element-wise; `value(name)` supplies each numeric column
    /// (all the same length `count`). NaN propagates, so missing stays missing.
    public func evaluate(count: Int, _ value: (String) throws -> [Double]) rethrows -> [Double] {
        switch self {
        case .variable(let name): return try value(name)
        case .constant(let c): return [Double](repeating: c, count: count)
        case .negate(let inner): return try inner.evaluate(count: count, value).map { -$0 }
        case .group(let inner): return try inner.evaluate(count: count, value)
        case .call(let name, let argument):
            let f = FormulaArithmetic.functions[name]!
            return try argument.evaluate(count: count, value).map(f)
        case .logBase(let x, let base, _):
            let xs = try x.evaluate(count: count, value), bases = try base.evaluate(count: count, value)
            return zip(xs, bases).map { FormulaArithmetic.log($0, base: $1) }
        case .not(let inner):
            return try inner.evaluate(count: count, value).map { $0.isNaN ? $0 : ($0 == 0 ? 1 : 0) }
        case .compare(let op, let lhs, let rhs):
            let a = try lhs.evaluate(count: count, value), b = try rhs.evaluate(count: count, value)
            return zip(a, b).map { FormulaArithmetic.compare(op, $0, $1) }
        case .chain(let first, let links):
            var a = try first.evaluate(count: count, value)
            for link in links {
                let b = try link.operand.evaluate(count: count, value)
                switch link.op {
                case "+": for i in a.indices { a[i] += b[i] }
                case "-": for i in a.indices { a[i] -= b[i] }
                case "*": for i in a.indices { a[i] *= b[i] }
                default: for i in a.indices { a[i] /= b[i] }
                }
            }
            return a
        case .power(let operands):
            // Right to left: a^b^c is a^(b^c).
            var exponent = try operands[operands.count - 1].evaluate(count: count, value)
            for operand in operands.dropLast().reversed() {
                let base = try operand.evaluate(count: count, value)
                for i in exponent.indices { exponent[i] = FormulaArithmetic.power(base[i], exponent[i]) }
            }
            return exponent
        }
    }

    /// R's `log(x, base)`: `log10` and `log2` for those bases (so `log(100, 10)` is
    /// exactly 2), `log(x)/log(base)` otherwise.
    static func log(_ x: Double, base: Double) -> Double {
        if base == 10 { return Foundation.log10(x) }
        if base == 2 { return Foundation.log2(x) }
        return Foundation.log(x) / Foundation.log(base)
    }

    /// A comparison or logical operator on two values as 1 (TRUE) or 0 (FALSE); NaN
    /// (R's NA) propagates, except where R's three-valued logic decides
    /// (`FALSE & NA` is FALSE, `TRUE | NA` is TRUE).
    static func compare(_ op: String, _ a: Double, _ b: Double) -> Double {
        switch op {
        case "&", "&&":
            if a == 0 || b == 0 { return 0 }
            return a.isNaN || b.isNaN ? .nan : 1
        case "|", "||":
            if (!a.isNaN && a != 0) || (!b.isNaN && b != 0) { return 1 }
            return a.isNaN || b.isNaN ? .nan : 0
        default: break
        }
        if a.isNaN || b.isNaN { return .nan }
        let result: Bool
        switch op {
        case ">": result = a > b
        case ">=": result = a >= b
        case "<": result = a < b
        case "<=": result = a <= b
        case "==": result = a == b
        default: result = a != b
        }
        return result ? 1 : 0
    }

    /// Small integer powers by repeated multiplication (exact for `x^2`, as R's
    /// `R_pow` is), everything else through `pow`.
    static func power(_ x: Double, _ k: Double) -> Double {
        if k == 2 { return x * x }
        if k == 1 { return x }
        if k == 3 { return x * x * x }
        return Foundation.pow(x, k)
    }

    /// R prints numbers with up to 15 significant digits and no trailing `.0`.
    static func numberLabel(_ value: Double) -> String {
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return String(posixFormat: "%.15g", value)
    }

    /// R wraps non-syntactic names in backticks when it prints them (`` `dose (mg)` ``).
    public static func quotedIfNeeded(_ name: String) -> String {
        isSyntactic(name) ? name : "`\(name)`"
    }

    /// R's reserved words, which need backticks even though they are made of letters.
    private static let reserved: Set<String> = [
        "if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE",
        "NULL", "Inf", "NaN", "NA", "in",
    ]

    static func isSyntactic(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "." else { return false }
        if first == ".", let second = name.dropFirst().first, second.isNumber { return false }
        if reserved.contains(name) { return false }
        return name.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }
    }
}
