import Support

/// One way a finished figure breaks the promise that every piece of text can
/// be read: it covers other text, a data mark or an axis line, or leaves the
/// canvas. It names both items by role and text, so an author can find them.
public struct LayoutViolation: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case textOverText = "text over text"
        case textOverDataMark = "text over a data mark"
        case textCrossesAxisLine = "text crossing an axis line"
        case textOutsideCanvas = "text outside the canvas"
    }

    public var kind: Kind
    public var text: TextBox
    /// The other text item, for `textOverText`.
    public var otherText: TextBox?
    /// The mark or axis line, for `textOverDataMark` and `textCrossesAxisLine`.
    public var obstacle: LayoutObstacle?

    /// `tick label "10" overlaps annotation "β̂₀ = 42"`: the words a warning or
    /// a check problem uses.
    public var description: String {
        let subject = Self.name(text)
        switch kind {
        case .textOverText:
            return "\(subject) overlaps \(otherText.map(Self.name) ?? "text")"
        case .textOverDataMark:
            return "\(subject) covers \(Self.name(obstacle))"
        case .textCrossesAxisLine:
            return "\(subject) crosses \(Self.name(obstacle))"
        case .textOutsideCanvas:
            return "\(subject) leaves the canvas"
        }
    }

    static func name(_ text: TextBox) -> String { "\(text.role.rawValue) \"\(text.plainText)\"" }

    static func name(_ obstacle: LayoutObstacle?) -> String {
        guard let obstacle else { return "a mark" }
        switch obstacle.role {
        case .axisLine: return "the \(obstacle.item.map { "\($0) " } ?? "")axis line"
        default: return obstacle.item.map { "\(obstacle.role.rawValue) \($0)" } ?? "a \(obstacle.role.rawValue)"
        }
    }
}

extension FigureLayout {
    /// How far text may overhang or overlap before it counts, in logical pixels.
    /// Text boxes are Pango's logical boxes (advance width × line height), which
    /// already hold a little space around the glyphs, so a 1-pixel overlap of
    /// two boxes, a mark or a line grazing one, or a box sticking 1 pixel out of
    /// the canvas does not touch any ink.
    public static let violationTolerance = 1.0

    /// Every text item that covers another text item, a data mark or an axis
    /// line, or leaves the canvas. Empty for a clean figure. Only marks the
    /// renderers recorded count (see `Canvas.record`); lines, segments and
    /// reference rules are recorded for reports but text may cross them (text
    /// there has a halo or a background).
    public func violations() -> [LayoutViolation] {
        let tolerance = Self.violationTolerance
        let inset = tolerance / 2
        var found: [LayoutViolation] = []
        let canvas = Rect(x: 0, y: 0, width: size.width, height: size.height)
        for (i, box) in textBoxes.enumerated() {
            if !canvas.contains(box.rect, tolerance: tolerance) {
                found.append(LayoutViolation(kind: .textOutsideCanvas, text: box))
            }
            for other in textBoxes[(i + 1)...] where box.rect.insetBy(inset).intersects(other.rect.insetBy(inset)) {
                found.append(LayoutViolation(kind: .textOverText, text: box, otherText: other))
            }
            // One violation per kind of obstacle and text item is enough to find it.
            if let mark = obstacles.first(where: { $0.role == .dataMark && $0.covers(box.rect, inset: tolerance) }) {
                found.append(LayoutViolation(kind: .textOverDataMark, text: box, obstacle: mark))
            }
            for line in obstacles where line.role == .axisLine && line.covers(box.rect, inset: tolerance) {
                found.append(LayoutViolation(kind: .textCrossesAxisLine, text: box, obstacle: line))
            }
        }
        return found
    }
}
