import Foundation
import Support

/// A MyST ```` ```{figure} ```` directive: the image, its width, a name to
/// cross-reference with `{numref}`, the alt text and the caption as the
/// directive's body. The alt text is the figure's generated description
/// (what it shows, from the data and the fit), not the caption again: a
/// screen reader reads both, and the caption is printed right below.
///
/// Every value goes through `MySTText`, so a caption cannot add an option,
/// close the fence or become markup.
public struct MySTFigure: Equatable {
    public var image: String
    public var name: String
    /// Logical pixels: the size the figure was designed at.
    public var width: Int
    public var caption: String?
    /// What the figure shows, for a reader who cannot see it; the caption
    /// stands in when there is none.
    public var alt: String?

    public init(image: String, name: String, width: Int, caption: String?, alt: String? = nil) {
        self.image = image
        self.name = name
        self.width = width
        self.caption = caption
        self.alt = alt
    }

    public var text: String {
        var lines = ["```{figure} \(MySTText.argument(image))", ":name: \(MySTText.optionValue(name))", ":width: \(width)px"]
        let body = caption.map(MySTText.paragraph) ?? ""
        if let alt = alt ?? (body.isEmpty ? nil : caption), !MySTText.optionValue(alt).isEmpty {
            lines.append(":alt: \(MySTText.optionValue(alt))")
        }
        if !body.isEmpty {
            lines.append("")
            lines.append(body)
        }
        lines.append("```")
        return lines.joined(separator: "\n") + "\n"
    }
}
