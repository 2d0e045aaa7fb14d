/// User text inside XML: SVG, and the Pango markup labels are drawn from.
/// The five markup characters become references, so a name can never open a
/// tag, an entity, a CDATA end (`]]>` needs its `>`) or close an attribute;
/// characters XML 1.0 does not allow at all (control characters other than
/// tab, LF and CR; noncharacters) become U+FFFD, since even a reference to
/// them would make the document ill-formed.
///
/// Works on Unicode scalars: `"` followed by a combining mark is one Swift
/// `Character` but still closes an attribute.
public enum XMLText {
    /// Text content. CR is written as a reference because XML parsers turn a
    /// raw CR (and CRLF) into LF.
    public static func escaped(_ text: String) -> String {
        escape(text) { $0 == "\r" }
    }

    /// A quoted attribute value (either quote). Tab, LF and CR are written as
    /// references because attribute-value normalisation turns raw ones into
    /// spaces.
    public static func attribute(_ text: String) -> String {
        escape(text) { $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    /// Not allowed in an XML document even as a reference: C0 controls but
    /// tab, LF and CR; vertical tab and form feed among them. NEL and the C1
    /// controls are allowed by XML 1.0 but are line ends in XML 1.1 and
    /// invisible everywhere, so they go too. LINE and PARAGRAPH SEPARATOR are
    /// ordinary text in XML and HTML and stay.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isOtherControl || scalar.isNoncharacter || [0x0B, 0x0C, 0x85].contains(scalar.value)
    }

    static func escape(_ text: String, asReference: (Unicode.Scalar) -> Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if asReference(scalar) {
                    out += "&#\(scalar.value);"
                } else if isForbidden(scalar) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
