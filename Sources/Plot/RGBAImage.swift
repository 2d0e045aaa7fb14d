import CCairo
import Foundation

/// An image as straight-alpha RGBA bytes, row-major from the top-left. Used
/// for golden-image comparison, PNG reading, and as the frame format of
/// animated output.
public struct RGBAImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "RGBA buffer size does not match \(width)×\(height)")
        self.width = width; self.height = height; self.pixels = pixels
    }

    /// Copies a cairo ARGB32 surface (premultiplied, native-endian words).
    init(surface: OpaquePointer) {
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var out = [UInt8](repeating: 0, count: w * h * 4)
        data.withMemoryRebound(to: UInt8.self, capacity: stride * h) { base in
            for y in 0..<h {
                let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<w {
                    let v = row[x]
                    let a = UInt32((v >> 24) & 0xFF)
                    var r = (v >> 16) & 0xFF, g = (v >> 8) & 0xFF, b = v & 0xFF
                    if a != 0 && a != 255 {
                        r = min(255, (r * 255 + a / 2) / a); g = min(255, (g * 255 + a / 2) / a); b = min(255, (b * 255 + a / 2) / a)
                    }
                    let i = (y * w + x) * 4
                    out[i] = UInt8(r); out[i + 1] = UInt8(g); out[i + 2] = UInt8(b); out[i + 3] = UInt8(a)
                }
            }
        }
        self.init(width: w, height: h, pixels: out)
    }

    /// Decodes a PNG through cairo.
    public init(pngData bytes: [UInt8]) throws {
        let source = ByteSource(bytes)
        let surface = cairo_image_surface_create_from_png_stream(readFromSource, Unmanaged.passUnretained(source).toOpaque())!
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.invalidPNG(String(cString: cairo_status_to_string(status)))
        }
        // Non-ARGB formats (RGB24 from opaque PNGs) are converted by painting.
        if cairo_image_surface_get_format(surface) != CAIRO_FORMAT_ARGB32 {
            let w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface)
            let argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)!
            defer { cairo_surface_destroy(argb) }
            let cr = cairo_create(argb)!
            cairo_set_source_surface(cr, surface, 0, 0)
            cairo_paint(cr)
            cairo_destroy(cr)
            cairo_surface_flush(argb)
            self.init(surface: argb)
        } else {
            self.init(surface: surface)
        }
    }

    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PlotError.io(path: url.path, message: "file not found or unreadable")
        }
        try self.init(pngData: [UInt8](data))
    }

    /// PNG bytes (see `PNGEncoder`).
    public func pngData() throws -> [UInt8] {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        data.withMemoryRebound(to: UInt8.self, capacity: stride * height) { base in
            for y in 0..<height {
                let row = UnsafeMutableRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width {
                    let i = (y * width + x) * 4
                    let a = UInt32(pixels[i + 3])
                    let r = (UInt32(pixels[i]) * a + 127) / 255, g = (UInt32(pixels[i + 1]) * a + 127) / 255
                    let b = (UInt32(pixels[i + 2]) * a + 127) / 255
                    row[x] = (a << 24) | (r << 16) | (g << 8) | b
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        return try PNGEncoder.encode(surface)
    }

    /// RGBA of the pixel at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> (UInt8, UInt8, UInt8, UInt8) {
        let i = (y * width + x) * 4
        return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
    }
}
