import CCairo
import CHarfBuzz
import Foundation

/// A math font's OpenType MATH table and glyph metrics, read through HarfBuzz
/// in em (font units divided by units per em), so one instance serves every
/// size. The font is found by family through Pango (fontconfig), and cairo
/// draws its glyphs from the same file.
final class MathFont: @unchecked Sendable {
    let family: String
    /// A HarfBuzz font at a scale of one unit per font unit.
    private let font: OpaquePointer
    private let upem: Double
    /// The cairo face the glyphs are drawn with.
    let cairoFace: OpaquePointer

    private static let lock = NSLock()
    private nonisolated(unsafe) static var loaded: [String: MathFont] = [:]

    /// The font for `family`, loaded once per process; nil when fontconfig
    /// finds no font with a MATH table under that name.
    static func named(_ family: String) -> MathFont? {
        lock.lock()
        defer { lock.unlock() }
        if let font = loaded[family] { return font }
        guard let font = MathFont(family: family) else { return nil }
        loaded[family] = font
        return font
    }

    private init?(family: String) {
        self.family = family
        let loadedFont: (OpaquePointer, OpaquePointer)? = FontSystem.shared.withContext { context in
            let description = pango_font_description_new()!
            defer { pango_font_description_free(description) }
            pango_font_description_set_family(description, family)
            pango_font_description_set_absolute_size(description, 10 * 1024)
            guard let pangoFont = pango_font_map_load_font(pango_context_get_font_map(context), context, description) else { return nil }
            defer { g_object_unref(UnsafeMutableRawPointer(pangoFont)) }
            guard let hbFont = pango_font_get_hb_font(pangoFont),
                  let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(pangoFont)),
                  let face = cairo_scaled_font_get_font_face(scaled) else { return nil }
            let hbFace = hb_face_reference(hb_font_get_face(hbFont))!
            defer { hb_face_destroy(hbFace) }
            guard hb_ot_math_has_data(hbFace) != 0 else { return nil }
            return (hb_font_create(hbFace)!, cairo_font_face_reference(face)!)
        }
        guard let (hb, face) = loadedFont else { return nil }
        font = hb
        cairoFace = face
        upem = Double(hb_face_get_upem(hb_font_get_face(hb)))
    }

    private func em(_ v: Int32) -> Double { Double(v) / upem }

    /// A MATH constant in em.
    func constant(_ c: hb_ot_math_constant_t) -> Double { em(hb_ot_math_get_constant(font, c)) }

    /// A MATH constant given in percent, as a fraction.
    func percent(_ c: hb_ot_math_constant_t) -> Double { Double(hb_ot_math_get_constant(font, c)) / 100 }

    func glyph(_ scalar: Unicode.Scalar) -> UInt32? {
        var g: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, scalar.value, &g) != 0 ? g : nil
    }

    private let cacheLock = NSLock()
    private var scriptGlyphs: [UInt64: UInt32] = [:]

    /// The glyph for `scalar` at a script level (1 script, 2 scriptscript):
    /// the font's `ssty` alternate, drawn sturdier and wider for small sizes
    /// as TeX's 7 pt and 5 pt fonts are, or the plain glyph.
    func glyph(_ scalar: Unicode.Scalar, scriptLevel: Int) -> UInt32? {
        guard scriptLevel > 0 else { return glyph(scalar) }
        let key = UInt64(scalar.value) << 2 | UInt64(scriptLevel)
        cacheLock.lock()
        if let g = scriptGlyphs[key] { cacheLock.unlock(); return g }
        cacheLock.unlock()
        guard let plain = glyph(scalar) else { return nil }
        let buffer = hb_buffer_create()!
        defer { hb_buffer_destroy(buffer) }
        var codepoint = scalar.value
        hb_buffer_add_utf32(buffer, &codepoint, 1, 0, 1)
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, HB_SCRIPT_MATH)
        var feature = hb_feature_t(tag: hb_tag_from_string("ssty", 4), value: UInt32(scriptLevel), start: 0, end: UInt32.max)
        hb_shape(font, buffer, &feature, 1)
        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)
        let g = count == 1 ? (infos?[0].codepoint ?? plain) : plain
        cacheLock.lock()
        scriptGlyphs[key] = g
        cacheLock.unlock()
        return g
    }

    func advance(_ g: UInt32) -> Double { em(hb_font_get_glyph_h_advance(font, g)) }

    /// Height above and depth below the baseline of the glyph's ink.
    func extents(_ g: UInt32) -> (height: Double, depth: Double) {
        var e = hb_glyph_extents_t()
        guard hb_font_get_glyph_extents(font, g, &e) != 0 else { return (0, 0) }
        return (em(e.y_bearing), -em(e.y_bearing + e.height))
    }

    func italicCorrection(_ g: UInt32) -> Double { em(hb_ot_math_get_glyph_italics_correction(font, g)) }

    /// Where an accent over the glyph is centred (HarfBuzz falls back to half the advance).
    func topAccent(_ g: UInt32) -> Double { em(hb_ot_math_get_glyph_top_accent_attachment(font, g)) }

    /// Larger versions of the glyph, smallest first, with their size in em
    /// (height plus depth when vertical, width when horizontal).
    func variants(_ g: UInt32, vertical: Bool) -> [(glyph: UInt32, size: Double)] {
        let direction = vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR
        var count: UInt32 = 32
        var buffer = [hb_ot_math_glyph_variant_t](repeating: hb_ot_math_glyph_variant_t(), count: 32)
        _ = hb_ot_math_get_glyph_variants(font, g, direction, 0, &count, &buffer)
        return buffer.prefix(Int(count)).map { ($0.glyph, em($0.advance)) }
    }

    struct Part {
        var glyph: UInt32
        var startConnector: Double
        var endConnector: Double
        var advance: Double
        var extender: Bool
    }

    /// The pieces an arbitrarily large version is built from, bottom (or left) first.
    func assembly(_ g: UInt32, vertical: Bool) -> [Part] {
        let direction = vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR
        var count: UInt32 = 16
        var buffer = [hb_ot_math_glyph_part_t](repeating: hb_ot_math_glyph_part_t(), count: 16)
        var italic: hb_position_t = 0
        _ = hb_ot_math_get_glyph_assembly(font, g, direction, 0, &count, &buffer, &italic)
        return buffer.prefix(Int(count)).map {
            Part(glyph: $0.glyph, startConnector: em($0.start_connector_length), endConnector: em($0.end_connector_length),
                 advance: em($0.full_advance), extender: ($0.flags.rawValue & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER.rawValue) != 0)
        }
    }

    func minConnectorOverlap(vertical: Bool) -> Double {
        em(hb_ot_math_get_min_connector_overlap(font, vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR))
    }
}
