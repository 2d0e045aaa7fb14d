import Support
/// Translates the small TeX subset course labels use into Pango markup, so an
/// author writes `$\hat{\beta}_1 = -5.344$` exactly as in the lesson text.
///
/// Outside `$…$` text is literal (only `\$` is special). Inside, single letters
/// are set in italic as TeX does, digits and upright Greek capitals are not,
/// `-` becomes a true minus, binary operators and relations get spaces, `_`/`^`
/// become `<sub>`/`<sup>`, and accents use Unicode combining marks. Anything
/// not understood is a `TeXError`, never silently printed.
public enum TeX {
    /// The deepest a label may nest braces, sub- and superscripts and command
    /// arguments inside one another. The parser recurses once per level, and
    /// Pango's cost for nested `<sup>`/`<sub>` spans grows with the square of the
    /// depth (5 000 levels took 53 s and 3 GB); no label a course shows nests
    /// more than a handful.
    public static let maximumNesting = 32

    /// Pango markup for `source`. `mathFont` is the family used for `\mathcal`.
    public static func markup(_ source: String, mathFont: String = Theme.textbook.mathFontFamily) throws -> String {
        var parser = TeXParser(source: source, mathFont: mathFont)
        return try parser.document()
    }

    /// Every command the subset understands, for suggestions and documentation.
    public static var knownCommands: [String] { TeXSymbols.allCommands }
}

/// Pango markup escaping for plain text: Pango reads XML markup.
func escapeMarkup(_ s: String) -> String { XMLText.escaped(s) }

/// One unit of typeset math: its markup and its TeX class, which decides the
/// spacing around it and whether a following `-` is a sign or an operator.
struct MathAtom {
    enum Kind { case ordinary, binary, relation, open, close, punctuation, largeOperator }
    var markup: String
    var kind: Kind
}

struct TeXParser {
    let chars: [Character]
    let source: String
    let mathFont: String
    var index = 0
    /// How many groups and arguments enclose the current character.
    var depth = 0

    init(source: String, mathFont: String) {
        self.source = source
        self.chars = Array(source)
        self.mathFont = mathFont
    }

    func error(_ problem: TeXError.Problem, at i: Int, suggestion: String? = nil) -> TeXError {
        TeXError(problem: problem, column: i + 1, source: source, suggestion: suggestion)
    }

    /// One level deeper at character `i` (a brace or an argument); refused past
    /// `TeX.maximumNesting`.
    mutating func enter(at i: Int) throws {
        depth += 1
        guard depth <= TeX.maximumNesting else { throw error(.nestedTooDeep(limit: TeX.maximumNesting), at: i) }
    }

    mutating func document() throws -> String {
        var out = ""
        var text = ""
        while index < chars.count {
            let c = chars[index]
            if c == "\\" && index + 1 < chars.count && chars[index + 1] == "$" {
                text.append("$"); index += 2
            } else if c == "$" {
                out += escapeMarkup(text); text = ""
                let start = index
                index += 1
                let atoms = try mathList(until: "$", openedAt: start)
                guard index < chars.count, chars[index] == "$" else { throw error(.unterminatedMath, at: start) }
                index += 1
                out += TeXParser.join(atoms)
            } else {
                text.append(c); index += 1
            }
        }
        return out + escapeMarkup(text)
    }

    /// Joins atoms with TeX-like spacing: a space either side of binary
    /// operators and relations, none elsewhere.
    static func join(_ atoms: [MathAtom], script: Bool = false) -> String {
        // In sub- and superscripts TeX drops the space around operators.
        if script { return atoms.map(\.markup).joined() }
        var out = ""
        for (i, a) in atoms.enumerated() {
            switch a.kind {
            case .binary, .relation:
                out += (i == 0 ? "" : " ") + a.markup + (i == atoms.count - 1 ? "" : " ")
            case .punctuation:
                out += a.markup + (i == atoms.count - 1 ? "" : "\u{2009}")
            case .largeOperator:
                out += a.markup + "\u{2009}"
            default:
                out += a.markup
            }
        }
        return out
    }

    /// Atoms up to (not consuming) `terminator`, or to the end for groups
    /// closed by the caller.
    mutating func mathList(until terminator: Character, openedAt: Int, italic: Bool = true) throws -> [MathAtom] {
        var atoms: [MathAtom] = []
        while index < chars.count {
            let c = chars[index]
            if c == terminator { return atoms }
            if c == "}" { throw error(.unbalancedBrace, at: index) }
            if c == "$" { throw terminator == "}" ? error(.unbalancedBrace, at: openedAt) : error(.unexpectedCharacter("$"), at: index) }
            if c == " " || c == "\t" || c == "\n" { index += 1; continue }
            if c == "_" || c == "^" {
                let opAt = index
                index += 1
                let arg = try argument(italic: italic, for: String(c), at: opAt, script: true)
                let tag = c == "_" ? "sub" : "sup"
                if atoms.isEmpty { atoms.append(MathAtom(markup: "", kind: .ordinary)) }
                // Primes are already raised glyphs: Y^\prime is Y′, not a tiny raised ′.
                if c == "^" && !arg.isEmpty && arg.allSatisfy({ $0 == "′" }) {
                    atoms[atoms.count - 1].markup += arg
                } else {
                    // A superscript after a slanted letter gets a hair space,
                    // TeX's italic correction, so σ² does not touch.
                    let correction = c == "^" && atoms[atoms.count - 1].markup.hasSuffix("</i>") ? "\u{200A}" : ""
                    atoms[atoms.count - 1].markup += "\(correction)<\(tag)>\(arg)</\(tag)>"
                }
                if atoms[atoms.count - 1].kind != .largeOperator { atoms[atoms.count - 1].kind = .ordinary }
                continue
            }
            if let atom = try nextAtom(italic: italic, previous: atoms.last) { atoms.append(atom) }
        }
        if terminator == "$" { throw error(.unterminatedMath, at: openedAt) }
        if terminator == "}" { throw error(.unbalancedBrace, at: openedAt) }
        return atoms
    }

    /// A braced group or a single token, as markup (for `_`, `^` and commands).
    mutating func argument(italic: Bool, for command: String, at position: Int, script: Bool = false) throws -> String {
        while index < chars.count, chars[index] == " " { index += 1 }
        guard index < chars.count, chars[index] != "$", chars[index] != "}" else {
            throw error(.missingArgument(command: command), at: position)
        }
        try enter(at: index)
        defer { depth -= 1 }
        if chars[index] == "{" {
            let open = index
            index += 1
            let atoms = try mathList(until: "}", openedAt: open, italic: italic)
            index += 1
            return TeXParser.join(atoms, script: script)
        }
        guard let atom = try nextAtom(italic: italic, previous: nil, single: true) else {
            throw error(.missingArgument(command: command), at: position)
        }
        return atom.markup
    }

    /// The raw characters of a braced argument, for `\text{…}`.
    mutating func rawArgument(for command: String, at position: Int) throws -> String {
        while index < chars.count, chars[index] == " " { index += 1 }
        guard index < chars.count, chars[index] == "{" else { throw error(.missingArgument(command: command), at: position) }
        let open = index
        index += 1
        var depth = 0
        var text = ""
        while index < chars.count {
            let c = chars[index]
            if c == "{" { depth += 1 }
            if c == "}" {
                if depth == 0 { index += 1; return text }
                depth -= 1
            }
            text.append(c); index += 1
        }
        throw error(.unbalancedBrace, at: open)
    }

    mutating func nextAtom(italic: Bool, previous: MathAtom?, single: Bool = false) throws -> MathAtom? {
        let c = chars[index]
        if c.isNumber || (c == "." && index + 1 < chars.count && chars[index + 1].isNumber) {
            var digits = ""
            while index < chars.count, chars[index].isNumber || chars[index] == "." {
                digits.append(chars[index]); index += 1
                if single { break }
            }
            return MathAtom(markup: digits, kind: .ordinary)
        }
        if c.isLetter && c.isASCII {
            index += 1
            return MathAtom(markup: italic ? "<i>\(c)</i>" : String(c), kind: .ordinary)
        }
        if c == "{" {
            let open = index
            try enter(at: open)
            defer { depth -= 1 }
            index += 1
            let atoms = try mathList(until: "}", openedAt: open, italic: italic)
            index += 1
            return MathAtom(markup: TeXParser.join(atoms), kind: .ordinary)
        }
        if c == "\\" { return try command(italic: italic, previous: previous) }
        index += 1
        switch c {
        case "+": return MathAtom(markup: "+", kind: isUnaryPosition(previous) ? .ordinary : .binary)
        case "-": return MathAtom(markup: "\u{2212}", kind: isUnaryPosition(previous) ? .ordinary : .binary)
        case "*": return MathAtom(markup: "\u{2217}", kind: .binary)
        case "=": return MathAtom(markup: "=", kind: .relation)
        case "<": return MathAtom(markup: "&lt;", kind: .relation)
        case ">": return MathAtom(markup: "&gt;", kind: .relation)
        case ":": return MathAtom(markup: ":", kind: .relation)
        case ",", ";": return MathAtom(markup: String(c), kind: .punctuation)
        case "(", "[": return MathAtom(markup: String(c), kind: .open)
        case ")", "]", "!": return MathAtom(markup: String(c), kind: .close)
        case "'": return MathAtom(markup: "\u{2032}", kind: .ordinary)
        case "|", "/", ".": return MathAtom(markup: String(c), kind: .ordinary)
        case "&": return MathAtom(markup: "&amp;", kind: .ordinary)
        default:
            if c.isLetter || c.isSymbol || c.isPunctuation {
                return MathAtom(markup: escapeMarkup(String(c)), kind: .ordinary)
            }
            throw error(.unexpectedCharacter(c), at: index - 1)
        }
    }

    func isUnaryPosition(_ previous: MathAtom?) -> Bool {
        guard let previous else { return true }
        switch previous.kind {
        case .binary, .relation, .open, .punctuation, .largeOperator: return true
        default: return false
        }
    }

    mutating func command(italic: Bool, previous: MathAtom?) throws -> MathAtom? {
        let start = index
        index += 1
        guard index < chars.count else { throw error(.unknownCommand(""), at: start) }
        var name = ""
        if chars[index].isLetter && chars[index].isASCII {
            while index < chars.count, chars[index].isLetter, chars[index].isASCII { name.append(chars[index]); index += 1 }
        } else {
            name = String(chars[index]); index += 1
        }
        if let symbol = TeXSymbols.symbols[name] {
            var markup = symbol.text
            if symbol.italic && italic { markup = "<i>\(markup)</i>" }
            return MathAtom(markup: markup, kind: symbol.kind)
        }
        if let mark = TeXSymbols.accents[name] {
            let arg = try argument(italic: italic, for: name, at: start)
            return MathAtom(markup: TeXParser.addCombining(mark, to: arg), kind: .ordinary)
        }
        switch name {
        case "mathcal", "mathscr":
            let raw = try rawArgument(for: name, at: start)
            let letters = raw.filter { $0 != " " }.map { TeXSymbols.script($0) }.joined()
            return MathAtom(markup: "<span font_family=\"\(mathFont)\">\(escapeMarkup(letters))</span>", kind: .ordinary)
        case "mathbf":
            return MathAtom(markup: "<b>\(try argument(italic: false, for: name, at: start))</b>", kind: .ordinary)
        case "boldsymbol", "bm":
            return MathAtom(markup: "<b>\(try argument(italic: italic, for: name, at: start))</b>", kind: .ordinary)
        case "mathrm", "operatorname":
            return MathAtom(markup: try argument(italic: false, for: name, at: start), kind: .ordinary)
        case "mathit":
            return MathAtom(markup: try argument(italic: true, for: name, at: start), kind: .ordinary)
        case "text", "textrm", "mbox":
            return MathAtom(markup: escapeMarkup(try rawArgument(for: name, at: start)), kind: .ordinary)
        case "frac":
            let num = try argument(italic: italic, for: name, at: start)
            let den = try argument(italic: italic, for: name, at: start)
            return MathAtom(markup: "\(num)/\(den)", kind: .ordinary)
        case "sqrt":
            return MathAtom(markup: "\u{221A}(\(try argument(italic: italic, for: name, at: start)))", kind: .ordinary)
        case "left", "right", "bigl", "bigr", "big", "Big":
            while index < chars.count, chars[index] == " " { index += 1 }
            guard index < chars.count else { throw error(.missingArgument(command: name), at: start) }
            var delimiter: String
            if chars[index] == "\\" {
                let dStart = index
                index += 1
                var dName = ""
                if index < chars.count, chars[index].isLetter {
                    while index < chars.count, chars[index].isLetter { dName.append(chars[index]); index += 1 }
                } else if index < chars.count { dName = String(chars[index]); index += 1 }
                guard let d = TeXSymbols.symbols[dName] else {
                    throw error(.unknownCommand(dName), at: dStart, suggestion: TeXSymbols.nearest(to: dName))
                }
                delimiter = d.text
            } else {
                delimiter = chars[index] == "." ? "" : escapeMarkup(String(chars[index]))
                index += 1
            }
            let opening = name == "left" || name == "bigl"
            return MathAtom(markup: delimiter, kind: opening ? .open : .close)
        default:
            throw error(.unknownCommand(name), at: start, suggestion: TeXSymbols.nearest(to: name))
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
