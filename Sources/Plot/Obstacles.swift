/// What drawn data occupies on the canvas, so that text can be kept off it.
/// Points are small rectangles, lines are segments.
struct Obstacles {
    var rects: [Rect] = []
    var segments: [(Point, Point)] = []
    /// Reference lines (rules): text may cross them at a small cost, since a
    /// rule across the whole plot would otherwise leave no room anywhere.
    var guides: [(Point, Point)] = []
    /// Outlines of filled areas that show data (a density drawn sideways, a
    /// shaded tail): an annotation block, opaque behind its text, must not
    /// cross one, or it hides the area's shape.
    var areaEdges: [(Point, Point)] = []

    mutating func add(_ r: Rect) { rects.append(r) }
    mutating func addAreaEdge(_ a: Point, _ b: Point) { areaEdges.append((a, b)); segments.append((a, b)) }

    /// Whether `box` is free of markers and of filled areas' outlines: where an
    /// opaque annotation block may go.
    func leavesDataVisible(_ box: Rect) -> Bool {
        !rects.contains { $0.intersects(box) } && !areaEdges.contains { box.intersectsSegment($0.0, $0.1) }
    }
    mutating func add(_ a: Point, _ b: Point) { segments.append((a, b)) }
    mutating func addGuide(_ a: Point, _ b: Point) { guides.append((a, b)) }

    /// A cost for putting text in `box`: overlapped marker area plus a fixed
    /// cost per line crossing the box.
    func cost(of box: Rect) -> Double {
        var c = 0.0
        for r in rects { if let i = r.intersection(box) { c += 10 + i.area } }
        for (a, b) in segments where box.intersectsSegment(a, b) { c += 200 }
        for (a, b) in guides where box.intersectsSegment(a, b) { c += 5 }
        return c
    }
}

/// Picks, among candidate boxes, the one with the lowest cost against data and
/// against text already on the canvas; text overlaps cost far more than data.
enum PlacementSearch {
    /// Space kept between two pieces of text, so neighbours never read as one
    /// ("−t t = β̂₁/SE").
    static let textGap = 4.0

    static func best(_ candidates: [Rect], obstacles: Obstacles, text: [Rect], within bounds: Rect) -> (Rect, Double)? {
        var best: (Rect, Double)? = nil
        for (order, box) in candidates.enumerated() {
            guard bounds.contains(box, tolerance: 0.5) else { continue }
            var cost = obstacles.cost(of: box) + Double(order) * 0.01
            for t in text where t.insetBy(-textGap).intersects(box) { cost += 1_000_000 }
            if best == nil || cost < best!.1 { best = (box, cost) }
        }
        return best
    }

    /// Boxes of `size` on a grid across `area`, for when no named spot is free.
    static func scan(size: Size, area: Rect, step: Double = 8) -> [Rect] {
        var boxes: [Rect] = []
        var y = area.minY
        while y + size.height <= area.maxY {
            var x = area.minX
            while x + size.width <= area.maxX {
                boxes.append(Rect(x: x, y: y, width: size.width, height: size.height))
                x += step
            }
            y += step
        }
        return boxes
    }

    /// The named spot (or, failing all, any spot on a scan of `area`) whose
    /// box overlaps the least data and no text already on the canvas.
    static func place(_ block: Size, candidates: [Placement], in area: Rect, obstacles: Obstacles, canvas: Canvas) -> Rect {
        let text = canvas.textBoxes.map(\.rect) + canvas.placedBoxes
        let bounds = area.insetBy(-8)
        let named = candidates.map { box($0, size: block, area: area) }
        if let best = best(named, obstacles: obstacles, text: text, within: bounds), best.1 < 1 {
            return best.0
        }
        let scanned = scan(size: block, area: area)
        return best(named + scanned, obstacles: obstacles, text: text, within: bounds)?.0
            ?? box(candidates.first ?? .topLeft, size: block, area: area)
    }

    /// Boxes of `size` around a point, `gap` pixels away: above, below,
    /// either side, and the four diagonals.
    static func around(_ p: Point, size: Size, gap: Double) -> [Rect] {
        let w = size.width, h = size.height
        let origins = [
            Point(p.x + gap * 0.7, p.y - gap * 0.7 - h), Point(p.x - gap * 0.7 - w, p.y + gap * 0.7),
            Point(p.x - gap * 0.7 - w, p.y - gap * 0.7 - h), Point(p.x + gap * 0.7, p.y + gap * 0.7),
            Point(p.x - w / 2, p.y - gap - h), Point(p.x - w / 2, p.y + gap),
            Point(p.x + gap, p.y - h / 2), Point(p.x - gap - w, p.y - h / 2),
        ]
        return origins.map { Rect(x: $0.x, y: $0.y, width: w, height: h) }
    }

    /// The box of `size` at a named spot of `area`.
    static func box(_ p: Placement, size: Size, area: Rect) -> Rect {
        let x: Double, y: Double
        switch p {
        case .topLeft, .left, .bottomLeft: x = area.minX
        case .top, .bottom: x = area.midX - size.width / 2
        case .topRight, .right, .bottomRight: x = area.maxX - size.width
        }
        switch p {
        case .topLeft, .top, .topRight: y = area.minY
        case .left, .right: y = area.midY - size.height / 2
        case .bottomLeft, .bottom, .bottomRight: y = area.maxY - size.height
        }
        return Rect(x: x, y: y, width: size.width, height: size.height)
    }
}
