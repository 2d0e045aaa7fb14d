import CCairo
import Foundation

/// A pool of Pango contexts configured for reproducible text: no hinting, no
/// metric rounding, greyscale antialiasing, 72 dpi (so a size in points equals
/// a size in logical pixels). Contexts are reused across figures and handed to
/// one renderer at a time. Each context has its own font map: Pango's font maps
/// keep caches that are not safe to share between threads (a shared one
/// corrupted its fontset cache when several figures were drawn at once), and
/// fontconfig's configuration underneath is loaded once per process anyway.
final class FontSystem: @unchecked Sendable {
    static let shared = FontSystem()

    private let fontOptions: OpaquePointer
    private var idle: [OpaquePointer] = []
    private let lock = NSLock()

    private init() {
        // Pango starts fontconfig on a thread of its own ("[pango] FcInit") and
        // only waits for it when a font is first loaded. A figure drawn on
        // another thread meanwhile reached fontconfig while it was still being
        // set up, which corrupted the heap about once in a hundred
        // `lesson --all` runs. So fontconfig is initialised here, on the calling
        // thread, and a first context loads a font before anybody gets one: by
        // then Pango's thread has finished and fontconfig is only read.
        FcInit()
        let options = cairo_font_options_create()!
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        fontOptions = options
        idle.append(warmedUpContext())
    }

    /// A context that has loaded the theme's font, which blocks until Pango's
    /// fontconfig thread is done.
    private func warmedUpContext() -> OpaquePointer {
        let context = makeContext()
        let description = pango_font_description_new()!
        defer { pango_font_description_free(description) }
        pango_font_description_set_family(description, Theme.textbook.fontFamily)
        pango_font_description_set_absolute_size(description, 12 * 1024)
        if let font = pango_font_map_load_font(pango_context_get_font_map(context), context, description) {
            g_object_unref(UnsafeMutableRawPointer(font))
        }
        return context
    }

    /// Runs `body` with a context nobody else is using, then returns it to the pool.
    func withContext<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        let context = idle.popLast() ?? makeContext()
        lock.unlock()
        defer { lock.lock(); idle.append(context); lock.unlock() }
        return try body(context)
    }

    private func makeContext() -> OpaquePointer {
        let fontMap = pango_cairo_font_map_new()!
        let context = pango_font_map_create_context(fontMap)!
        // The context keeps its font map alive.
        g_object_unref(UnsafeMutableRawPointer(fontMap))
        pango_cairo_context_set_resolution(context, 72)
        pango_cairo_context_set_font_options(context, fontOptions)
        // Two-dimensional math in labels is drawn into the text as shapes.
        pango_cairo_context_set_shape_renderer(context, MathFragments.renderer, nil, nil)
        return context
    }

    /// The family fontconfig actually resolves `family` to, for checking that
    /// the intended font is installed rather than silently substituted.
    func resolvedFamily(_ family: String) -> String? {
        resolvedFace(family, italic: false)?.family
    }

    /// The family and whether the face found is really slanted, for checking
    /// that italics come from DejaVu's oblique face (fonts-dejavu-extra), not
    /// from a synthesised slant that would render differently.
    func resolvedFace(_ family: String, italic: Bool) -> (family: String, slanted: Bool)? {
        withContext { context in
            let description = pango_font_description_new()!
            defer { pango_font_description_free(description) }
            pango_font_description_set_family(description, family)
            pango_font_description_set_style(description, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
            pango_font_description_set_absolute_size(description, 12 * 1024)
            guard let font = pango_font_map_load_font(pango_context_get_font_map(context), context, description) else { return nil }
            defer { g_object_unref(UnsafeMutableRawPointer(font)) }
            let loaded = pango_font_describe(font)!
            defer { pango_font_description_free(loaded) }
            guard let name = pango_font_description_get_family(loaded).map({ String(cString: $0) }) else { return nil }
            return (name, pango_font_description_get_style(loaded) != PANGO_STYLE_NORMAL)
        }
    }

    /// How many characters of `markup` no installed font could draw (they
    /// would show as boxes), for checking that labels render faithfully.
    func unknownGlyphCount(markup: String, family: String = Theme.textbook.fontFamily) -> Int {
        withContext { context in
            let layout = TextLayout(context: context, markup: markup, style: TextStyle(size: 16, family: family))
            return Int(pango_layout_get_unknown_glyphs_count(layout.layout))
        }
    }
}
