import Yams

/// Where each character of a model's formula sits in its spec, so that a caret
/// the formula parser puts under a character becomes the spec's own line and
/// column, also when the formula is a YAML block scalar (`|`, `>-`), spans lines,
/// or is quoted with `''` or backslash escapes.
///
/// The places are found by walking the spec text from the scalar's start and
/// matching every character of the value libyaml produced, skipping only what
/// YAML itself removes (quotes, indentation, folded line breaks, escapes). When
/// the walk cannot account for a character (an indentation indicator, text
/// libyaml reads differently), there are no places, and a message names the
/// formula's line and shows the formula with a caret instead of guessing a column.
public struct FormulaSource: Sendable, Equatable {
    /// Where the formula's value starts (its first character, opening quote or
    /// block indicator), on the line of its key.
    public var start: SourceLocation
    /// Spec line and column (1-based, in Unicode scalars, as libyaml counts) of
    /// each character of the formula; nil when they could not be matched.
    var places: [Place]?

    struct Place: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    /// The spec location of the formula's character `offset` (0-based, in
    /// characters, as formula diagnostics count); nil when it is not known.
    /// `offset` may be the formula's length (the caret after its end).
    public func location(ofCharacter offset: Int) -> SourceLocation? {
        guard let places, offset >= 0 else { return nil }
        if offset < places.count {
            return SourceLocation(file: start.file, line: places[offset].line, column: places[offset].column)
        }
        guard offset == places.count, let last = places.last else { return nil }
        return SourceLocation(file: start.file, line: last.line, column: last.column + 1)
    }

    init(start: SourceLocation, places: [Place]?) {
        self.start = start
        self.places = places
    }

    /// The places of the scalar `node` in the spec whose text is split into
    /// `lines` (by `lines(of:)`, once per spec: a walk then costs only the
    /// formula's length, however many models the spec has).
    init(node: Node, lines: [[Unicode.Scalar]], file: String) {
        let start = SourceLocation(file: file, node: node)
        guard case .scalar(let scalar) = node, let mark = node.mark else {
            self.init(start: start, places: nil)
            return
        }
        var walk = Walk(lines: lines, line: mark.line - 1, column: mark.column - 1, style: scalar.style)
        let scalarPlaces = walk.places(of: Array(scalar.string.unicodeScalars))
        guard let scalarPlaces else {
            self.init(start: start, places: nil)
            return
        }
        // One place per character: that of its first scalar.
        var places: [Place] = []
        var index = 0
        for character in scalar.string {
            places.append(scalarPlaces[index])
            index += character.unicodeScalars.count
        }
        self.init(start: start, places: places)
    }

    /// The text split into lines of scalars the way libyaml breaks lines (LF,
    /// CRLF, CR, NEL, LS, PS), without the breaks; a leading BOM is not counted.
    static func lines(of text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var previousWasCR = false
        for scalar in scalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) {
                lines.append([])
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        return lines
    }

    /// A cursor over the spec text that matches a scalar's value character by
    /// character.
    private struct Walk {
        let lines: [[Unicode.Scalar]]
        var line: Int
        var column: Int
        let style: Node.Scalar.Style
        /// The indentation of a block scalar's content lines.
        var indent = 0
        /// Where the current line's content ends: its length in a block scalar,
        /// after its last non-blank in a flow scalar (trailing blanks fold away).
        var contentEnd = 0

        init(lines: [[Unicode.Scalar]], line: Int, column: Int, style: Node.Scalar.Style) {
            self.lines = lines
            self.line = line
            self.column = column
            self.style = style
            findContentEnd()
        }

        /// Found once per line, so the walk stays linear in the line's length.
        mutating func findContentEnd() {
            guard line >= 0, line < lines.count else { return }
            contentEnd = isBlock ? current.count : (current.lastIndex { $0 != " " && $0 != "\t" }.map { $0 + 1 } ?? 0)
        }

        var isBlock: Bool { style == .literal || style == .folded }
        var current: [Unicode.Scalar] { lines[line] }
        var place: Place { Place(line: line + 1, column: column + 1) }

        /// Whether only blanks (or, for a block scalar, nothing) are left on the line.
        var atLineEnd: Bool { column >= contentEnd }

        mutating func places(of value: [Unicode.Scalar]) -> [Place]? {
            guard line >= 0, line < lines.count, column >= 0, column <= current.count else { return nil }
            if isBlock {
                guard startBlock() else { return nil }
            } else if style == .singleQuoted || style == .doubleQuoted {
                column += 1  // the opening quote
            }
            var places: [Place] = []
            var index = 0
            while index < value.count {
                let wanted = value[index]
                if atLineEnd {
                    let breakPlace = Place(line: line + 1, column: min(column, current.count) + 1)
                    guard nextLine() else { return nil }
                    // A break that folded into a space or stayed a line feed; a
                    // break the folding dropped produces nothing.
                    if wanted == " " || wanted == "\n" {
                        places.append(breakPlace)
                        index += 1
                    }
                    continue
                }
                let c = current[column]
                if style == .doubleQuoted, c == "\\" {
                    guard column + 1 < current.count else {
                        // An escaped line break joins the lines with nothing.
                        guard nextLine() else { return nil }
                        continue
                    }
                    guard let (decoded, length) = escape(at: column), decoded == wanted else { return nil }
                    places.append(place)
                    column += length
                    index += 1
                } else if style == .singleQuoted, c == "'" {
                    guard column + 1 < current.count, current[column + 1] == "'", wanted == "'" else { return nil }
                    places.append(place)
                    column += 2
                    index += 1
                } else if c == wanted {
                    places.append(place)
                    column += 1
                    index += 1
                } else {
                    return nil
                }
            }
            return places
        }

        /// Moves past a block scalar's header line to its first content line and
        /// finds the indentation; false for an explicit indentation indicator.
        mutating func startBlock() -> Bool {
            let header = current[column...].prefix { $0 != " " && $0 != "\t" && $0 != "#" }
            guard header.dropFirst().allSatisfy({ $0 == "+" || $0 == "-" }) else { return false }
            var probe = line + 1
            while probe < lines.count, lines[probe].allSatisfy({ $0 == " " }) { probe += 1 }
            guard probe < lines.count else { return false }
            indent = lines[probe].prefix { $0 == " " }.count
            line += 1
            column = min(indent, current.count)
            findContentEnd()
            return true
        }

        /// To the start of the next line's content: past the indentation of a
        /// block scalar, past all leading blanks of a flow scalar.
        mutating func nextLine() -> Bool {
            line += 1
            guard line < lines.count else { return false }
            if isBlock {
                column = min(indent, current.count)
            } else {
                column = current.prefix { $0 == " " || $0 == "\t" }.count
            }
            findContentEnd()
            return true
        }

        /// The scalar a double-quoted escape at `at` stands for, and its length.
        func escape(at start: Int) -> (Unicode.Scalar, Int)? {
            let simple: [Unicode.Scalar: Unicode.Scalar] = [
                "0": "\0", "a": "\u{7}", "b": "\u{8}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{B}",
                "f": "\u{C}", "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\",
                "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
            ]
            let code = current[start + 1]
            if let scalar = simple[code] { return (scalar, 2) }
            let digits = code == "x" ? 2 : code == "u" ? 4 : code == "U" ? 8 : 0
            guard digits > 0, start + 2 + digits <= current.count else { return nil }
            let hex = String(String.UnicodeScalarView(current[(start + 2)..<(start + 2 + digits)]))
            guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, 2 + digits)
        }
    }
}
