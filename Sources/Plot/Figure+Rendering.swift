import CCairo
import Foundation

extension Figure {
    /// PNG bytes at `scale` pixels per logical pixel (1 gives `size` in pixels).
    public func pngData(scale: Double = 1) throws -> [UInt8] {
        try withImageSurface(scale: scale) { surface in
            let sink = ByteSink()
            try checkStatus(cairo_surface_write_to_png_stream(surface, appendToSink, Unmanaged.passUnretained(sink).toOpaque()),
                            "encoding PNG")
            return sink.bytes
        }
    }

    /// Raw pixels, straight RGBA, row-major from the top; what a GIF encoder or
    /// an image comparison wants.
    public func rgba(scale: Double = 1) throws -> RGBAImage {
        try withImageSurface(scale: scale) { RGBAImage(surface: $0) }
    }

    func withImageSurface<T>(scale: Double, _ body: (OpaquePointer) throws -> T) throws -> T {
        let w = Int((size.width * scale).rounded()), h = Int((size.height * scale).rounded())
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h))!
        defer { cairo_surface_destroy(surface) }
        try checkStatus(cairo_surface_status(surface), "creating a \(w)×\(h) image")
        _ = try drawFigure(on: surface, scale: scale)
        cairo_surface_flush(surface)
        return try body(surface)
    }

    /// SVG text, normalised so two renders of the same figure are byte-identical
    /// (see `SVGNormalizer`).
    public func svgData() throws -> [UInt8] {
        let sink = ByteSink()
        let surface = cairo_svg_surface_create_for_stream(appendToSink, Unmanaged.passUnretained(sink).toOpaque(),
                                                          size.width, size.height)!
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        _ = try drawFigure(on: surface, scale: 1)
        cairo_surface_finish(surface)
        try checkStatus(cairo_surface_status(surface), "writing SVG")
        cairo_surface_destroy(surface)
        return SVGNormalizer.normalize(sink.bytes)
    }

    /// PDF bytes with fixed creation and modification dates, so they are reproducible.
    public func pdfData() throws -> [UInt8] {
        let sink = ByteSink()
        // PDF is measured in points; one logical pixel becomes 0.75 pt (96 dpi).
        let surface = cairo_pdf_surface_create_for_stream(appendToSink, Unmanaged.passUnretained(sink).toOpaque(),
                                                          size.width * 0.75, size.height * 0.75)!
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "glmviz")
        _ = try drawFigure(on: surface, scale: 0.75)
        cairo_surface_finish(surface)
        try checkStatus(cairo_surface_status(surface), "writing PDF")
        cairo_surface_destroy(surface)
        return sink.bytes
    }

    /// Lays the figure out without producing an image, returning its text boxes.
    public func layout() throws -> FigureLayout {
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nil)!
        defer { cairo_surface_destroy(surface) }
        return try drawFigure(on: surface, scale: 1)
    }

    /// Encoded bytes in `format`.
    public func data(_ format: ImageFormat, scale: Double = 1) throws -> [UInt8] {
        switch format {
        case .png: return try pngData(scale: scale)
        case .svg: return try svgData()
        case .pdf: return try pdfData()
        }
    }

    /// Renders into `url`, with the format taken from its extension. The bytes go
    /// to a temporary file in the same directory that is then renamed over the
    /// target, so a failure never leaves a half-written figure behind.
    public func write(to url: URL, scale: Double = 1) throws {
        guard let format = ImageFormat(pathExtension: url.pathExtension) else {
            throw PlotError.unsupportedFormat(path: url.path)
        }
        try AtomicFile.write(try data(format, scale: scale), to: url)
    }

    func drawFigure(on surface: OpaquePointer, scale: Double) throws -> FigureLayout {
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_scale(cr, scale, scale)
        return try FontSystem.shared.withContext { pango in
            let canvas = Canvas(cr: cr, pango: pango, size: size)
            canvas.fill(Rect(x: 0, y: 0, width: size.width, height: size.height), theme.background)
            try draw(on: canvas)
            try checkStatus(cairo_status(cr), "drawing")
            return FigureLayout(size: size, textBoxes: canvas.textBoxes, placedBoxes: canvas.placedBoxes)
        }
    }
}
