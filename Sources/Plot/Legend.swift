/// A legend box: one row per labelled mark, a swatch and its TeX label.
/// Shared by 2-D and 3-D charts.
struct Legend {
    enum Swatch { case point(PointShape, radius: Double, alpha: Double), line(width: Double, dash: [Double]), fill(alpha: Double) }
    struct Item { var swatch: Swatch; var color: Color; var markup: String }

    let items: [Item]
    let theme: Theme
    /// One row of entries instead of one column, for a legend under a figure.
    var horizontal = false
    let swatchWidth = 30.0, inner = 8.0, rowGap = 4.0, itemGap = 22.0

    var style: TextStyle { TextStyle(size: theme.legendSize, color: theme.foreground, family: theme.fontFamily) }

    func size(on canvas: Canvas) -> Size {
        guard !items.isEmpty else { return Size(width: 0, height: 0) }
        let sizes = items.map { canvas.measure(markup: $0.markup, style: style) }
        if horizontal {
            let widths = sizes.map { $0.width + swatchWidth + theme.textPadding }
            return Size(width: widths.reduce(0, +) + itemGap * Double(items.count - 1) + 2 * inner,
                        height: (sizes.map { max($0.height, 18) }.max() ?? 18) + 2 * inner)
        }
        return Size(width: (sizes.map(\.width).max() ?? 0) + swatchWidth + theme.textPadding + 2 * inner,
                    height: sizes.map { max($0.height, 18) }.reduce(0, +) + rowGap * Double(sizes.count - 1) + 2 * inner)
    }

    func draw(in box: Rect, on canvas: Canvas) {
        canvas.fill(box, theme.background.withAlpha(0.92))
        canvas.strokeRect(box, theme.gridColor.mixed(with: .black, 0.15), width: 1)
        var y = box.minY + inner
        var x = box.minX + inner
        for item in items {
            let measured = canvas.measure(markup: item.markup, style: style)
            let h = horizontal ? box.height - 2 * inner : max(measured.height, 18)
            let cy = y + h / 2
            let x0 = x
            let r = Rect(x: x0, y: cy - 8, width: swatchWidth, height: 16)
            switch item.swatch {
            case .point(let shape, let radius, let alpha):
                canvas.marker(shape, at: r.center, radius: radius, fill: item.color.withAlpha(alpha), outline: theme.pointOutline)
            case .fill(let alpha):
                canvas.fill(r.insetBy(1), item.color.withAlpha(alpha))
            case .line(let width, let dash):
                canvas.line(from: Point(r.minX, r.midY), to: Point(r.maxX, r.midY), color: item.color, width: width, dash: dash)
            }
            canvas.text(markup: item.markup, style: style, at: Point(x0 + swatchWidth + theme.textPadding, cy), anchor: .left, role: .legend)
            if horizontal { x += swatchWidth + theme.textPadding + measured.width + itemGap } else { y += h + rowGap }
        }
        canvas.placedBoxes.append(box)
    }
}
