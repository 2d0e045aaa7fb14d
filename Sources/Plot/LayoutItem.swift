import Support

/// How a layout record names the data item behind a mark or label: short,
/// locale-free numbers, so a report reads the same on every machine.
enum LayoutItem {
    static func number(_ v: Double) -> String { String(posixFormat: "%g", v) }
    static func point(_ p: Point) -> String { "(\(number(p.x)), \(number(p.y)))" }
}

extension PointShape {
    /// The box a marker of this shape covers at `p` (see `Canvas.marker`).
    func extent(at p: Point, radius r: Double) -> Rect {
        let half: Double = switch self {
        case .circle: r
        case .square: r * 0.9
        case .diamond: r * 1.25
        case .triangle: r * 1.3
        case .cross, .plus: r * 1.1
        }
        return Rect(x: p.x - half, y: p.y - half, width: 2 * half, height: 2 * half)
    }
}
