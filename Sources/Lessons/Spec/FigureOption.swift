/// A validated option value of a figure (the spec reader has already checked
/// its type and range against the option's declaration, `FigureOptionKey`).
public enum FigureOption: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case string(String)
    case numbers([Double])
    case strings([String])
    case contrasts([FigureContrast])
    case equations([EquationSource])

    /// The type and allowed range of an option, used to validate the spec.
    enum ValueType: Sendable {
        case number(ClosedRange<Double>)
        case integer(ClosedRange<Int>)
        case bool
        case string
        case numbers
        /// One word from a fixed set.
        case choice([String])
        /// A list of words from a fixed set (also accepts a single word).
        case choices([String])
        /// A count in the range, or the word standing for "without end" (read as 0).
        case countOrForever(ClosedRange<Int>, word: String)
        /// Named contrasts: a mapping of names to weights or column names (`FigureContrast`).
        case contrasts
        /// Display equations in TeX, one or a list (`EquationSource`).
        case equations
    }

    static func read(_ node: SpecNode, as type: ValueType, name: String, lines: [[Unicode.Scalar]] = []) throws -> FigureOption {
        let what = "option '\(name)'"
        switch type {
        case .number(let range):
            let value = try node.double(what)
            guard range.contains(value) else {
                throw node.fail("\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
            }
            return .number(value)
        case .integer(let range):
            return .integer(try node.int(what, in: range))
        case .bool:
            return .bool(try node.bool(what))
        case .string:
            return .string(try node.string(what))
        case .numbers:
            let values = try node.doubles(what)
            guard !values.isEmpty else { throw node.fail("\(what) needs at least one number") }
            return .numbers(values)
        case .choice(let words):
            let word = try node.string(what)
            guard words.contains(word) else {
                throw node.fail("unknown value '\(word)' for \(what)", suggestion: NearestWord.hint(for: word, among: words))
            }
            return .string(word)
        case .choices(let words):
            let items: [SpecNode]
            if case .sequence = node.node { items = try node.sequence(what) } else { items = [node] }
            var chosen: [String] = []
            for item in items {
                let word = try item.string("each entry of \(what)")
                guard words.contains(word) else {
                    throw item.fail("unknown value '\(word)' for \(what)",
                                    suggestion: NearestWord.hint(for: word, among: words))
                }
                if !chosen.contains(word) { chosen.append(word) }
            }
            return .strings(chosen)
        case .countOrForever(let range, let word):
            if case .scalar(let scalar) = node.node, SpecNode.parseNumber(scalar.string) == nil {
                let text = scalar.string
                guard text == word else {
                    throw node.fail("\(what) must be '\(word)' or a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'",
                                    suggestion: NearestWord.hint(for: text, among: [word]))
                }
                return .integer(0)
            }
            return .integer(try node.int(what, in: range))
        case .contrasts:
            return .contrasts(try FigureContrast.readAll(node, name: name))
        case .equations:
            return .equations(try EquationSource.readAll(node, name: name, lines: lines))
        }
    }
}
