/// A convex polygon in canvas coordinates, used to keep a legend off the
/// projected outline of a 3-D box.
struct ConvexPolygon {
    let vertices: [Point]

    /// The convex hull of `points` (Andrew's monotone chain).
    init(hullOf points: [Point]) {
        let sorted = points.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        guard sorted.count > 2 else { vertices = sorted; return }
        func cross(_ o: Point, _ a: Point, _ b: Point) -> Double { (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x) }
        var lower: [Point] = [], upper: [Point] = []
        for p in sorted {
            while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 { lower.removeLast() }
            lower.append(p)
        }
        for p in sorted.reversed() {
            while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 { upper.removeLast() }
            upper.append(p)
        }
        vertices = Array(lower.dropLast() + upper.dropLast())
    }

    /// Whether `p` lies inside (or on) the polygon.
    func contains(_ p: Point) -> Bool {
        guard vertices.count > 2 else { return false }
        var sign = 0.0
        for i in vertices.indices {
            let a = vertices[i], b = vertices[(i + 1) % vertices.count]
            let c = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            if c != 0 {
                if sign == 0 { sign = c } else if (c > 0) != (sign > 0) { return false }
            }
        }
        return true
    }

    /// Whether a rectangle overlaps the polygon: an edge crosses it, or one
    /// lies inside the other.
    func touches(_ r: Rect) -> Bool {
        guard vertices.count > 2 else { return false }
        for i in vertices.indices where r.intersectsSegment(vertices[i], vertices[(i + 1) % vertices.count]) { return true }
        return vertices.contains(where: r.contains) || contains(r.center)
    }
}
