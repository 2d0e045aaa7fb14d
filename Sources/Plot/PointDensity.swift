import CCairo
import Foundation

/// A scatter of very many points drawn as a density image instead of one
/// marker per point. Past a few tens of thousands of points, outlined circles
/// merge into a solid blob that hides where the data pile up, and cairo spends
/// seconds on paths nobody can see. So the points are counted into a grid of
/// device pixels and the grid is painted once, each cell in the mark's colour
/// with an opacity that grows with the logarithm of its count: a lone point
/// stays faintly visible and the densest cell is fully opaque.
struct PointDensity {
    /// Above this many finite points a `.points` mark is drawn as a density
    /// image; below it every point keeps its own marker.
    static let pointThreshold = 20_000
    /// Opacity of a cell holding a single point, so outliers stay visible.
    static let minimumOpacity = 0.22

    /// The area the grid covers, in logical pixels; its origin is whole.
    let area: Rect
    /// Grid cells per logical pixel along each axis.
    let cellsPerPixel: Int
    let columns: Int
    let rows: Int
    /// Points per cell, row-major from the top-left.
    let counts: [UInt32]
    let maxCount: UInt32

    /// Counts the screen positions of `points` (mapped by `screen`) into cells;
    /// points outside `plot` or not finite are skipped.
    init(points: [Point], plot: Rect, cellsPerPixel: Int, screen: (Point) -> Point) {
        let x0 = plot.minX.rounded(.down), y0 = plot.minY.rounded(.down)
        let width = plot.maxX.rounded(.up) - x0, height = plot.maxY.rounded(.up) - y0
        area = Rect(x: x0, y: y0, width: width, height: height)
        self.cellsPerPixel = cellsPerPixel
        let k = Double(cellsPerPixel)
        columns = max(1, Int(width * k)); rows = max(1, Int(height * k))
        var counts = [UInt32](repeating: 0, count: columns * rows)
        var maxCount: UInt32 = 0
        let columns = self.columns, rows = self.rows
        counts.withUnsafeMutableBufferPointer { cells in
            for p in points where p.x.isFinite && p.y.isFinite {
                let s = screen(p)
                let cx = (s.x - x0) * k, cy = (s.y - y0) * k
                guard cx >= 0, cy >= 0, cx < Double(columns), cy < Double(rows) else { continue }
                let i = Int(cy) * columns + Int(cx)
                cells[i] &+= 1
                if cells[i] > maxCount { maxCount = cells[i] }
            }
        }
        self.counts = counts
        self.maxCount = maxCount
    }

    /// Opacity of a cell holding `count` points: zero when empty, otherwise on
    /// a logarithmic ramp from `minimumOpacity` (one point) to 1 (the maximum).
    func opacity(_ count: UInt32) -> Double {
        guard count > 0 else { return 0 }
        guard maxCount > 1 else { return 1 }
        let t = log(Double(count)) / log(Double(maxCount))
        return Self.minimumOpacity + (1 - Self.minimumOpacity) * t
    }

    /// Rectangles of `block` logical pixels that hold at least one point, for
    /// keeping labels off the data without one obstacle per point.
    func occupiedBlocks(size block: Int = 12) -> [Rect] {
        let step = block * cellsPerPixel
        var rects: [Rect] = []
        var by = 0
        while by < rows {
            var bx = 0
            while bx < columns {
                var occupied = false
                for y in by..<min(rows, by + step) where !occupied {
                    let row = y * columns
                    for x in bx..<min(columns, bx + step) where counts[row + x] > 0 { occupied = true; break }
                }
                if occupied {
                    let k = Double(cellsPerPixel)
                    rects.append(Rect(x: area.x + Double(bx) / k, y: area.y + Double(by) / k,
                                      width: Double(step) / k, height: Double(step) / k))
                }
                bx += step
            }
            by += step
        }
        return rects
    }
}

extension Canvas {
    /// Grid cells per logical pixel that match the device pixels of this
    /// canvas (1 for SVG and 1× PNG, 2 for a 2× PNG), at most 4.
    var densityCellsPerPixel: Int {
        var dx = 1.0, dy = 0.0
        cairo_user_to_device_distance(cr, &dx, &dy)
        let scale = (dx * dx + dy * dy).squareRoot()
        return min(4, max(1, Int(scale.rounded(.up))))
    }

    /// Paints `density` as one image in `color` (its alpha scales every cell).
    func draw(_ density: PointDensity, color: Color) {
        guard density.maxCount > 0,
              let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(density.columns), Int32(density.rows))
        else { return }
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(image) else { return }
        cairo_surface_flush(image)
        // One premultiplied ARGB word per possible opacity step, so the loop
        // over cells is a table look-up.
        let levels = 256
        let palette: [UInt32] = (0..<levels).map { level in
            let a = color.alpha * Double(level) / Double(levels - 1)
            func channel(_ c: Double) -> UInt32 { UInt32((min(max(c, 0), 1) * a * 255).rounded()) }
            return UInt32((a * 255).rounded()) << 24 | channel(color.red) << 16 | channel(color.green) << 8 | channel(color.blue)
        }
        let stride = Int(cairo_image_surface_get_stride(image))
        var levelOfCount: [UInt32: Int] = [:]
        for y in 0..<density.rows {
            let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<density.columns {
                let count = density.counts[y * density.columns + x]
                if count == 0 { row[x] = 0; continue }
                let level: Int
                if let known = levelOfCount[count] { level = known } else {
                    level = Int((density.opacity(count) * Double(levels - 1)).rounded())
                    levelOfCount[count] = level
                }
                row[x] = palette[level]
            }
        }
        cairo_surface_mark_dirty(image)
        cairo_save(cr)
        cairo_translate(cr, density.area.x, density.area.y)
        let k = Double(density.cellsPerPixel)
        cairo_scale(cr, 1 / k, 1 / k)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_paint(cr)
        cairo_restore(cr)
    }
}
