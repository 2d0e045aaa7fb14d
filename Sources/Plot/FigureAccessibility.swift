import Support

/// What a screen reader announces for a figure: a short title and a longer
/// description of what it shows. Plot only carries and writes them (SVG
/// `<title>` and `<desc>`, the PDF title); the caller that knows what the
/// figure means (`Lessons`) writes the words.
public struct FigureAccessibility: Sendable, Equatable {
    public var title: String
    public var description: String

    public init(title: String, description: String) {
        self.title = title
        self.description = description
    }
}

/// Puts `<title>` and `<desc>` first inside the root `<svg>` element, where
/// SVG 1.1 and 2 say assistive technology looks for a document's name and
/// description (cairo writes neither).
enum SVGAccessibility {
    static func inserting(_ accessibility: FigureAccessibility, into svg: [UInt8]) -> [UInt8] {
        guard let open = svg.firstRange(of: Array("<svg".utf8)),
              let end = svg[open.upperBound...].firstIndex(of: UInt8(ascii: ">")) else { return svg }
        let elements = "\n<title>\(XMLText.escaped(accessibility.title))</title>\n"
            + "<desc>\(XMLText.escaped(accessibility.description))</desc>"
        var out = svg
        out.insert(contentsOf: Array(elements.utf8), at: end + 1)
        return out
    }
}
