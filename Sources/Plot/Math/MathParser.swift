/// Reads a label in the TeX subset into plain text and math syntax trees.
/// One pass over the characters, recursing once per nesting level (bounded by
/// `TeX.maximumNesting`), so the time is linear in the label's length.
struct MathParser {
    let chars: [Character]
    let source: String
    var index = 0
    /// How many groups and arguments enclose the current character.
    var depth = 0

    init(source: String) {
        self.source = source
        self.chars = Array(source)
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

    /// The whole label: literal text outside `$…$` (only `\$` is special) and math inside.
    mutating func document() throws -> [LabelPiece] {
        var pieces: [LabelPiece] = []
        var text = ""
        while index < chars.count {
            let c = chars[index]
            if c == "\\" && index + 1 < chars.count && chars[index + 1] == "$" {
                text.append("$"); index += 2
            } else if c == "$" {
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                let start = index
                index += 1
                let list = try mathList(until: "$", openedAt: start)
                guard index < chars.count, chars[index] == "$" else { throw error(.unterminatedMath, at: start) }
                index += 1
                pieces.append(.math(list))
            } else {
                text.append(c); index += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    /// Math alone (no `$`), as an equation is written in display.
    mutating func displayMath() throws -> [MathNode] {
        try mathList(until: nil, openedAt: 0)
    }

    /// What ends a list besides its terminator: `&`, `\\` and `\end` inside an
    /// environment, `\right` inside `\left`.
    struct Stops: OptionSet {
        let rawValue: Int
        static let cell = Stops(rawValue: 1)
        static let right = Stops(rawValue: 2)
        /// The end of the enclosing group (`}`, `]`, `$`), left for the caller.
        static let group = Stops(rawValue: 4)
    }

    /// Nodes up to (not consuming) `terminator` (nil: the end of the source).
    mutating func mathList(until terminator: Character?, openedAt: Int, stops: Stops = []) throws -> [MathNode] {
        var nodes: [MathNode] = []
        while index < chars.count {
            let c = chars[index]
            if c == terminator { return nodes }
            if !stops.isDisjoint(with: [.right, .group]) && (c == "}" || c == "$" || c == "]") { return nodes }
            if c == "}" { throw error(.unbalancedBrace, at: index) }
            if c == "$" {
                throw terminator == "}" ? error(.unbalancedBrace, at: openedAt) : error(.unexpectedCharacter("$"), at: index)
            }
            if c == " " || c == "\t" || c == "\n" { index += 1; continue }
            if stops.contains(.cell) && (c == "&" || startsCommand("\\") || startsCommand("end")) { return nodes }
            if stops.contains(.right) && startsCommand("right") { return nodes }
            if startsCommand("limits") || startsCommand("nolimits") {
                // \limits after an operator sets its scripts above and below.
                let limits = startsCommand("limits")
                index += limits ? 7 : 9
                if case .largeOperator(let text, _) = nodes.last { nodes[nodes.count - 1] = .largeOperator(text, limits: limits) }
                continue
            }
            if c == "_" || c == "^" {
                let opAt = index
                index += 1
                let arg = try argument(for: String(c), at: opAt)
                attach(arg, upper: c == "^", to: &nodes)
                continue
            }
            if c == "'" {
                index += 1
                attach([.symbol("′", .ordinary, italic: false)], upper: true, to: &nodes)
                continue
            }
            let before = index
            if let node = try nextNode(previous: nodes.last) {
                nodes.append(node)
                if amsmathDotsSpace(from: before) { nodes.append(.space(.thin)) }
            }
        }
        if terminator == "$" { throw error(.unterminatedMath, at: openedAt) }
        if terminator == "}" { throw error(.unbalancedBrace, at: openedAt) }
        return nodes
    }

    /// Whether the source continues with the command `\name` (and not a longer one).
    func startsCommand(_ name: String) -> Bool {
        guard index < chars.count, chars[index] == "\\" else { return false }
        let n = Array(name)
        guard index + 1 + n.count <= chars.count else { return false }
        for (k, ch) in n.enumerated() where chars[index + 1 + k] != ch { return false }
        if n.first?.isLetter == true, index + 1 + n.count < chars.count, chars[index + 1 + n.count].isLetter { return false }
        return true
    }

    /// Attaches a script to the last node, as TeX does; a second script of the
    /// same kind wraps the first, and a script with no nucleus gets an empty one.
    func attach(_ script: [MathNode], upper: Bool, to nodes: inout [MathNode]) {
        let last = nodes.popLast() ?? .group([])
        let prime = MathNode.symbol("′", .ordinary, italic: false)
        if upper, case .scripts(var s) = last, let primes = s.upper, !primes.isEmpty, primes.allSatisfy({ $0 == prime }) {
            // Primes gather with what follows them: x''^2 is x^{′′2}, as TeX reads it.
            s.upper = primes + script
            nodes.append(.scripts(s))
            return
        }
        if case .scripts(var s) = last, (upper ? s.upper : s.lower) == nil {
            if upper {
                s.upper = script
            } else {
                s.lower = script
            }
            nodes.append(.scripts(s))
            return
        }
        var s = MathScripts(nucleus: last)
        if upper { s.upper = script; s.upperFirst = true } else { s.lower = script }
        nodes.append(.scripts(s))
    }

    /// A braced group or a single token (for `_`, `^` and command arguments).
    mutating func argument(for command: String, at position: Int) throws -> [MathNode] {
        while index < chars.count, chars[index] == " " { index += 1 }
        guard index < chars.count, chars[index] != "$", chars[index] != "}" else {
            throw error(.missingArgument(command: command), at: position)
        }
        try enter(at: index)
        defer { depth -= 1 }
        if chars[index] == "{" {
            let open = index
            index += 1
            let list = try mathList(until: "}", openedAt: open)
            index += 1
            return list
        }
        guard let node = try nextNode(previous: nil, single: true) else {
            throw error(.missingArgument(command: command), at: position)
        }
        return [node]
    }

    /// An optional `[…]` argument (the index of `\sqrt[3]{x}`).
    mutating func optionalArgument() throws -> [MathNode]? {
        while index < chars.count, chars[index] == " " { index += 1 }
        guard index < chars.count, chars[index] == "[" else { return nil }
        let open = index
        try enter(at: open)
        defer { depth -= 1 }
        index += 1
        let list = try mathList(until: "]", openedAt: open)
        guard index < chars.count else { throw error(.unbalancedBrace, at: open) }
        index += 1
        return list
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

    mutating func nextNode(previous: MathNode?, single: Bool = false) throws -> MathNode? {
        let c = chars[index]
        if c.isNumber || (c == "." && index + 1 < chars.count && chars[index + 1].isNumber) {
            var digits = ""
            while index < chars.count, chars[index].isNumber || chars[index] == "." {
                digits.append(chars[index]); index += 1
                if single { break }
            }
            return .symbol(digits, .ordinary, italic: false)
        }
        if c.isLetter && c.isASCII {
            index += 1
            return .symbol(String(c), .ordinary, italic: true)
        }
        if c == "{" {
            let open = index
            try enter(at: open)
            defer { depth -= 1 }
            index += 1
            let list = try mathList(until: "}", openedAt: open)
            index += 1
            return .group(list)
        }
        if c == "\\" { return try command(previous: previous) }
        index += 1
        let unary = MathParser.isUnaryPosition(previous)
        switch c {
        case "+": return .symbol("+", unary ? .ordinary : .binary, italic: false)
        case "-": return .symbol("\u{2212}", unary ? .ordinary : .binary, italic: false)
        case "*": return .symbol("\u{2217}", .binary, italic: false)
        case "=", "<", ">", ":": return .symbol(String(c), .relation, italic: false)
        case ",", ";": return .symbol(String(c), .punctuation, italic: false)
        case "(", "[": return .symbol(String(c), .open, italic: false)
        case ")", "]", "!": return .symbol(String(c), .close, italic: false)
        case "|", "/", ".", "&": return .symbol(String(c), .ordinary, italic: false)
        case "~": return .space(.nonBreaking)
        default:
            if c.isLetter || c.isSymbol || c.isPunctuation { return .symbol(String(c), .ordinary, italic: false) }
            throw error(.unexpectedCharacter(c), at: index - 1)
        }
    }

    /// Whether a `+` or `-` here is a sign rather than an operator.
    static func isUnaryPosition(_ previous: MathNode?) -> Bool {
        guard let previous else { return true }
        switch previous {
        case .symbol(_, let kind, _), .bigDelimiter(_, let kind):
            return [.binary, .relation, .open, .punctuation, .largeOperator].contains(kind)
        case .largeOperator: return true
        default: return false
        }
    }

    mutating func commandName() -> String {
        var name = ""
        if chars[index].isLetter && chars[index].isASCII {
            while index < chars.count, chars[index].isLetter, chars[index].isASCII { name.append(chars[index]); index += 1 }
        } else {
            name = String(chars[index]); index += 1
        }
        return name
    }

    /// amsmath ends `\dots` (set as `\dotso`) and `\cdots` with a thin space
    /// when what follows is a closing delimiter, `\right` or the end of the
    /// math; a matrix or align cell's `&` counts as that end, since the cell
    /// template's `$` is what amsmath's look-ahead sees there. `\cdots` also
    /// before `,` `;` `.` (amsmath.sty, \extra@ and \extrap@).
    func amsmathDotsSpace(from start: Int) -> Bool {
        guard chars[start] == "\\" else { return false }
        var k = start + 1, name = ""
        while k < chars.count, chars[k].isLetter { name.append(chars[k]); k += 1 }
        guard k == index, name == "dots" || name == "cdots" else { return false }
        while k < chars.count, chars[k] == " " || chars[k] == "\n" || chars[k] == "\t" { k += 1 }
        guard k < chars.count else { return true }
        let c = chars[k]
        if "&$)]".contains(c) { return true }
        if name == "cdots" && ",;.".contains(c) { return true }
        if c == "\\" {
            var word = ""
            var j = k + 1
            while j < chars.count, chars[j].isLetter { word.append(chars[j]); j += 1 }
            if word.isEmpty { return j < chars.count && chars[j] == "}" }
            return ["right", "rangle", "rbrace", "rbrack", "rvert", "rVert", "rceil", "rfloor"].contains(word)
        }
        return false
    }

    mutating func command(previous: MathNode?) throws -> MathNode? {
        let start = index
        index += 1
        guard index < chars.count else { throw error(.unknownCommand(""), at: start) }
        let name = commandName()
        if let space = TeXSymbols.spaces[name] { return .space(space) }
        if let op = TeXSymbols.largeOperators[name] { return .largeOperator(op.text, limits: op.limits) }
        if name == "dots" {
            // amsmath's \dots: centred before an operator or relation, low otherwise.
            var j = index
            while j < chars.count, chars[j] == " " { j += 1 }
            let next = j < chars.count ? chars[j] : " "
            var binary = "+-=<>*".contains(next)
            if next == "\\" {
                var k = j + 1, word = ""
                while k < chars.count, chars[k].isLetter { word.append(chars[k]); k += 1 }
                binary = [.binary, .relation].contains(TeXSymbols.symbols[word]?.kind)
            }
            return .symbol(binary ? "⋯" : "…", .inner, italic: false)
        }
        if let symbol = TeXSymbols.symbols[name] {
            var kind = symbol.kind
            if (symbol.text == "+" || symbol.text == "−") && MathParser.isUnaryPosition(previous) { kind = .ordinary }
            return .symbol(symbol.text, kind, italic: symbol.italic)
        }
        if let mark = TeXSymbols.accents[name] {
            return .accent(mark: mark, wide: TeXSymbols.wideAccents.contains(name), base: try argument(for: name, at: start))
        }
        switch name {
        case "mathcal", "mathscr":
            let raw = try rawArgument(for: name, at: start)
            return .styled(.calligraphic, raw.filter { $0 != " " }.map { .symbol(String($0), .ordinary, italic: false) })
        case "mathbf": return .styled(.bold, try argument(for: name, at: start))
        case "boldsymbol", "bm": return .styled(.boldSymbol, try argument(for: name, at: start))
        case "mathrm": return .styled(.roman, try argument(for: name, at: start))
        case "operatorname": return .styled(.operatorName, try argument(for: name, at: start))
        case "mathit": return .styled(.italic, try argument(for: name, at: start))
        case "text", "textrm", "mbox": return .text(try rawArgument(for: name, at: start))
        case "frac", "dfrac", "tfrac":
            let num = try argument(for: name, at: start)
            let fraction = MathNode.fraction(numerator: num, denominator: try argument(for: name, at: start))
            if name == "frac" { return fraction }
            return .mathStyle(name == "dfrac" ? .display : .text, [fraction])
        case "displaystyle", "textstyle":
            // The rest of the enclosing list, in that style.
            let rest = try mathList(until: nil, openedAt: start, stops: [.cell, .right, .group])
            return .mathStyle(name == "displaystyle" ? .display : .text, rest)
        case "sqrt":
            let index = try optionalArgument()
            return .radical(try argument(for: name, at: start), index: index)
        case "underset", "overset":
            let script = try argument(for: name, at: start)
            let base = try argument(for: name, at: start)
            return name == "underset" ? .limits(base: base, under: script, over: nil) : .limits(base: base, under: nil, over: script)
        case "left":
            let left = try delimiter(for: name, at: start)
            try enter(at: start)
            defer { depth -= 1 }
            let body = try mathList(until: nil, openedAt: start, stops: [.right])
            // A `\left` never closed reads as if `\right.` ended its group, as the
            // flat labels written before `\right` was required did.
            guard startsCommand("right") else { return .delimited(left: left, body: body, right: "") }
            let rightAt = index
            index += 1
            _ = commandName()
            return .delimited(left: left, body: body, right: try delimiter(for: "right", at: rightAt))
        case "right", "bigr", "big", "Big", "bigl", "Bigl", "Bigr":
            let d = try delimiter(for: name, at: start)
            return .bigDelimiter(d, name == "bigl" || name == "Bigl" ? .open : .close)
        case "begin":
            return try environment(at: start)
        default:
            throw error(.unknownCommand(name), at: start, suggestion: TeXSymbols.nearest(to: name))
        }
    }

    /// The delimiter after `\left`, `\right`, `\big…`: a character, a command or `.`.
    mutating func delimiter(for command: String, at start: Int) throws -> String {
        while index < chars.count, chars[index] == " " { index += 1 }
        guard index < chars.count, chars[index] != "$" else { throw error(.missingArgument(command: command), at: start) }
        if chars[index] == "\\" {
            let dStart = index
            index += 1
            guard index < chars.count else { throw error(.missingArgument(command: command), at: start) }
            let dName = commandName()
            guard let d = TeXSymbols.symbols[dName] else {
                throw error(.unknownCommand(dName), at: dStart, suggestion: TeXSymbols.nearest(to: dName))
            }
            return d.text
        }
        let c = chars[index]
        index += 1
        return c == "." ? "" : String(c)
    }

    /// `\begin{name} … \end{name}` for the matrix and align environments.
    mutating func environment(at start: Int) throws -> MathNode {
        let name = try rawArgument(for: "begin", at: start)
        guard let kind = TeXSymbols.environments[name] else {
            throw error(.unknownCommand(name), at: start, suggestion: TeXSymbols.nearestEnvironment(to: name))
        }
        try enter(at: start)
        defer { depth -= 1 }
        var rows: [[[MathNode]]] = []
        var row: [[MathNode]] = []
        while true {
            row.append(try mathList(until: nil, openedAt: start, stops: [.cell]))
            guard index < chars.count else { throw error(.missingArgument(command: "end{\(name)}"), at: start) }
            if chars[index] == "&" { index += 1; continue }
            if startsCommand("\\") {
                index += 2
                rows.append(row); row = []
                continue
            }
            // \end
            let endAt = index
            index += 4
            let closing = try rawArgument(for: "end", at: endAt)
            guard closing == name else {
                throw error(.unknownCommand("end{\(closing)}"), at: endAt, suggestion: "end{\(name)}")
            }
            break
        }
        // A trailing `\\` leaves an empty last row, which TeX does not set.
        if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
        if let kind { return .matrix(kind, rows: rows) }
        return .align(rows: rows)
    }
}
