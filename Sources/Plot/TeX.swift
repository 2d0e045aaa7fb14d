import Support
/// The small TeX subset course labels are written in, so an author writes
/// `$\hat{\beta}_1 = -5.344$` exactly as in the lesson text.
///
/// Outside `$…$` text is literal (only `\$` is special). Inside, `MathParser`
/// reads the math into a `MathNode` tree. Flat math becomes Pango markup here:
/// single letters italic as TeX sets them, digits and upright Greek capitals
/// not, `-` a true minus, spaces around binary operators and relations, `_`/`^`
/// as `<sub>`/`<sup>`, accents as Unicode combining marks. Two-dimensional math
/// (fractions, radicals, limits, matrices) is laid out by `MathTypesetter`.
/// Anything not understood is a `TeXError`, never silently printed.
public enum TeX {
    /// The deepest a label may nest braces, sub- and superscripts and command
    /// arguments inside one another. The parser recurses once per level, and
    /// Pango's cost for nested `<sup>`/`<sub>` spans grows with the square of the
    /// depth (5 000 levels took 53 s and 3 GB); no label a course shows nests
    /// more than a handful.
    public static let maximumNesting = 32

    /// The label read into text and math trees.
    public static func parse(_ source: String) throws -> [LabelPiece] {
        var parser = MathParser(source: source)
        return try parser.document()
    }

    /// Math written without `$` (an equation's source), read into a tree.
    public static func parseMath(_ source: String) throws -> [MathNode] {
        var parser = MathParser(source: source)
        return try parser.displayMath()
    }

    /// Pango markup for `source`. `mathFont` is the family used for `\mathcal`.
    public static func markup(_ source: String, mathFont: String = Theme.textbook.mathFontFamily) throws -> String {
        let writer = TeXMarkup(mathFont: mathFont)
        return try parse(source).map { piece in
            switch piece {
            case .text(let text): escapeMarkup(text)
            case .math(let list):
                // Math flat markup cannot show is typeset in two dimensions and
                // stands in the markup as one character (see `MathFragments`).
                if list.allSatisfy(\.isFlat) { writer.list(list) } else {
                    MathFragments.placeholder(for: list, mathFont: mathFont, plain: TextBox(text: writer.list(list), rect: Rect(x: 0, y: 0, width: 0, height: 0)).plainText)
                        .map(String.init) ?? writer.list(list)
                }
            }
        }.joined()
    }

    /// Every command the subset understands, for suggestions and documentation.
    public static var knownCommands: [String] { TeXSymbols.allCommands }
}

/// Pango markup escaping for plain text: Pango reads XML markup.
func escapeMarkup(_ s: String) -> String { XMLText.escaped(s) }

/// Writes a math tree as flat Pango markup.
struct TeXMarkup {
    let mathFont: String

    /// Joins nodes with TeX-like spacing: a space either side of binary
    /// operators and relations, none elsewhere. In sub- and superscripts TeX
    /// drops the space around operators.
    func list(_ nodes: [MathNode], italic: Bool = true, script: Bool = false) -> String {
        if script { return nodes.map { node($0, italic: italic) }.joined() }
        var out = ""
        for (i, n) in nodes.enumerated() {
            let markup = node(n, italic: italic)
            switch TeXMarkup.spacingClass(n) {
            case .binary, .relation:
                out += (i == 0 ? "" : " ") + markup + (i == nodes.count - 1 ? "" : " ")
            case .punctuation:
                out += markup + (i == nodes.count - 1 ? "" : "\u{2009}")
            case .largeOperator:
                out += markup + "\u{2009}"
            default:
                out += markup
            }
        }
        return out
    }

    /// The class flat markup spaces a node by: scripts make an atom ordinary,
    /// except on a large operator.
    static func spacingClass(_ node: MathNode) -> MathClass {
        switch node {
        case .symbol(_, let kind, _), .bigDelimiter(_, let kind): kind == .inner ? .ordinary : kind
        case .largeOperator: .largeOperator
        case .scripts(let s): if case .largeOperator = s.nucleus { .largeOperator } else { .ordinary }
        default: .ordinary
        }
    }

    func node(_ node: MathNode, italic: Bool) -> String {
        switch node {
        case .symbol(let text, _, let slanted):
            return slanted && italic ? "<i>\(escapeMarkup(text))</i>" : escapeMarkup(text)
        case .text(let text): return escapeMarkup(text)
        case .group(let nodes), .mathStyle(_, let nodes): return list(nodes, italic: italic)
        case .fraction(let num, let den):
            // Flat, a compound numerator or denominator keeps its parentheses:
            // (a + b)/c, not a + b/c.
            return parenthesised(num, italic: italic) + "/" + parenthesised(den, italic: italic)
        case .radical(let body, let index):
            let degree = index.map { "<sup>\(list($0, italic: italic, script: true))</sup>" } ?? ""
            return degree + "\u{221A}(\(list(body, italic: italic)))"
        case .scripts(let s): return scripts(s, italic: italic)
        case .largeOperator(let text, _): return escapeMarkup(text)
        case .delimited(let left, let body, let right):
            return escapeMarkup(left) + list(body, italic: italic) + escapeMarkup(right)
        case .bigDelimiter(let text, _): return escapeMarkup(text)
        case .accent(let mark, _, let base): return TeXMarkup.addCombining(mark, to: list(base, italic: italic))
        case .styled(let style, let nodes): return styled(style, nodes, italic: italic)
        case .limits(let base, let under, let over):
            var out = list(base, italic: italic)
            if let under { out += "<sub>\(list(under, italic: italic, script: true))</sub>" }
            if let over { out += "<sup>\(list(over, italic: italic, script: true))</sup>" }
            return out
        case .matrix(let kind, let rows):
            let (l, r) = kind.delimiters
            return escapeMarkup(l) + rows.map { $0.map { list($0, italic: italic) }.joined(separator: " ") }.joined(separator: "; ") + escapeMarkup(r)
        case .align(let rows):
            return rows.map { $0.map { list($0, italic: italic) }.joined(separator: " ") }.joined(separator: ", ")
        case .space(let space): return space.text
        }
    }

    func parenthesised(_ nodes: [MathNode], italic: Bool) -> String {
        let inner = list(nodes, italic: italic)
        return nodes.count > 1 ? "(\(inner))" : inner
    }

    func scripts(_ s: MathScripts, italic: Bool) -> String {
        var out = node(s.nucleus, italic: italic)
        func sub() { if let b = s.lower { out += "<sub>\(list(b, italic: italic, script: true))</sub>" } }
        func sup() {
            guard let p = s.upper else { return }
            // Primes are already raised glyphs: Y^\prime is Y′, not a tiny raised ′.
            if !p.isEmpty, p.allSatisfy({ $0 == .symbol("′", .ordinary, italic: false) }) {
                out += String(repeating: "′", count: p.count)
                return
            }
            // A upper after a slanted letter whose top leans over it (σ, f)
            // gets a hair space, TeX's italic correction, so σ² does not touch;
            // an italic capital like R ends in a leg and needs none.
            let leans = out.hasSuffix("</i>") && !TeXMarkup.endsInItalicCapital(out)
            out += (leans ? "\u{200A}" : "") + "<sup>\(list(p, italic: italic, script: true))</sup>"
        }
        if s.upperFirst { sup(); sub() } else { sub(); sup() }
        return out
    }

    /// Whether markup ends with `<i>X</i>` for an ASCII capital X.
    static func endsInItalicCapital(_ markup: String) -> Bool {
        let tail = markup.suffix(8)
        guard tail.count == 8, tail.hasPrefix("<i>") else { return false }
        let c = tail[tail.index(tail.startIndex, offsetBy: 3)]
        return c.isASCII && c.isUppercase
    }

    func styled(_ style: MathFontStyle, _ nodes: [MathNode], italic: Bool) -> String {
        switch style {
        case .calligraphic:
            let letters = nodes.map { node -> String in
                if case .symbol(let t, _, _) = node, let c = t.first, t.count == 1 { return TeXSymbols.script(c) }
                return TeXMarkup(mathFont: mathFont).node(node, italic: false)
            }.joined()
            return "<span font_family=\"\(mathFont)\">\(escapeMarkup(letters))</span>"
        case .bold: return "<b>\(list(nodes, italic: false))</b>"
        case .boldSymbol: return "<b>\(list(nodes, italic: italic))</b>"
        case .roman, .operatorName: return list(nodes, italic: false)
        case .italic: return list(nodes, italic: true)
        }
    }

    /// Puts a combining accent after every visible character of `markup`
    /// (outside tags and entities), which is how `\hat{\beta}` becomes β̂.
    static func addCombining(_ mark: Character, to markup: String) -> String {
        var out = ""
        var inTag = false, inEntity = false
        var pendingAfterEntity = false
        for c in markup {
            out.append(c)
            if inTag { if c == ">" { inTag = false }; continue }
            if inEntity { if c == ";" { inEntity = false; if pendingAfterEntity { out.append(mark) } }; continue }
            if c == "<" { inTag = true; continue }
            if c == "&" { inEntity = true; pendingAfterEntity = true; continue }
            if c == " " { continue }
            out.append(mark)
        }
        return out
    }
}
