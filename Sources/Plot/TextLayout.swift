import CCairo

/// A Pango layout holding one piece of markup, measured once and drawn
/// wherever the figure needs it.
final class TextLayout {
    let layout: OpaquePointer
    let markup: String
    /// Logical size: advance width and line height, so boxes of labels in a
    /// row line up whatever their glyphs.
    let width: Double
    let height: Double

    init(context: OpaquePointer, markup: String, style: TextStyle) {
        self.markup = markup
        layout = pango_layout_new(context)
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, style.family)
        pango_font_description_set_absolute_size(description, style.size * 1024)
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_markup(layout, markup, -1)
        MathFragments.attachShapes(to: layout, size: style.size)
        if style.centered { pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER) }
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        width = Double(logical.width) / 1024
        height = Double(logical.height) / 1024
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }
}
