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
    /// Draws the figure once, for painting into as many formats as wanted
    /// (see `FigureScene`). A caller writing more than one format, or a
    /// format and the layout, prepares the scene once and asks it for each.
    public func scene() throws -> FigureScene { try FigureScene(self) }

    /// Draws the figure once and encodes it as `format`; `scale` is pixels per
    /// logical pixel for PNG and ignored by the vector formats.
    public func render(_ format: ImageFormat, scale: Double = 1) throws -> RenderedFigure {
        let scene = try scene()
        return RenderedFigure(bytes: try scene.data(format, scale: scale), layout: scene.layout)
    }

    /// PNG bytes at `scale` pixels per logical pixel (1 gives `size` in pixels).
    public func pngData(scale: Double = 1) throws -> [UInt8] { try scene().png(scale: scale) }

    /// SVG text, normalised so two renders of the same figure are byte-identical
    /// (see `SVGNormalizer`).
    public func svgData() throws -> [UInt8] { try scene().svg() }

    /// PDF bytes with fixed creation and modification dates, so they are reproducible.
    public func pdfData() throws -> [UInt8] { try scene().pdf() }

    /// Encoded bytes in `format`.
    public func data(_ format: ImageFormat, scale: Double = 1) throws -> [UInt8] { try render(format, scale: scale).bytes }

    /// Raw pixels, straight RGBA, row-major from the top; what a GIF encoder or
    /// an image comparison wants.
    public func rgba(scale: Double = 1) throws -> RGBAImage { try scene().rgba(scale: scale) }

    /// Lays the figure out without producing an image, returning its text boxes.
    public func layout() throws -> FigureLayout { try scene().layout }

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

    /// Draws the figure on `surface` through `scale`, returning what it laid
    /// out. `FigureScene` calls it once, at scale 1, on a recording surface;
    /// the image path is kept for comparing a replayed scene with a direct
    /// drawing.
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

    /// Pixels drawn straight onto an image surface at `scale`, without a
    /// recording in between: the reference a replayed scene is compared with.
    func directRGBA(scale: Double) throws -> RGBAImage {
        let w = Int((size.width * scale).rounded()), h = Int((size.height * scale).rounded())
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h))!
        defer { cairo_surface_destroy(surface) }
        try checkStatus(cairo_surface_status(surface), "creating a \(w)×\(h) image")
        _ = try drawFigure(on: surface, scale: scale)
        cairo_surface_flush(surface)
        return RGBAImage(surface: surface)
    }
}
