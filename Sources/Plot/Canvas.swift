import CCairo
import Foundation

/// The drawing surface every figure draws on: a thin layer over a cairo
/// context in logical pixels, with Pango text that records its box. The same
/// calls produce PNG, SVG and PDF, because only the cairo surface differs.
public final class Canvas {
    let cr: OpaquePointer
    let pango: OpaquePointer
    public let size: Size
    /// Every text item drawn so far, in drawing order.
    public internal(set) var textBoxes: [TextBox] = []
    /// Boxes chosen by automatic placement (annotations, legends), in order.
    public internal(set) var placedBoxes: [Rect] = []
    /// Drawn elements that are not text (markers, axis lines, segments), with
    /// their roles, recorded by the renderers so a layout can be checked.
    public internal(set) var obstacles: [LayoutObstacle] = []

    init(cr: OpaquePointer, pango: OpaquePointer, size: Size) {
        self.cr = cr
        self.pango = pango
        self.size = size
        // The Pango context is deliberately not updated from the cairo
        // transform: layout happens in logical pixels and cairo scales the
        // glyph outlines, so every pixel density and PDF get the same layout
        // (Pango's sub/superscript sizes go wrong under a scaled context).
    }

    // MARK: Paths and paint

    public func setColor(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

    public func fill(_ rect: Rect, _ color: Color) {
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        setColor(color)
        cairo_fill(cr)
    }

    /// Fills `rect` with a vertical gradient; `stops` run from the bottom (0)
    /// to the top (1), as a colour bar reads.
    public func fillVerticalGradient(_ rect: Rect, stops: [(Double, Color)]) {
        let pattern = cairo_pattern_create_linear(0, rect.maxY, 0, rect.minY)!
        defer { cairo_pattern_destroy(pattern) }
        for (t, c) in stops { cairo_pattern_add_color_stop_rgba(pattern, t, c.red, c.green, c.blue, c.alpha) }
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_set_source(cr, pattern)
        cairo_fill(cr)
    }

    public func strokeRect(_ rect: Rect, _ color: Color, width: Double) {
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        stroke(color, width: width)
    }

    /// Strokes the current path.
    func stroke(_ color: Color, width: Double, dash: [Double] = [], cap: cairo_line_cap_t = CAIRO_LINE_CAP_BUTT) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_set_line_cap(cr, cap)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_dash(cr, dash, Int32(dash.count), 0)
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    public func line(from a: Point, to b: Point, color: Color, width: Double, dash: [Double] = [], roundCap: Bool = false) {
        cairo_move_to(cr, a.x, a.y)
        cairo_line_to(cr, b.x, b.y)
        stroke(color, width: width, dash: dash, cap: roundCap ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
    }

    public func polyline(_ points: [Point], color: Color, width: Double, dash: [Double] = []) {
        guard let first = points.first else { return }
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        stroke(color, width: width, dash: dash, cap: CAIRO_LINE_CAP_ROUND)
    }

    public func polygon(_ points: [Point], fill: Color?, stroke strokeColor: Color? = nil, width: Double = 1) {
        guard let first = points.first else { return }
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        cairo_close_path(cr)
        if let fill {
            setColor(fill)
            if strokeColor != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let strokeColor { stroke(strokeColor, width: width) }
    }

    /// A marker of `shape` centred on `p`; `radius` is the circle's radius and
    /// other shapes are sized to the same visual weight.
    public func marker(_ shape: PointShape, at p: Point, radius r: Double, fill: Color, outline: Color?, outlineWidth: Double = 1) {
        switch shape {
        case .circle:
            cairo_new_sub_path(cr)
            cairo_arc(cr, p.x, p.y, r, 0, 2 * .pi)
        case .square:
            let s = r * 0.9
            cairo_rectangle(cr, p.x - s, p.y - s, 2 * s, 2 * s)
        case .diamond:
            let s = r * 1.25
            cairo_move_to(cr, p.x, p.y - s); cairo_line_to(cr, p.x + s, p.y)
            cairo_line_to(cr, p.x, p.y + s); cairo_line_to(cr, p.x - s, p.y); cairo_close_path(cr)
        case .triangle:
            let s = r * 1.3
            cairo_move_to(cr, p.x, p.y - s)
            cairo_line_to(cr, p.x + s * 0.866, p.y + s * 0.5)
            cairo_line_to(cr, p.x - s * 0.866, p.y + s * 0.5); cairo_close_path(cr)
        case .cross, .plus:
            let s = r * 1.1
            let d = shape == .cross ? s * 0.7071 : s
            if shape == .cross {
                cairo_move_to(cr, p.x - d, p.y - d); cairo_line_to(cr, p.x + d, p.y + d)
                cairo_move_to(cr, p.x - d, p.y + d); cairo_line_to(cr, p.x + d, p.y - d)
            } else {
                cairo_move_to(cr, p.x - d, p.y); cairo_line_to(cr, p.x + d, p.y)
                cairo_move_to(cr, p.x, p.y - d); cairo_line_to(cr, p.x, p.y + d)
            }
            stroke(fill, width: max(1.5, r * 0.45), cap: CAIRO_LINE_CAP_ROUND)
            return
        }
        setColor(fill)
        if let outline {
            cairo_fill_preserve(cr)
            stroke(outline, width: outlineWidth)
        } else {
            cairo_fill(cr)
        }
    }

    /// Confines later drawing to `rect` until `restore()`.
    public func clip(to rect: Rect) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    public func restore() { cairo_restore(cr) }

    /// Draws `body` with antialiasing off, for tiles that must meet exactly.
    public func withoutAntialiasing(_ body: () -> Void) {
        cairo_save(cr)
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE)
        body()
        cairo_restore(cr)
    }

    /// Records a drawn element for the layout check; draws nothing.
    public func record(_ role: ObstacleRole, rect: Rect, item: String? = nil) {
        obstacles.append(LayoutObstacle(role: role, shape: .rect(rect), item: item))
    }

    /// Records a drawn line piece for the layout check; draws nothing.
    public func record(_ role: ObstacleRole, from a: Point, to b: Point, item: String? = nil) {
        obstacles.append(LayoutObstacle(role: role, shape: .segment(a, b), item: item))
    }

    // MARK: Text

    func layout(_ markup: String, _ style: TextStyle) -> TextLayout {
        TextLayout(context: pango, markup: markup, style: style)
    }

    /// Sizes already measured: placement asks for the same labels' sizes
    /// many times (a 3-D box is refitted at every azimuth of a turntable).
    private var measured: [MeasureKey: Size] = [:]
    private struct MeasureKey: Hashable { var markup: String; var style: TextStyle }

    /// The size `markup` takes in `style`, without drawing it.
    public func measure(markup: String, style: TextStyle) -> Size {
        let key = MeasureKey(markup: markup, style: style)
        if let size = measured[key] { return size }
        let l = layout(markup, style)
        let size = Size(width: l.width, height: l.height)
        measured[key] = size
        return size
    }

    /// The box text would occupy when drawn at `p` with `anchor` and `rotation`
    /// (radians, counter-clockwise as read).
    public func box(markup: String, style: TextStyle, at p: Point, anchor: TextAnchor, rotation: Double = 0) -> Rect {
        let size = measure(markup: markup, style: style)
        return Canvas.box(width: size.width, height: size.height, at: p, anchor: anchor, rotation: rotation)
    }

    static func box(width w: Double, height h: Double, at p: Point, anchor: TextAnchor, rotation: Double) -> Rect {
        let (ox, oy) = offset(width: w, height: h, anchor: anchor)
        let corners = [Point(ox, oy), Point(ox + w, oy), Point(ox, oy + h), Point(ox + w, oy + h)]
        let c = cos(-rotation), s = sin(-rotation)
        return Rect(bounding: corners.map { Point(p.x + $0.x * c - $0.y * s, p.y + $0.x * s + $0.y * c) })
    }

    static func offset(width w: Double, height h: Double, anchor: TextAnchor) -> (Double, Double) {
        let ox: Double = switch anchor.horizontal { case .left: 0; case .center: -w / 2; case .right: -w }
        let oy: Double = switch anchor.vertical { case .top: 0; case .middle: -h / 2; case .bottom: -h }
        return (ox, oy)
    }

    /// Draws Pango markup and records its box with its `role` and the data
    /// `item` it shows. A `halo` paints a background rectangle first, so an
    /// annotation stays legible over grid lines.
    @discardableResult
    public func text(markup: String, style: TextStyle, at p: Point, anchor: TextAnchor = .center,
                     rotation: Double = 0, halo: Color? = nil, record: Bool = true,
                     role: TextRole = .dataLabel, item: String? = nil) -> Rect {
        let l = layout(markup, style)
        let rect = Canvas.box(width: l.width, height: l.height, at: p, anchor: anchor, rotation: rotation)
        if let halo { fill(rect.insetBy(-2), halo) }
        let (ox, oy) = Canvas.offset(width: l.width, height: l.height, anchor: anchor)
        cairo_save(cr)
        cairo_translate(cr, p.x, p.y)
        cairo_rotate(cr, -rotation)
        cairo_move_to(cr, ox, oy)
        setColor(style.color)
        pango_cairo_show_layout(cr, l.layout)
        cairo_restore(cr)
        if record { textBoxes.append(TextBox(text: markup, rect: rect, role: role, item: item)) }
        return rect
    }

    /// Converts TeX-subset text to markup and draws it (see `TeX`).
    @discardableResult
    public func tex(_ source: String, style: TextStyle, at p: Point, anchor: TextAnchor = .center,
                    rotation: Double = 0, halo: Color? = nil, role: TextRole = .dataLabel, item: String? = nil) throws -> Rect {
        try text(markup: TeX.markup(source), style: style, at: p, anchor: anchor, rotation: rotation, halo: halo,
                 role: role, item: item)
    }
}

/// Marker shapes; several so series stay apart in greyscale print too.
public enum PointShape: String, CaseIterable, Sendable {
    case circle, square, triangle, diamond, cross, plus
}
