/// The syntax tree of one piece of TeX math: what the parser reads a label's
/// `$…$` into and what every backend starts from. Pango markup for flat labels,
/// the two-dimensional layout engine, and later MathML or KaTeX all walk the
/// same tree, so a construct is understood once and drawn the same everywhere.
public indirect enum MathNode: Equatable, Sendable {
    /// One symbol: a letter, a run of digits, an operator sign, a Greek letter.
    /// `italic` is TeX's default shape for it (Latin and lowercase Greek
    /// letters are italic, digits and capital Greek upright).
    case symbol(String, MathClass, italic: Bool)
    /// Upright text inside math (`\text{…}`), spaces kept.
    case text(String)
    /// A braced group `{…}`: one ordinary sub-formula.
    case group([MathNode])
    case fraction(numerator: [MathNode], denominator: [MathNode])
    case radical([MathNode], index: [MathNode]?)
    case scripts(MathScripts)
    /// `\sum`, `\prod`, `\int`, `\log`…: `limits` says whether TeX sets its
    /// scripts above and below in display style.
    case largeOperator(String, limits: Bool)
    /// `\left … \right`: delimiters that grow with the body. "" is `.` (none).
    case delimited(left: String, body: [MathNode], right: String)
    /// `\big(` and friends, one size up from the normal glyph.
    case bigDelimiter(String, MathClass)
    /// An accent over `base`; `mark` is the combining character, `wide` means
    /// the accent stretches over the whole base (`\widehat`, `\overline`).
    case accent(mark: Character, wide: Bool, base: [MathNode])
    case styled(MathFontStyle, [MathNode])
    /// `\underset{under}{base}` (`under` is nil for `\overset`, and the reverse).
    case limits(base: [MathNode], under: [MathNode]?, over: [MathNode]?)
    case matrix(MathMatrixKind, rows: [[[MathNode]]])
    /// `\begin{align}`: rows of cells, odd cells right-aligned, even left.
    case align(rows: [[[MathNode]]])
    case space(MathSpace)
    /// A list in a given style (`\dfrac`, `\tfrac`, `\displaystyle`).
    case mathStyle(MathStyle, [MathNode])
}

/// TeX's atom classes, which decide the space between neighbours.
public enum MathClass: Sendable, Equatable {
    case ordinary, largeOperator, binary, relation, open, close, punctuation, inner
}

/// A nucleus with a lower, a upper or both. `upperFirst`
/// remembers the order written, which flat markup keeps.
public struct MathScripts: Equatable, Sendable {
    public var nucleus: MathNode
    public var lower: [MathNode]?  // the subscript
    public var upper: [MathNode]?  // the superscript
    var upperFirst = false
}

public enum MathFontStyle: Sendable, Equatable {
    /// `\mathbf`: upright bold.
    case bold
    /// `\boldsymbol`/`\bm`: bold, letters keep their italic.
    case boldSymbol
    /// `\mathcal`/`\mathscr`: script capitals.
    case calligraphic
    /// `\mathrm`: upright.
    case roman
    /// `\mathit`: italic.
    case italic
    /// `\operatorname`: upright, spaced as an operator like `\log`.
    case operatorName
}

public enum MathMatrixKind: Sendable, Equatable {
    case plain, bracket, parenthesis

    var delimiters: (String, String) {
        switch self {
        case .plain: ("", "")
        case .bracket: ("[", "]")
        case .parenthesis: ("(", ")")
        }
    }
}

/// Explicit spaces. Their widths are in mu (1/18 em at the current size), as TeX's.
public enum MathSpace: Sendable, Equatable {
    case thin, medium, thick, negativeThin, quad, qquad
    /// `\ `: an interword space.
    case interword
    /// `~`: an interword space a line may not break at.
    case nonBreaking

    var mu: Double {
        switch self {
        case .thin: 3
        case .medium: 4
        case .thick: 5
        case .negativeThin: -3
        case .quad: 18
        case .qquad: 36
        case .interword, .nonBreaking: 6  // 0.333 em, Computer Modern's interword space
        }
    }

    /// The Unicode character flat markup uses for it.
    var text: String {
        switch self {
        case .thin: "\u{2009}"
        case .medium, .thick: "\u{2005}"
        case .negativeThin: ""
        case .quad: "\u{2003}"
        case .qquad: "\u{2003}\u{2003}"
        case .interword: " "
        case .nonBreaking: "\u{00A0}"
        }
    }
}

/// A label read into plain text and math: what sits outside and inside `$…$`.
public enum LabelPiece: Equatable, Sendable {
    case text(String)
    case math([MathNode])
}

extension MathNode {
    /// Whether laying the node out flat (Pango markup) shows it faithfully:
    /// fractions, radicals, big operators with limits, growing delimiters,
    /// stacked constructs and matrices need the two-dimensional engine.
    var isFlat: Bool {
        switch self {
        case .symbol, .text, .space, .bigDelimiter: true
        case .group(let list), .styled(_, let list), .mathStyle(_, let list): list.allSatisfy(\.isFlat)
        case .accent(_, let wide, let base): !wide && base.allSatisfy(\.isFlat)
        case .scripts(let s):
            if case .largeOperator = s.nucleus { false } else {
                s.nucleus.isFlat && (s.lower ?? []).allSatisfy(\.isFlat) && (s.upper ?? []).allSatisfy(\.isFlat)
            }
        case .largeOperator(let name, _): name.count > 1  // \log, \max… are words
        case .delimited(_, let body, _): body.allSatisfy(\.isFlat)  // delimiters only grow around tall bodies
        case .fraction, .radical, .limits, .matrix, .align: false
        }
    }
}
