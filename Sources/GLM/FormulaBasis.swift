/// A numeric variable that becomes several design columns, or one whose value
/// depends on the fitted rows: `poly(x, k)`, `poly(x, k, raw = TRUE)`, `scale(x)`.
///
/// Both are computed on the rows the model uses (after missing values are
/// dropped), as R's `model.frame` computes them, and keep what they learned there
/// (the polynomial's coefficients, the centre and spread), so that design rows for
/// new data use the same columns, as R's `predict` does.
public enum FormulaBasis: Hashable, Sendable {
    /// `arguments` are the deparsed arguments after x (`2`, `degree = 2`, `raw = TRUE`).
    case poly(FormulaArithmetic, degree: Int, raw: Bool, arguments: [String])
    case scale(FormulaArithmetic)

    public var label: String {
        switch self {
        case .poly(let x, _, _, let arguments): return "poly(" + ([x.label] + arguments).joined(separator: ", ") + ")"
        case .scale(let x): return "scale(\(x.label))"
        }
    }

    public var argument: FormulaArithmetic {
        switch self {
        case .poly(let x, _, _, _), .scale(let x): return x
        }
    }

    /// What R appends to the label for each column: `1`, `2`, … for `poly`, nothing
    /// for `scale` (a one-column matrix without column names).
    public var suffixes: [String] {
        switch self {
        case .poly(_, let degree, _, _): return (1...degree).map(String.init)
        case .scale: return [""]
        }
    }

    /// What the basis learns from the fitted values of its argument.
    public func parameters(fitting x: [Double]) -> [Double] {
        switch self {
        case .poly(_, let degree, let raw, _):
            if raw { return [] }
            let p = OrthogonalPolynomial(fitting: x, degree: degree)
            return p.alpha + p.norm2
        case .scale:
            let mean = x.reduce(0, +) / Double(x.count)
            let ss = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return [mean, (ss / Double(x.count - 1)).squareRoot()]
        }
    }

    /// Column `j` at `x`, with the fitted `parameters`.
    public func column(_ j: Int, at x: [Double], parameters: [Double]) -> [Double] {
        switch self {
        case .poly(_, let degree, let raw, _):
            if raw { return x.map { FormulaArithmetic.power($0, Double(j + 1)) } }
            let p = OrthogonalPolynomial(alpha: Array(parameters[0..<degree]), norm2: Array(parameters[degree...]))
            return p.columns(at: x)[j]
        case .scale:
            return x.map { ($0 - parameters[0]) / parameters[1] }
        }
    }
}
