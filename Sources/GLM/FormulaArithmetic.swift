import Foundation
import Support

/// Arithmetic on numeric columns, as written inside `I(...)` or a function such as
/// `log(x)`: the part of a formula that computes a new variable rather than
/// describing model terms.
public indirect enum FormulaArithmetic: Hashable, Sendable {
    case variable(String)
    case constant(Double)
    case negate(FormulaArithmetic)
    /// `op` is one of `+ - * / ^`.
    case binary(Character, FormulaArithmetic, FormulaArithmetic)
    /// Parentheses as the user wrote them (kept so the label reads the same).
    case group(FormulaArithmetic)
    /// `I(...)`, `log(...)`, `exp(...)`, `sqrt(...)`, `abs(...)`.
    case call(String, FormulaArithmetic)

    /// Functions a formula may call; `I` returns its argument unchanged.
    public static let functions: [String: @Sendable (Double) -> Double] = [
        "I": { $0 }, "log": { Foundation.log($0) }, "exp": { Foundation.exp($0) },
        "sqrt": { $0.squareRoot() }, "abs": { Swift.abs($0) },
        "log2": { Foundation.log2($0) }, "log10": { Foundation.log10($0) },
    ]

    /// The text R prints for this expression (its deparse): spaces around `+ - * /`,
    /// none around `^`, so `I(x^2)` and `I(x * z)` name columns exactly as in R.
    public var label: String {
        switch self {
        case .variable(let name): return FormulaArithmetic.quotedIfNeeded(name)
        case .constant(let value): return FormulaArithmetic.numberLabel(value)
        case .negate(let inner): return "-" + inner.label
        case .binary(let op, let lhs, let rhs):
            return op == "^" ? "\(lhs.label)^\(rhs.label)" : "\(lhs.label) \(op) \(rhs.label)"
        case .group(let inner): return "(\(inner.label))"
        case .call(let name, let argument): return "\(name)(\(argument.label))"
        }
    }

    /// Column names referenced, in order of first appearance.
    public var variables: [String] {
        var out: [String] = []
        func walk(_ e: FormulaArithmetic) {
            switch e {
            case .variable(let name): if !out.contains(name) { out.append(name) }
            case .constant: break
            case .negate(let inner), .group(let inner), .call(_, let inner): walk(inner)
            case .binary(_, let lhs, let rhs):
                walk(lhs)
                walk(rhs)
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
        case .binary(let op, let lhs, let rhs):
            let a = try lhs.evaluate(count: count, value), b = try rhs.evaluate(count: count, value)
            switch op {
            case "+": return zip(a, b).map { $0 + $1 }
            case "-": return zip(a, b).map { $0 - $1 }
            case "*": return zip(a, b).map { $0 * $1 }
            case "/": return zip(a, b).map { $0 / $1 }
            default: return zip(a, b).map { FormulaArithmetic.power($0, $1) }
            }
        }
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

    static func isSyntactic(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "." else { return false }
        if first == ".", let second = name.dropFirst().first, second.isNumber { return false }
        let reserved: Set<String> = [
            "if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE",
            "NULL", "Inf", "NaN", "NA", "in",
        ]
        if reserved.contains(name) { return false }
        return name.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }
    }
}
