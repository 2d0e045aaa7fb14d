/// An annotation's lines, typeset and measured once, drawn as a block on a
/// translucent background so it stays readable over grid lines.
///
/// Shared by the 2-D and 3-D renderers: they differ in where a block goes, not in
/// how it looks.
struct AnnotationBlock {
    static let padding = 6.0
    static let lineGap = 3.0

    let style: TextStyle
    let markups: [String]
    let lineSizes: [Size]

    /// `maxWidth` is the widest the block may be: a line longer than that
    /// wraps (see `MarkupWrap`) rather than leave the plot or the canvas.
    init(_ annotation: Annotation, theme: Theme, canvas: Canvas, maxWidth: Double = .infinity) throws {
        let style = TextStyle(size: annotation.size ?? theme.annotationSize,
                              color: annotation.color ?? theme.foreground, family: theme.fontFamily)
        let markups = try annotation.lines.map { canvas.wrapped(try TeX.markup($0), style: style, width: maxWidth - 2 * Self.padding) }
        self.style = style
        self.markups = markups
        self.lineSizes = markups.map { canvas.measure(markup: $0, style: style) }
    }

    /// The block's outer size, padding included.
    var size: Size {
        let gaps = Self.lineGap * Double(max(0, lineSizes.count - 1))
        return Size(width: (lineSizes.map(\.width).max() ?? 0) + 2 * Self.padding,
                    height: lineSizes.map(\.height).reduce(0, +) + gaps + 2 * Self.padding)
    }

    /// Draws the block in `box` and records the box so later text avoids it.
    func draw(in box: Rect, on canvas: Canvas, background: Color) {
        canvas.fill(box, background.withAlpha(0.88))
        var y = box.minY + Self.padding
        for (markup, lineSize) in zip(markups, lineSizes) {
            canvas.text(markup: markup, style: style, at: Point(box.minX + Self.padding, y), anchor: .topLeft, role: .annotation)
            y += lineSize.height + Self.lineGap
        }
        canvas.placedBoxes.append(box)
    }
}
