import Foundation

/// Anything that can draw itself on a `Canvas`: a `Chart`, a `Chart3D`, a
/// `MatrixImage`, or a figure kind defined elsewhere. Rendering to PNG, SVG,
/// PDF and raw pixels comes with the protocol (see `Figure+Rendering`).
public protocol Figure: Sendable {
    /// Size in logical pixels; PNG output multiplies it by a pixel density.
    var size: Size { get }
    var theme: Theme { get }
    /// The title and description written into SVG output for screen readers;
    /// nil writes none. Stored by each figure so a caller that knows what the
    /// figure shows can set it on any figure (`FigureAccessibility`).
    var accessibility: FigureAccessibility? { get set }
    /// Draws the whole figure. Throws for invalid labels (see `TeXError`).
    func draw(on canvas: Canvas) throws
    /// Refuses, before anything is drawn, coordinates that cannot be drawn: values
    /// that are not finite numbers, and scales that overflow, collapse or leave the
    /// canvas (see `SceneScales`). Drawing skips non-finite values; a caller that
    /// must not publish a figure with silently missing marks calls this first.
    func validateScales() throws
}

extension Figure {
    /// Figures without data scales have nothing to check.
    public func validateScales() throws {}
}

/// What a finished figure put where: every text box with its role, every box
/// chosen by automatic placement, and the drawn elements text must respect
/// (markers, axis lines, segments). `violations()` checks it.
public struct FigureLayout: Sendable {
    public var size: Size
    public var textBoxes: [TextBox]
    public var placedBoxes: [Rect]
    public var obstacles: [LayoutObstacle]

    public init(size: Size, textBoxes: [TextBox], placedBoxes: [Rect] = [], obstacles: [LayoutObstacle] = []) {
        self.size = size; self.textBoxes = textBoxes; self.placedBoxes = placedBoxes; self.obstacles = obstacles
    }

    /// Pairs of text items whose boxes overlap by more than `tolerance` pixels
    /// in both directions.
    public func overlappingText(tolerance: Double = 0.5) -> [(TextBox, TextBox)] {
        var pairs: [(TextBox, TextBox)] = []
        for i in textBoxes.indices {
            for j in textBoxes.indices where j > i {
                let a = textBoxes[i].rect.insetBy(tolerance), b = textBoxes[j].rect.insetBy(tolerance)
                if a.intersects(b) { pairs.append((textBoxes[i], textBoxes[j])) }
            }
        }
        return pairs
    }

    /// Text items that stick out of the canvas.
    public func textOutsideCanvas(tolerance: Double = 0.5) -> [TextBox] {
        let canvas = Rect(x: 0, y: 0, width: size.width, height: size.height)
        return textBoxes.filter { !canvas.contains($0.rect, tolerance: tolerance) }
    }
}
