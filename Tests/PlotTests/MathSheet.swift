import Foundation
@testable import Plot

/// A sheet of display equations, one per row with its source beside it, for
/// looking at the layout engine's output next to LaTeX's renders.
struct MathSheet: Figure {
    var expressions: [(tex: String, style: MathStyle)]
    var family = "Latin Modern Math"
    var fontSize = 20.0 {
        didSet { size = MathSheet.size(expressions, family: family, fontSize: fontSize) }
    }
    /// Whether each row shows its TeX source on the right.
    var showsSource = true
    var size: Size
    var theme = Theme.textbook
    var accessibility: FigureAccessibility?

    init(expressions: [(tex: String, style: MathStyle)], family: String = "Latin Modern Math") {
        self.expressions = expressions
        self.family = family
        size = MathSheet.size(expressions, family: family, fontSize: 20)
    }

    static func size(_ expressions: [(tex: String, style: MathStyle)], family: String, fontSize: Double) -> Size {
        let setter = try? MathTypesetter(family: family)
        var width = 900.0
        let height = expressions.reduce(20.0) { total, e in
            let box = (try? setter?.typeset(e.tex, style: e.style)) ?? nil
            width = max(width, (box?.width ?? 0) * fontSize + 40)
            return total + ((box?.height ?? 1) + (box?.depth ?? 0.5)) * fontSize + 16
        }
        return Size(width: width, height: height)
    }

    func draw(on canvas: Canvas) throws {
        canvas.fill(Rect(x: 0, y: 0, width: size.width, height: size.height), .white)
        let setter = try MathTypesetter(family: family)
        var y = 10.0
        for e in expressions {
            let box = try setter.typeset(e.tex, style: e.style)
            y += box.height * fontSize + 8
            canvas.draw(box, at: Point(x: 20, y: y), size: fontSize, color: .ink)
            canvas.line(from: Point(x: 16, y: y), to: Point(x: 18, y: y), color: Color(hex: 0xCC0000), width: 1)
            if showsSource {
                canvas.text(markup: escapeMarkup(e.tex), style: TextStyle(size: 9, color: .grey), at: Point(x: 520, y: y),
                            anchor: .left, record: false)
            }
            y += box.depth * fontSize + 8
        }
    }
}
