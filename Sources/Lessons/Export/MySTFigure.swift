import Foundation

/// A MyST ```` ```{figure} ```` directive: the image, its width, a name to
/// cross-reference with `{numref}`, and the caption as the directive's body.
struct MySTFigure: Equatable {
    var image: String
    var name: String
    /// Logical pixels: the size the figure was designed at.
    var width: Int
    var caption: String?

    var text: String {
        var lines = ["```{figure} \(image)", ":name: \(name)", ":width: \(width)px"]
        if let caption, !caption.isEmpty {
            lines.append(":alt: \(Self.singleLine(caption))")
            lines.append("")
            lines.append(Self.escaped(caption))
        }
        lines.append("```")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Captions are plain text; characters that Markdown (and MyST's dollar
    /// math) would read as markup are escaped so they print as written.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>$#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Option values end at the line break, so the alt text is one line.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }
}
