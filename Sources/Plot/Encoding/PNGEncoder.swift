import CCairo
import CZlib

/// Encodes a cairo image surface as PNG, with zlib for the compression and
/// this file for the few framing rules of the format (signature, IHDR, IDAT,
/// IEND, each chunk with its CRC-32).
///
/// Why not cairo's own writer: it goes through libpng with its defaults, which
/// try all five row filters on every row and deflate at level 6. At the
/// lesson's default density of 2 that was two thirds of the time of
/// `glmviz lesson --all` (perf: libpng 35 %, zlib 30 %). Measured on the
/// bundled lessons' eleven PNGs (2026-12-01): figures are flat colour with
/// long repeats, which deflate's own matching finds without a row filter, so
/// filter None was the smallest of None, Sub and Up at level 3 (0.91 MB; Sub
/// 1.05, Up 0.96, libpng's adaptive choice at level 6 0.78) and costs nothing
/// to choose; level 3 is the last of zlib's fast levels, and level 4 (0.74 MB)
/// took a quarter more time. libpng with other settings was not an option
/// from Swift: it reports errors by `longjmp`, which must not cross Swift
/// frames, so zlib is called directly and this file writes the framing.
///
/// Opaque images (every figure: the background covers every pixel) are
/// written as 8-bit RGB, others as 8-bit RGBA with the alpha unpremultiplied,
/// as PNG stores it. The output depends only on the pixels, so it is
/// deterministic.
enum PNGEncoder {
    /// zlib level: 3 is where, on figures, size stops improving much for the time.
    static let compressionLevel: Int32 = 3

    static func encode(_ surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32,
              let data = cairo_image_surface_get_data(surface) else {
            throw PlotError.invalidData("PNG encoding needs an ARGB32 image surface")
        }
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let pixels = UnsafeRawPointer(data)

        var opaque = true
        for y in 0..<height where opaque {
            let row = (pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where row[x] >> 24 != 0xFF { opaque = false; break }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // 8 bits, RGB or RGBA, deflate, filter method 0, no interlace
        appendChunk("IHDR", header, to: &png)

        // Rows are deflated one at a time through a small window, so no copy
        // of the whole image is allocated.
        var stream = z_stream()
        var status = deflateInit2_(&stream, compressionLevel, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw PlotError.invalidData("zlib could not start compressing (status \(status))") }
        defer { deflateEnd(&stream) }
        // Each scanline: filter type 0 (None), then the row.
        let filtered = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes + 1)
        let window = 1 << 16
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: window)
        defer { filtered.deallocate(); chunk.deallocate() }
        filtered[0] = 0
        var idat: [UInt8] = []
        for y in 0...height {
            let last = y == height
            if !last {
                unpack(row: (pixels + y * stride).assumingMemoryBound(to: UInt32.self), width: width,
                       channels: channels, into: filtered + 1)
            }
            stream.next_in = last ? nil : filtered
            stream.avail_in = last ? 0 : uInt(rowBytes + 1)
            repeat {
                stream.next_out = chunk
                stream.avail_out = uInt(window)
                status = CZlib.deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw PlotError.invalidData("zlib could not compress the PNG data (status \(status))")
                }
                idat.append(contentsOf: UnsafeBufferPointer(start: chunk, count: window - Int(stream.avail_out)))
            } while stream.avail_out == 0 || (last && status != Z_STREAM_END)
        }
        appendChunk("IDAT", idat, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// One row of premultiplied ARGB as RGB, or as straight RGBA.
    @inline(never)
    private static func unpack(row: UnsafePointer<UInt32>, width: Int, channels: Int, into line: UnsafeMutablePointer<UInt8>) {
        if channels == 3 {
            for x in 0..<width {
                let argb = row[x]
                line[3 * x] = UInt8(truncatingIfNeeded: argb >> 16)
                line[3 * x + 1] = UInt8(truncatingIfNeeded: argb >> 8)
                line[3 * x + 2] = UInt8(truncatingIfNeeded: argb)
            }
            return
        }
        for x in 0..<width {
            let argb = row[x]
            let a = argb >> 24
            var r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF
            if a != 0xFF && a != 0 {
                r = min(255, (r * 255 + a / 2) / a); g = min(255, (g * 255 + a / 2) / a); b = min(255, (b * 255 + a / 2) / a)
            }
            line[4 * x] = UInt8(r); line[4 * x + 1] = UInt8(g); line[4 * x + 2] = UInt8(b); line[4 * x + 3] = UInt8(a)
        }
    }

    private static func appendChunk(_ type: String, _ body: [UInt8], to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(body.count))
        let typed = Array(type.utf8) + body
        png += typed
        let crc = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png.appendBigEndian(UInt32(crc))
    }
}

private extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
