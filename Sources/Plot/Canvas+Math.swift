import CCairo

extension Canvas {
    /// Draws a typeset math box with the left end of its baseline at `origin`,
    /// `size` logical pixels to the em, glyphs through cairo from the math
    /// font's own file and bars as filled rectangles. With a `role` the box is
    /// recorded as a text item (`text` its readable form, `item` the data it
    /// shows), so the layout check sees it as it sees labels.
    @discardableResult
    public func draw(_ box: MathBox, at origin: Point, size: Double, color: Color,
                     role: TextRole? = nil, text: String = "", item: String? = nil) -> Rect {
        MathBox.draw(box, on: cr, at: origin, size: size, color: color)
        let rect = box.rect(at: origin, size: size)
        if let role { textBoxes.append(TextBox(text: escapeMarkup(text), rect: rect, role: role, item: item)) }
        return rect
    }
}

extension MathBox {
    /// The box's extent on a canvas when drawn with its baseline's left end at `origin`.
    public func rect(at origin: Point, size: Double) -> Rect {
        Rect(x: origin.x, y: origin.y - height * size, width: width * size, height: (height + depth) * size)
    }

    /// Draws on `cr`; a nil `color` keeps the current source (Pango's text colour).
    static func draw(_ box: MathBox, on cr: OpaquePointer, at origin: Point, size: Double, color: Color?) {
        guard let font = MathFont.named(box.fontFamily) else { return }
        cairo_save(cr)
        if let color { cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha) }
        cairo_set_font_face(cr, font.cairoFace)
        let options = cairo_font_options_create()!
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
        // One run per glyph size, in drawing order.
        var start = 0
        while start < box.glyphs.count {
            let glyphSize = box.glyphs[start].size
            var end = start
            while end < box.glyphs.count, box.glyphs[end].size == glyphSize { end += 1 }
            var run = box.glyphs[start..<end].map {
                cairo_glyph_t(index: UInt($0.glyph), x: origin.x + $0.x * size, y: origin.y - $0.y * size)
            }
            cairo_set_font_size(cr, glyphSize * size)
            cairo_show_glyphs(cr, &run, Int32(run.count))
            start = end
        }
        for rule in box.rules {
            cairo_rectangle(cr, origin.x + rule.x * size, origin.y - (rule.y + rule.height) * size,
                            rule.width * size, rule.height * size)
        }
        cairo_fill(cr)
        cairo_restore(cr)
        // Pango expects the current point where it was.
        cairo_move_to(cr, origin.x, origin.y)
    }
}
