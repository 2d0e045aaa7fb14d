/// The characters every escaper has to think about, named once so that each
/// output language's rules read as a list of decisions rather than ranges.
extension Unicode.Scalar {
    /// Every scalar some program reading our output may take as the end of a
    /// line: LF, CR, vertical tab, form feed, NEL, LINE SEPARATOR and
    /// PARAGRAPH SEPARATOR. TeX itself ends lines only at LF and CR, but an
    /// editor or a Markdown parser may break at the others, and a reviewer
    /// must see the same lines the tools do.
    var isLineBreak: Bool {
        switch value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// C0 and C1 control characters and DEL, other than tab and the line
    /// breaks above: invisible in an editor, invalid in XML, and "invalid
    /// characters" that stop LaTeX.
    var isOtherControl: Bool {
        switch value {
        case 0x00...0x08, 0x0E...0x1F, 0x7F...0x84, 0x86...0x9F: return true
        default: return false
        }
    }

    /// Unicode noncharacters (U+FDD0…U+FDEF and the last two of every plane),
    /// which XML forbids and HTML reports as parse errors.
    var isNoncharacter: Bool {
        (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// ASCII punctuation: the characters CommonMark lets a backslash escape.
    var isASCIIPunctuation: Bool {
        switch value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// TeX's own way of showing an unprintable byte: `^^@` for NUL, `^^?` for
    /// DEL, `^^85` for a C1 control. Printable ASCII, so it can be shown in
    /// any output once that output's own escaping is applied to it.
    var caretNotation: String {
        switch value {
        case 0x00..<0x20: return "^^" + String(Character(Unicode.Scalar(UInt8(value + 0x40))))
        case 0x7F: return "^^?"
        default:
            let hex = String(value, radix: 16)
            return "^^" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
        }
    }

    /// `%XX` for each UTF-8 byte, as in a URI: for links and paths that must
    /// keep their meaning while holding no character the surrounding syntax reads.
    var percentEncoded: String {
        String(self).utf8.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return "%" + (hex.count < 2 ? "0" : "") + hex
        }.joined()
    }
}
