import Foundation
import Support

/// A MyST ```` ```{figure} ```` directive: the image, its width, a name to
/// cross-reference with `{numref}`, and the caption as the directive's body
/// (and, on one line, as the alt text).
///
/// Every value goes through `MySTText`, so a caption cannot add an option,
/// close the fence or become markup.
public struct MySTFigure: Equatable {
    public var image: String
    public var name: String
    /// Logical pixels: the size the figure was designed at.
    public var width: Int
    public var caption: String?

    public init(image: String, name: String, width: Int, caption: String?) {
        self.image = image
        self.name = name
        self.width = width
        self.caption = caption
    }

    public var text: String {
        var lines = ["```{figure} \(MySTText.argument(image))", ":name: \(MySTText.optionValue(name))", ":width: \(width)px"]
        let body = caption.map(MySTText.paragraph) ?? ""
        if !body.isEmpty {
            lines.append(":alt: \(MySTText.optionValue(caption!))")
            lines.append("")
            lines.append(body)
        }
        lines.append("```")
        return lines.joined(separator: "\n") + "\n"
    }
}
