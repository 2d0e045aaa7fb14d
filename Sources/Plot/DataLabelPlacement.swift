import Foundation

/// Where a label that belongs to one data element (a β̂ beside its mean, a
/// tail's p/2, the observed t) goes: where the figure asked when that spot is
/// inside the plot and free of other text and of data marks, otherwise the
/// nearest spot that is. Inside the plot it can neither cross an axis line or
/// a tick label nor leave the canvas.
enum DataLabelPlacement {
    static func place(_ wanted: Rect, near anchor: Point, in plot: Rect, obstacles: Obstacles, canvas: Canvas) -> Rect {
        // 4 pixels in: a label's 2-pixel halo must not cover an axis line.
        let bounds = plot.insetBy(4)
        let text = (canvas.textBoxes.map(\.rect) + canvas.placedBoxes).map { $0.insetBy(-PlacementSearch.textGap) }
        func free(_ box: Rect) -> Bool {
            bounds.contains(box) && !text.contains { $0.intersects(box) } && !obstacles.rects.contains { $0.intersects(box) }
        }
        if free(wanted) { return wanted }
        let size = Size(width: wanted.width, height: wanted.height)
        // The wanted box slid into the plot, then boxes around the anchor at
        // growing distances, then a scan of the whole plot.
        var near = [clamp(wanted, into: bounds)]
        for gap in [8.0, 16, 28, 44, 64] {
            near += PlacementSearch.around(anchor, size: size, gap: gap).map { clamp($0, into: bounds) }
        }
        var best: (Rect, Double)? = nil
        func consider(_ boxes: [Rect]) {
            for box in boxes where bounds.contains(box, tolerance: 0.5) {
                var cost = obstacles.cost(of: box)
                if text.contains(where: { $0.intersects(box) }) { cost += 1_000_000 }
                // Far from its data a label reads as someone else's.
                cost += hypot(box.midX - wanted.midX, box.midY - wanted.midY) * 0.5
                if best == nil || cost < best!.1 { best = (box, cost) }
            }
        }
        consider(near)
        // The whole plot only when nothing near is free of text and data marks.
        if best.map({ !free($0.0) }) ?? true {
            consider(PlacementSearch.scan(size: size, area: bounds, step: 8))
        }
        return best?.0 ?? clamp(wanted, into: bounds)
    }

    /// How far a label may sit from the point it names before a leader line is
    /// drawn to it, in logical pixels: beyond about one line of text a reader
    /// no longer pairs a label with its mark by proximity alone.
    static let leaderDistance = 20.0

    /// The leader from a label placed at `box` back to `anchor`, or nil when the
    /// label is close enough to read as the anchor's. It runs from the point of
    /// the box's edge nearest the anchor to 3 pixels short of the anchor, so it
    /// touches neither the text nor the mark.
    static func leader(from box: Rect, to anchor: Point) -> (Point, Point)? {
        let start = Point(min(max(anchor.x, box.minX), box.maxX), min(max(anchor.y, box.minY), box.maxY))
        let dx = anchor.x - start.x, dy = anchor.y - start.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > leaderDistance else { return nil }
        let end = Point(anchor.x - dx / length * 3, anchor.y - dy / length * 3)
        return (start, end)
    }

    /// `box` moved the least distance that puts it inside `bounds` (or flush
    /// with its left or top edge when it is larger).
    static func clamp(_ box: Rect, into bounds: Rect) -> Rect {
        var r = box
        r.x = min(max(r.x, bounds.minX), max(bounds.minX, bounds.maxX - r.width))
        r.y = min(max(r.y, bounds.minY), max(bounds.minY, bounds.maxY - r.height))
        return r
    }
}
