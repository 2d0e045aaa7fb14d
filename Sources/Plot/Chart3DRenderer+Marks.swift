import Foundation

/// Depth-sorted drawing of a 3-D chart's marks.
extension Chart3DRenderer {
    /// One drawable piece with its depth.
    enum Piece {
        case point(Point, PointShape, Double, Color)
        case segment(Point, Point, Double, Color)
        case polygon([Point], Color, Color?)
    }

    /// With exactly one plane, which side of it (in data units) a point is
    /// on, signed so that positive is the viewer's side. Drawing everything on
    /// the far side, then the plane, then the near side is exact for the plane
    /// wherever depth sorting by centroids is only approximate.
    func viewerSide() -> ((Point3) -> Double)? {
        let planes = chart.marks.compactMap { m -> (Double, Double, Double)? in
            if case .plane(let a, let bx, let by, _, _, _) = m.geometry { return (a, bx, by) }
            return nil
        }
        guard planes.count == 1, let (a, bx, by) = planes.first else { return nil }
        let az = camera.azimuth * .pi / 180, el = camera.elevation * .pi / 180
        // Towards the viewer in box units, then in data units per axis.
        let towardBox = [-sin(az) * cos(el), -cos(az) * cos(el), sin(el)]
        let half = [chart.aspect.0, chart.aspect.1, chart.aspect.2]
        let toward = (0..<3).map { i in towardBox[i] * (axes[i].domain.upperBound - axes[i].domain.lowerBound) / (2 * half[i]) }
        let viewerAbove = toward[2] - bx * toward[0] - by * toward[1] > 0
        return { p in
            let above = p.z - (a + bx * p.x + by * p.y)
            return viewerAbove ? above : -above
        }
    }

    func drawMarks(obstacles: inout Obstacles) {
        var pieces: [(layer: Int, depth: Double, order: Int, piece: Piece)] = []
        let side = viewerSide()
        /// Layer 0: far side of the plane (or everything when there is no
        /// single plane); 1: the plane; 2: near side.
        func layer(_ p: Point3?) -> Int {
            guard let side else { return 0 }
            guard let p else { return 1 }
            return side(p) >= 0 ? 2 : 0
        }
        func push(_ depth: Double, _ piece: Piece, at data: Point3?) {
            pieces.append((layer(data), depth, pieces.count, piece))
        }
        for (i, m) in chart.marks.enumerated() {
            let color = colors[i]
            switch m.geometry {
            case .points(let ps, let shape):
                let r = m.size ?? theme.pointRadius
                for p in ps where p.x.isFinite && p.y.isFinite && p.z.isFinite {
                    let (s, d) = screen(box(p))
                    push(d, .point(s, shape, r, color.withAlpha(m.alpha ?? 1)), at: p)
                    obstacles.add(Rect(x: s.x - r - 2, y: s.y - r - 2, width: 2 * r + 4, height: 2 * r + 4))
                    canvas.record(.dataMark, rect: shape.extent(at: s, radius: r),
                                  item: "(\(LayoutItem.number(p.x)), \(LayoutItem.number(p.y)), \(LayoutItem.number(p.z)))")
                }
            case .segments(let ss):
                // Split so each part sorts on its own against planes it crosses.
                let parts = 6
                for s in ss {
                    let a = box(s.from), b = box(s.to)
                    obstacles.add(screen(a).0, screen(b).0)
                    canvas.record(.segment, from: screen(a).0, to: screen(b).0, item: m.label)
                    for k in 0..<parts {
                        let t0 = Double(k) / Double(parts), t1 = Double(k + 1) / Double(parts)
                        let p = lerp(a, b, t0), q = lerp(a, b, t1)
                        let (sp, dp) = screen(p), (sq, dq) = screen(q)
                        let middle = lerp(s.from, s.to, (t0 + t1) / 2)
                        push((dp + dq) / 2, .segment(sp, sq, m.size ?? 1.6, color.withAlpha(m.alpha ?? 0.9)), at: middle)
                    }
                }
            case .polygon(let ps):
                let projected = ps.map { screen(box($0)) }
                let depth = projected.map(\.1).reduce(0, +) / Double(max(1, projected.count))
                let centroid = Point3(ps.map(\.x).reduce(0, +) / Double(max(1, ps.count)), ps.map(\.y).reduce(0, +) / Double(max(1, ps.count)),
                                      ps.map(\.z).reduce(0, +) / Double(max(1, ps.count)))
                push(depth, .polygon(projected.map(\.0), color.withAlpha(m.alpha ?? 0.5), color), at: centroid)
            case .plane(let a0, let bx, let by, let dataX, let dataY, let n):
                let xr = m.spansBox ? axes[0].domain : dataX, yr = m.spansBox ? axes[1].domain : dataY
                let shade = planeShade(slopeX: bx, slopeY: by)
                let fill = color.mixed(with: .white, 0.2 * (1 - shade)).mixed(with: .black, 0.2 * shade).withAlpha(m.alpha ?? 0.4)
                let edge = color.mixed(with: .black, 0.35)
                func at(_ i: Int, _ j: Int) -> Point3 {
                    let x = xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double(i) / Double(n)
                    let y = yr.lowerBound + (yr.upperBound - yr.lowerBound) * Double(j) / Double(n)
                    return box(Point3(x, y, a0 + bx * x + by * y))
                }
                for i in 0..<n {
                    for j in 0..<n {
                        let quad = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)].map(screen)
                        push(quad.map(\.1).reduce(0, +) / 4, .polygon(quad.map(\.0), fill, nil), at: nil)
                    }
                }
                // Grid lines on the plane every other division, and its outline,
                // as sorted pieces so points in front still cover them.
                for k in stride(from: 0, through: n, by: 2) {
                    for (p, q) in [(at(k, 0), at(k, n)), (at(0, k), at(n, k))] {
                        let border = k == 0 || k == n
                        let pieces = n
                        for part in 0..<pieces {
                            let (sp, dp) = screen(lerp(p, q, Double(part) / Double(pieces)))
                            let (sq, dq) = screen(lerp(p, q, Double(part + 1) / Double(pieces)))
                            push((dp + dq) / 2 - 1e-6, .segment(sp, sq, border ? 1.4 : 0.8, edge.withAlpha(border ? 0.9 : 0.3)), at: nil)
                        }
                    }
                }
                let outline = [at(0, 0), at(n, 0), at(n, n), at(0, n), at(0, 0)].map { screen($0).0 }
                for k in 1..<outline.count { obstacles.add(outline[k - 1], outline[k]) }
            }
        }
        pieces.sort {
            if $0.layer != $1.layer { return $0.layer < $1.layer }
            if case .polygon = $0.piece, case .segment = $1.piece, $0.layer == 1 { return true }  // tiles before grid lines
            if case .segment = $0.piece, case .polygon = $1.piece, $0.layer == 1 { return false }
            return $0.depth != $1.depth ? $0.depth > $1.depth : $0.order < $1.order
        }
        for (_, _, _, piece) in pieces {
            switch piece {
            case .point(let p, let shape, let r, let c):
                canvas.marker(shape, at: p, radius: r, fill: c, outline: theme.pointOutline, outlineWidth: 1)
            case .segment(let a, let b, let w, let c):
                canvas.line(from: a, to: b, color: c, width: w, roundCap: true)
            case .polygon(let ps, let fill, let stroke):
                if stroke == nil {
                    // Tiles of one surface: without antialiasing their shared
                    // edges neither gap nor double-cover.
                    canvas.withoutAntialiasing { canvas.polygon(ps, fill: fill) }
                } else {
                    canvas.polygon(ps, fill: fill, stroke: stroke, width: 0.8)
                }
            }
        }
    }

    func lerp(_ a: Point3, _ b: Point3, _ t: Double) -> Point3 {
        Point3(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t)
    }

    /// Lambert shading of the plane (in box coordinates) under a light from
    /// the upper left behind the viewer: 0 is fully lit, 1 is in shadow.
    func planeShade(slopeX bx: Double, slopeY by: Double) -> Double {
        let dx = axes[0].domain.upperBound - axes[0].domain.lowerBound
        let dy = axes[1].domain.upperBound - axes[1].domain.lowerBound
        let dz = axes[2].domain.upperBound - axes[2].domain.lowerBound
        // Normal of z = f(x, y) after each axis is rescaled into the box.
        let gx = bx * dx / dz * chart.aspect.2 / chart.aspect.0, gy = by * dy / dz * chart.aspect.2 / chart.aspect.1
        let n = [-gx, -gy, 1.0]
        let len = (n[0] * n[0] + n[1] * n[1] + 1).squareRoot()
        let light = [-0.4, -0.5, 0.77]
        let ll = (light[0] * light[0] + light[1] * light[1] + light[2] * light[2]).squareRoot()
        let lambert = (n[0] * light[0] + n[1] * light[1] + n[2] * light[2]) / (len * ll)
        return min(1, max(0, 1 - lambert))
    }
}
