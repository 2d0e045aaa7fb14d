/// A categorical variable made inside a formula, as R users write it:
/// `factor(cyl)`, `as.factor(am)`, `relevel(Species, ref = "virginica")`,
/// `C(Species, contr.sum)`, `interaction(cyl, am)`, or a logical `I(wt > 3)`.
///
/// Its label is R's deparse of the call, and the design names its columns by
/// that label followed by the level (`factor(cyl)6`, `I(wt > 3)TRUE`) or the
/// coding's suffix (`C(Species, contr.sum)1`), as `lm` prints them.
public indirect enum FormulaCategorical: Hashable, Sendable {
    /// A column used as is inside a call: categorical as read, or numeric values
    /// taken as levels (sorted by value, labelled as R prints the numbers).
    case variable(String)
    /// Computed numbers taken as levels (`factor(cyl * 2)`).
    case numbers(FormulaArithmetic)
    /// `factor(x)` or `as.factor(x)` (the function name kept for the label).
    case factor(String, FormulaCategorical)
    /// A TRUE/FALSE expression (`I(wt > 3)`), levels FALSE and TRUE.
    case logical(FormulaArithmetic)
    /// `relevel(x, ref = "b")`; `named` when written with `ref =`, `quoted` when the
    /// level was written as a string.
    case relevel(FormulaCategorical, reference: String, named: Bool, quoted: Bool)
    /// `C(x, contr.sum)`; `written` is the coding as the user spelled it.
    case coded(FormulaCategorical, ContrastCoding, written: String)
    /// `interaction(a, b, …)`: one level per combination, `a.b`, the first varying fastest.
    case interaction([FormulaCategorical])

    /// The label R prints.
    public var label: String {
        switch self {
        case .variable(let name): return FormulaArithmetic.quotedIfNeeded(name)
        case .numbers(let e), .logical(let e): return e.label
        case .factor(let function, let inner): return "\(function)(\(inner.label))"
        case .relevel(let inner, let reference, let named, let quoted):
            let level = quoted ? "\"\(reference)\"" : reference
            return "relevel(\(inner.label), \(named ? "ref = " : "")\(level))"
        case .coded(let inner, _, let written): return "C(\(inner.label), \(written))"
        case .interaction(let parts): return "interaction(\(parts.map(\.label).joined(separator: ", ")))"
        }
    }

    /// Columns read, in order of first appearance.
    public var variables: [String] {
        var out: [String] = []
        func walk(_ e: FormulaCategorical) {
            switch e {
            case .variable(let name): if !out.contains(name) { out.append(name) }
            case .numbers(let a), .logical(let a): for name in a.variables where !out.contains(name) { out.append(name) }
            case .factor(_, let inner), .relevel(let inner, _, _, _), .coded(let inner, _, _): walk(inner)
            case .interaction(let parts): parts.forEach(walk)
            }
        }
        walk(self)
        return out
    }

    /// The coding `C()` sets, if any (the outermost wins, as in R).
    public var coding: ContrastCoding? {
        switch self {
        case .coded(_, let coding, _): return coding
        // An ordered factor gets R's default contrasts for ordered factors.
        case .factor("ordered", let inner): return inner.coding ?? .poly
        case .factor(_, let inner), .relevel(let inner, _, _, _): return inner.coding
        default: return nil
        }
    }
}
