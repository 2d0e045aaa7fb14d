import Foundation

/// How a piece of text is set: size in logical pixels, colour, weight.
public struct TextStyle: Hashable, Sendable {
    public var size: Double
    public var color: Color
    public var bold: Bool
    public var family: String
    /// Lines of wrapped text centred on each other (tick labels, titles under
    /// a plot) rather than flush left.
    public var centered = false

    public init(size: Double, color: Color = .ink, bold: Bool = false, family: String = Theme.textbook.fontFamily) {
        self.size = size; self.color = color; self.bold = bold; self.family = family
    }
}

/// Which point of a text box sits on the position given when drawing it.
public struct TextAnchor: Hashable, Sendable {
    public enum Horizontal: Sendable { case left, center, right }
    public enum Vertical: Sendable { case top, middle, bottom }
    public var horizontal: Horizontal
    public var vertical: Vertical
    public init(_ horizontal: Horizontal, _ vertical: Vertical) { self.horizontal = horizontal; self.vertical = vertical }

    public static let center = TextAnchor(.center, .middle)
    public static let topLeft = TextAnchor(.left, .top)
    public static let top = TextAnchor(.center, .top)
    public static let topRight = TextAnchor(.right, .top)
    public static let left = TextAnchor(.left, .middle)
    public static let right = TextAnchor(.right, .middle)
    public static let bottomLeft = TextAnchor(.left, .bottom)
    public static let bottom = TextAnchor(.center, .bottom)
    public static let bottomRight = TextAnchor(.right, .bottom)
}

/// A drawn piece of text and the box it occupies on the figure, in logical
/// pixels. Collected for every text item so layouts can be checked.
public struct TextBox: Hashable, Sendable {
    /// Pango markup as drawn.
    public var text: String
    public var rect: Rect
    public var role: TextRole
    /// The data item the text shows where there is one (a tick's value, a
    /// coefficient's name), so a report can point at the data, not the pixels.
    public var item: String?

    public init(text: String, rect: Rect, role: TextRole = .dataLabel, item: String? = nil) {
        self.text = text; self.rect = rect; self.role = role; self.item = item
    }

    /// The text as a reader sees it: markup tags dropped and entities decoded.
    public var plainText: String {
        var out = "", inTag = false
        for c in text {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        for (entity, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: c)
        }
        // Two-dimensional math stands in the markup as one character; a reader gets its flat form.
        guard out.unicodeScalars.contains(where: { MathFragments.fragment($0) != nil }) else { return out }
        return out.unicodeScalars.map { MathFragments.fragment($0)?.plain ?? String($0) }.joined()
    }
}
