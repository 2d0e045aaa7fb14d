import CCairo
import Foundation
import Support

/// Encoded output together with the layout that produced it, so a caller
/// can write a figure and know where its text and annotations went in one
/// drawing pass.
public struct RenderedFigure: Sendable {
    public var bytes: [UInt8]
    public var layout: FigureLayout
}

extension Figure {
    /// Draws the figure once and encodes it as `format`; `scale` is pixels per
    /// logical pixel for PNG and ignored by the vector formats.
    public func render(_ format: ImageFormat, scale: Double = 1) throws -> RenderedFigure {
        switch format {
        case .png: return try renderPNG(scale: scale)
        case .svg: return try renderSVG()
        case .pdf: return try renderPDF()
        }
    }

    /// PNG bytes at `scale` pixels per logical pixel (1 gives `size` in pixels).
    public func pngData(scale: Double = 1) throws -> [UInt8] { try renderPNG(scale: scale).bytes }

    /// SVG text, normalised so two renders of the same figure are byte-identical
    /// (see `SVGNormalizer`).
    public func svgData() throws -> [UInt8] { try renderSVG().bytes }

    /// PDF bytes with fixed creation and modification dates, so they are reproducible.
    public func pdfData() throws -> [UInt8] { try renderPDF().bytes }

    /// Encoded bytes in `format`.
    public func data(_ format: ImageFormat, scale: Double = 1) throws -> [UInt8] { try render(format, scale: scale).bytes }

    /// Raw pixels, straight RGBA, row-major from the top; what a GIF encoder or
    /// an image comparison wants.
    public func rgba(scale: Double = 1) throws -> RGBAImage {
        try withImageSurface(scale: scale) { surface, _ in RGBAImage(surface: surface) }
    }

    /// Lays the figure out without producing an image, returning its text boxes.
    public func layout() throws -> FigureLayout {
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nil)!
        defer { cairo_surface_destroy(surface) }
        return try drawFigure(on: surface, scale: 1)
    }

    /// Renders into `url`, with the format taken from its extension. The bytes go
    /// to a temporary file in the same directory that is then renamed over the
    /// target, so a failure never leaves a half-written figure behind. Returns
    /// the layout drawn.
    @discardableResult
    public func write(to url: URL, scale: Double = 1) throws -> FigureLayout {
        guard let format = ImageFormat(pathExtension: url.pathExtension) else {
            throw PlotError.unsupportedFormat(path: url.path)
        }
        let rendered = try render(format, scale: scale)
        do {
            try AtomicFile.write(rendered.bytes, to: url)
        } catch let failure as AtomicFile.Failure {
            throw PlotError.io(path: failure.path, message: failure.message)
        }
        return rendered.layout
    }

    func renderPNG(scale: Double) throws -> RenderedFigure {
        try withImageSurface(scale: scale) { surface, layout in
            RenderedFigure(bytes: try PNGEncoder.encode(surface), layout: layout)
        }
    }

    func renderSVG() throws -> RenderedFigure {
        let sink = ByteSink()
        let surface = cairo_svg_surface_create_for_stream(appendToSink, Unmanaged.passUnretained(sink).toOpaque(),
                                                          size.width, size.height)!
        defer { cairo_surface_destroy(surface) }
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        let layout = try drawFigure(on: surface, scale: 1)
        cairo_surface_finish(surface)
        try checkStatus(cairo_surface_status(surface), "writing SVG")
        return RenderedFigure(bytes: SVGNormalizer.normalize(sink.bytes), layout: layout)
    }

    func renderPDF() throws -> RenderedFigure {
        let sink = ByteSink()
        // PDF is measured in points; one logical pixel becomes 0.75 pt (96 dpi).
        let surface = cairo_pdf_surface_create_for_stream(appendToSink, Unmanaged.passUnretained(sink).toOpaque(),
                                                          size.width * 0.75, size.height * 0.75)!
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "glmviz")
        let layout = try drawFigure(on: surface, scale: 0.75)
        cairo_surface_finish(surface)
        try checkStatus(cairo_surface_status(surface), "writing PDF")
        return RenderedFigure(bytes: sink.bytes, layout: layout)
    }

    func withImageSurface<T>(scale: Double, _ body: (OpaquePointer, FigureLayout) throws -> T) throws -> T {
        let w = Int((size.width * scale).rounded()), h = Int((size.height * scale).rounded())
        guard w > 0, h > 0, w <= 32_768, h <= 32_768 else {
            throw PlotError.invalidData("a \(size.width)×\(size.height) figure at scale \(scale) would be \(w)×\(h) pixels; both sides must be 1–32768")
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h))!
        defer { cairo_surface_destroy(surface) }
        try checkStatus(cairo_surface_status(surface), "creating a \(w)×\(h) image")
        let layout = try drawFigure(on: surface, scale: scale)
        cairo_surface_flush(surface)
        return try body(surface, layout)
    }

    func drawFigure(on surface: OpaquePointer, scale: Double) throws -> FigureLayout {
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        // The background covers every device pixel, before scaling: a logical
        // size times a density need not be whole pixels, and a partly covered
        // last row or column would be partly transparent.
        cairo_set_source_rgba(cr, theme.background.red, theme.background.green, theme.background.blue, theme.background.alpha)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        return try FontSystem.shared.withContext { pango in
            let canvas = Canvas(cr: cr, pango: pango, size: size)
            canvas.fill(Rect(x: 0, y: 0, width: size.width, height: size.height), theme.background)
            try draw(on: canvas)
            try checkStatus(cairo_status(cr), "drawing")
            return FigureLayout(size: size, textBoxes: canvas.textBoxes, placedBoxes: canvas.placedBoxes,
                                obstacles: canvas.obstacles)
        }
    }
}
