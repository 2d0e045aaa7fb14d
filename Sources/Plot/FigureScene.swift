import CCairo
import Foundation
import Support

/// A figure drawn once, kept as a cairo recording surface together with the
/// layout that drawing produced, and painted from there into every format.
///
/// Laying a figure out is the expensive part (Pango shapes every label, the
/// renderers place annotations and legends against each other); encoding is
/// not. A lesson writes a figure as PNG, SVG and PDF and also reports its
/// layout, which used to cost four drawings. A recording surface keeps the
/// drawing operations themselves (paths, glyph runs, clips, gradients), not
/// pixels, so replaying it through a transform is the same as drawing through
/// that transform: a PNG at density 2 gets glyphs and lines rasterised at
/// density 2, and SVG and PDF stay vectors with real text. It is also cairo's
/// own, so nothing glmviz draws needs a second description of itself.
///
/// A scene is not safe to paint from two threads at once (cairo builds an
/// index of the recording lazily on the first transformed replay), so every
/// paint holds the scene's lock.
public final class FigureScene: @unchecked Sendable {
    /// Logical pixels, as the figure's `size`.
    public let size: Size
    /// Where the single drawing put every text box and mark; every format shows
    /// exactly this layout.
    public let layout: FigureLayout
    /// The title and description SVG output carries.
    public let accessibility: FigureAccessibility?
    private let background: Color
    private let recording: OpaquePointer
    private let lock = NSLock()

    /// Draws `figure` once onto a recording surface of the figure's extents.
    public init(_ figure: some Figure) throws {
        size = figure.size
        background = figure.theme.background
        accessibility = figure.accessibility
        var extents = cairo_rectangle_t(x: 0, y: 0, width: size.width, height: size.height)
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)!
        do {
            try checkStatus(cairo_surface_status(surface), "creating a recording surface")
            layout = try figure.drawFigure(on: surface, scale: 1)
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        recording = surface
    }

    deinit { cairo_surface_destroy(recording) }

    /// PNG bytes at `scale` pixels per logical pixel.
    public func png(scale: Double = 1) throws -> [UInt8] {
        try withImageSurface(scale: scale) { try PNGEncoder.encode($0) }
    }

    /// Straight RGBA pixels at `scale`, for the GIF encoder and image comparison.
    public func rgba(scale: Double = 1) throws -> RGBAImage {
        try withImageSurface(scale: scale) { RGBAImage(surface: $0) }
    }

    /// SVG text in pixels, normalised so equal scenes give equal bytes
    /// (`SVGNormalizer`), with the accessibility title and description as the
    /// first children of the root element (`SVGAccessibility`).
    public func svg() throws -> [UInt8] {
        let sink = ByteSink()
        let surface = cairo_svg_surface_create_for_stream(appendToSink, Unmanaged.passUnretained(sink).toOpaque(),
                                                          size.width, size.height)!
        defer { cairo_surface_destroy(surface) }
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        try paint(on: surface, scale: 1, "writing SVG")
        cairo_surface_finish(surface)
        try checkStatus(cairo_surface_status(surface), "writing SVG")
        let normalized = SVGNormalizer.normalize(sink.bytes)
        guard let accessibility else { return normalized }
        return SVGAccessibility.inserting(accessibility, into: normalized)
    }

    /// PDF bytes with fixed creation and modification dates, so they are
    /// reproducible. PDF is measured in points; one logical pixel becomes
    /// 0.75 pt (96 dpi).
    public func pdf() throws -> [UInt8] {
        let sink = ByteSink()
        let surface = cairo_pdf_surface_create_for_stream(appendToSink, Unmanaged.passUnretained(sink).toOpaque(),
                                                          size.width * 0.75, size.height * 0.75)!
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "glmviz")
        if let title = accessibility?.title {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        }
        try paint(on: surface, scale: 0.75, "writing PDF")
        cairo_surface_finish(surface)
        try checkStatus(cairo_surface_status(surface), "writing PDF")
        return sink.bytes
    }

    /// Encoded bytes in `format`.
    public func data(_ format: ImageFormat, scale: Double = 1) throws -> [UInt8] {
        switch format {
        case .png: return try png(scale: scale)
        case .svg: return try svg()
        case .pdf: return try pdf()
        }
    }

    private func withImageSurface<T>(scale: Double, _ body: (OpaquePointer) throws -> T) throws -> T {
        let w = Int((size.width * scale).rounded()), h = Int((size.height * scale).rounded())
        guard scale.isFinite, w > 0, h > 0, w <= 32_768, h <= 32_768 else {
            throw PlotError.invalidData("a \(size.width)×\(size.height) figure at scale \(scale) would be \(w)×\(h) pixels; both sides must be 1–32768")
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h))!
        defer { cairo_surface_destroy(surface) }
        try checkStatus(cairo_surface_status(surface), "creating a \(w)×\(h) image")
        // When the scaled size is whole pixels the recording's own background
        // covers every pixel, and on a still clear surface cairo replays the
        // recording straight onto it instead of into a scratch image that is
        // then composited (measured: a 760 × 620 plane at density 2 painted in
        // 6 ms instead of 17). Only a fractional size needs the background first.
        let whole = (size.width * scale).rounded() == size.width * scale && (size.height * scale).rounded() == size.height * scale
        try paint(on: surface, scale: scale, background: !whole, "drawing")
        cairo_surface_flush(surface)
        return try body(surface)
    }

    /// Replays the recording onto `surface` through a scale. With
    /// `paintBackground` the background covers every device pixel first,
    /// before scaling: a logical size times a density need not be whole
    /// pixels, and a partly covered last row or column would be partly
    /// transparent. The pattern keeps cairo's default
    /// `EXTEND_NONE`: with it cairo replays the recorded operations through
    /// the pattern's matrix (vectors drawn at the target's resolution) instead
    /// of rasterising the recording at 1:1 and resampling it.
    private func paint(on surface: OpaquePointer, scale: Double, background paintBackground: Bool = true, _ operation: String) throws {
        lock.lock(); defer { lock.unlock() }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        if paintBackground {
            cairo_set_source_rgba(cr, background.red, background.green, background.blue, background.alpha)
            cairo_paint(cr)
        }
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, recording, 0, 0)
        cairo_paint(cr)
        try checkStatus(cairo_status(cr), operation)
    }
}
