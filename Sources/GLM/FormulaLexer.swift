/// Splits a model formula into tokens that remember their character offset, so a
/// syntax error can put a caret under the exact token.
struct FormulaToken: Equatable {
    enum Kind: Equatable {
        /// A column name, bare (`age`) or backtick-quoted (`` `dose (mg)` ``).
        case name(String, quoted: Bool)
        case number(Double, text: String)
        /// A quoted string (`"6"` in `relevel(f, ref = "6")`), without its quotes.
        case string(String)
        /// One of `~ + - * / : ^ ( ) ,`.
        case symbol(Character)
        /// An operator of more than the symbols above: comparisons (`>`, `>=`, `==`,
        /// `!=`, `<`, `<=`), logic (`!`, `&`, `&&`, `|`, `||`), `=` for a named
        /// argument and R's `%op%` operators (`%in%`).
        case op(String)
        case end
    }

    var kind: Kind
    /// 0-based character offset in the formula text.
    var offset: Int
    /// Length in characters (for the caret underline).
    var length: Int

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .name(let name, let quoted): return quoted ? "`\(name)`" : name
        case .number(_, let text): return text
        case .string(let text): return "\"\(text)\""
        case .symbol(let symbol): return "'\(symbol)'"
        case .op(let op): return "'\(op)'"
        case .end: return "the end of the formula"
        }
    }
}

enum FormulaLexer {
    static func tokens(_ text: String) throws -> [FormulaToken] {
        let chars = Array(text)
        var tokens: [FormulaToken] = []
        var i = 0
        func isNameStart(_ c: Character) -> Bool { c.isLetter || c == "." || c == "_" }
        func isNameBody(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "." || c == "_" }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            if "~+-*/:^(),".contains(c) {
                tokens.append(FormulaToken(kind: .symbol(c), offset: i, length: 1))
                i += 1
                continue
            }
            if c == "\"" || c == "'" {
                guard let close = chars[(i + 1)...].firstIndex(of: c) else {
                    throw Diagnostic(
                        .badFormula, "quoted text is never closed",
                        excerpt: .init(text: text, offset: i),
                        suggestion: "add the closing \(c)")
                }
                tokens.append(FormulaToken(kind: .string(String(chars[(i + 1)..<close])), offset: i, length: close - i + 1))
                i = close + 1
                continue
            }
            if c == "%" {
                guard let close = chars[(i + 1)...].firstIndex(of: "%") else {
                    throw Diagnostic(
                        .badFormula, "an operator that starts with % is never closed",
                        excerpt: .init(text: text, offset: i), suggestion: "R's operators look like %in%")
                }
                tokens.append(FormulaToken(kind: .op(String(chars[i...close])), offset: i, length: close - i + 1))
                i = close + 1
                continue
            }
            if "<>=!&|".contains(c) {
                var op = String(c)
                if i + 1 < chars.count, ["<=", ">=", "==", "!=", "&&", "||"].contains(op + String(chars[i + 1])) {
                    op += String(chars[i + 1])
                }
                tokens.append(FormulaToken(kind: .op(op), offset: i, length: op.count))
                i += op.count
                continue
            }
            if c == "`" {
                guard let close = chars[(i + 1)...].firstIndex(of: "`") else {
                    throw Diagnostic(
                        .badFormula, "backtick-quoted name is never closed",
                        excerpt: .init(text: text, offset: i),
                        suggestion: "add the closing ` after the column name")
                }
                let name = String(chars[(i + 1)..<close])
                if name.isEmpty {
                    throw Diagnostic(.badFormula, "empty backtick-quoted name", excerpt: .init(text: text, offset: i, length: 2))
                }
                tokens.append(FormulaToken(kind: .name(name, quoted: true), offset: i, length: close - i + 1))
                i = close + 1
                continue
            }
            if c.isASCII && (c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber)) {
                let start = i
                while i < chars.count && chars[i].isASCII && (chars[i].isNumber || chars[i] == ".") { i += 1 }
                if i < chars.count && (chars[i] == "e" || chars[i] == "E") {
                    var j = i + 1
                    if j < chars.count && (chars[j] == "+" || chars[j] == "-") { j += 1 }
                    if j < chars.count && chars[j].isASCII && chars[j].isNumber {
                        i = j
                        while i < chars.count && chars[i].isASCII && chars[i].isNumber { i += 1 }
                    }
                }
                let literal = String(chars[start..<i])
                guard let value = Double(literal) else {
                    throw Diagnostic(
                        .badFormula, "malformed number \"\(literal)\"",
                        excerpt: .init(text: text, offset: start, length: i - start))
                }
                tokens.append(FormulaToken(kind: .number(value, text: literal), offset: start, length: i - start))
                continue
            }
            if isNameStart(c) {
                let start = i
                while i < chars.count && isNameBody(chars[i]) { i += 1 }
                tokens.append(FormulaToken(kind: .name(String(chars[start..<i]), quoted: false), offset: start, length: i - start))
                continue
            }
            throw Diagnostic(
                .badFormula, "unexpected character '\(c)'",
                excerpt: .init(text: text, offset: i),
                suggestion: "quote column names that contain spaces or punctuation with backticks, e.g. `my column`")
        }
        tokens.append(FormulaToken(kind: .end, offset: chars.count, length: 1))
        return tokens
    }
}
