import CCairo
import Foundation

/// Two-dimensional math inside labels. A label's math that flat markup cannot
/// show (a fraction, a radical, limits, a matrix) is typeset by the layout
/// engine, and its markup holds one private-use character standing for it.
/// `TextLayout` gives that character a Pango shape the size of the math box,
/// so wrapping, measuring, alignment and halos treat it as one wide glyph,
/// and the shape renderer draws the box there on the text's baseline, at the
/// text's size and colour.
///
/// The character is derived from the fragment itself (a hash into Unicode's
/// plane-15 private-use area), so the same label gives the same markup in
/// every run and on every thread.
enum MathFragments {
    struct Fragment {
        var box: MathBox
        /// What a reader sees in extracted text: the flat form.
        var plain: String
    }

    private static let lock = NSLock()
    private nonisolated(unsafe) static var fragments: [UInt32: (key: String, fragment: Fragment)] = [:]
    static let first: UInt32 = 0xF0000, count: UInt32 = 0xFFFD

    /// The character standing for `nodes` typeset in text style with
    /// `mathFont`, or nil when no math font is installed (the caller then
    /// writes flat markup).
    static func placeholder(for nodes: [MathNode], mathFont: String, plain: String) -> Character? {
        let key = mathFont + "\u{0}" + String(describing: nodes)
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        lock.lock()
        defer { lock.unlock() }
        for probe in 0..<count {
            let code = first + (hash &+ probe) % count
            if let existing = fragments[code] {
                if existing.key == key { return Character(Unicode.Scalar(code)!) }
                continue
            }
            guard let setter = try? MathTypesetter(family: mathFont) else { return nil }
            fragments[code] = (key, Fragment(box: setter.typeset(nodes, style: .text), plain: plain))
            return Character(Unicode.Scalar(code)!)
        }
        return nil
    }

    static func fragment(_ scalar: Unicode.Scalar) -> Fragment? {
        guard scalar.value >= first, scalar.value < first + count else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return fragments[scalar.value]?.fragment
    }

    /// Gives every fragment character of `layout` a shape as large as its
    /// math box at `size`, on the baseline.
    static func attachShapes(to layout: OpaquePointer, size: Double) {
        guard let text = pango_layout_get_text(layout) else { return }
        let string = String(cString: text)
        var attributes: OpaquePointer? = nil
        var offset = 0
        for scalar in string.unicodeScalars {
            let length = String(scalar).utf8.count
            defer { offset += length }
            guard let fragment = fragment(scalar) else { continue }
            let box = fragment.box
            var rect = PangoRectangle(
                x: 0, y: Int32((-box.height * size * 1024).rounded()),
                width: Int32((box.width * size * 1024).rounded()),
                height: Int32(((box.height + box.depth) * size * 1024).rounded()))
            let attribute = pango_attr_shape_new_with_data(&rect, &rect, UnsafeMutableRawPointer(bitPattern: UInt(scalar.value)), nil, nil)!
            attribute.pointee.start_index = UInt32(offset)
            attribute.pointee.end_index = UInt32(offset + length)
            if attributes == nil {
                attributes = pango_layout_get_attributes(layout).map { pango_attr_list_copy($0) } ?? pango_attr_list_new()
            }
            pango_attr_list_insert(attributes, attribute)
        }
        if let attributes {
            pango_layout_set_attributes(layout, attributes)
            pango_attr_list_unref(attributes)
        }
    }

    /// Pango's callback for shapes: draws the fragment the shape stands for
    /// at the current point (the left end of the baseline) in the current colour.
    static let renderer: PangoCairoShapeRendererFunc = { cr, attribute, doPath, _ in
        guard let cr, let attribute, doPath == 0,
              let code = UInt32(exactly: UInt(bitPattern: attribute.pointee.data)),
              let scalar = Unicode.Scalar(code), let fragment = MathFragments.fragment(scalar),
              fragment.box.width > 0 else { return }
        let size = Double(attribute.pointee.logical_rect.width) / 1024 / fragment.box.width
        var x = 0.0, y = 0.0
        cairo_get_current_point(cr, &x, &y)
        MathBox.draw(fragment.box, on: cr, at: Point(x: x, y: y), size: size, color: nil)
    }
}
