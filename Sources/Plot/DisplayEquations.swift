import Support

/// One or more display equations typeset by `MathTypesetter` and stacked as a
/// figure, in the theme's math font and colours, under an optional title: the
/// chapter's equations on a slide beside its plots, in the same fonts.
///
/// ```swift
/// let figure = try DisplayEquations(equations: ["Y = X\\beta + \\varepsilon"], width: 600)
/// try figure.write(to: url)
/// ```
///
/// The width is the caller's (a lesson's figure width); the height fits the
/// content. Equations are set at `fontSize` pixels to the em unless the widest
/// is wider than the room between the margins: then all are set at one smaller
/// size, so the widest just fits. An equation is never clipped, and the layout
/// report says the scale it was drawn at (each equation's text box `item`).
public struct DisplayEquations: Figure {
    public enum Alignment: String, Sendable, CaseIterable {
        /// Each equation centred on the figure.
        case center
        /// Every equation's left end at one place, the block centred.
        case left
    }

    public private(set) var size: Size
    public var theme: Theme
    public var accessibility: FigureAccessibility?
    public let title: String?
    /// The TeX of each equation, as given.
    public let equations: [String]
    public let alignment: Alignment
    /// The size asked for, in logical pixels to the em.
    public let fontSize: Double
    /// The size drawn at: `fontSize`, or less when the widest equation must shrink.
    public let drawnSize: Double
    /// The typeset equations, in em.
    public let boxes: [MathBox]
    /// The title as wrapped to the width, and its height.
    let titleMarkup: String?
    let titleHeight: Double

    /// Space between two equations, in em (a little more than TeX's
    /// \abovedisplayskip, so stacked displays read as separate lines).
    static let gap = 0.9
    /// Space between the title and the first equation, in em.
    static let titleGap = 0.7

    /// Typesets `equations`; a TeX error is thrown as a `TeXError` tagged with
    /// the equation's index (`DisplayEquations.EquationError`).
    public init(equations: [String], width: Double = 760, fontSize: Double = 24, alignment: Alignment = .center,
                title: String? = nil, theme: Theme = .textbook) throws {
        self.equations = equations; self.alignment = alignment; self.fontSize = fontSize
        self.title = title; self.theme = theme
        let setter = try MathTypesetter(family: theme.mathFontFamily)
        boxes = try equations.enumerated().map { index, tex in
            do {
                return try setter.typeset(tex, style: .display)
            } catch let error as TeXError {
                throw EquationError(index: index, error: error)
            }
        }
        let room = max(1, width - 2 * theme.margin)
        let widest = boxes.map(\.width).max() ?? 0
        drawnSize = widest * fontSize > room ? room / widest : fontSize
        let style = DisplayEquations.titleStyle(theme)
        if let title {
            let (markup, height) = try FontSystem.shared.withContext { pango -> (String, Double) in
                let markup = MarkupWrap.wrap(try TeX.markup(title), width: room) {
                    TextLayout(context: pango, markup: $0, style: style).width
                }
                return (markup, TextLayout(context: pango, markup: markup, style: style).height)
            }
            titleMarkup = markup; titleHeight = height
        } else {
            titleMarkup = nil; titleHeight = 0
        }
        let content = boxes.map { $0.height + $0.depth }.reduce(0, +) * drawnSize
            + Double(max(0, boxes.count - 1)) * DisplayEquations.gap * drawnSize
            + (title == nil ? 0 : titleHeight + DisplayEquations.titleGap * drawnSize)
        size = Size(width: width, height: (content + 2 * theme.margin).rounded(.up))
    }

    static func titleStyle(_ theme: Theme) -> TextStyle {
        TextStyle(size: theme.titleSize, color: theme.foreground, bold: true, family: theme.fontFamily)
    }

    /// Whether the equations were set smaller than asked so the widest fits.
    public var isScaledDown: Bool { drawnSize < fontSize }

    public func draw(on canvas: Canvas) throws {
        canvas.fill(Rect(x: 0, y: 0, width: size.width, height: size.height), theme.background)
        var y = theme.margin
        if let titleMarkup {
            canvas.text(markup: titleMarkup, style: DisplayEquations.titleStyle(theme), at: Point(size.width / 2, y),
                        anchor: .top, role: .title)
            y += titleHeight + DisplayEquations.titleGap * drawnSize
        }
        let widest = (boxes.map(\.width).max() ?? 0) * drawnSize
        let scale = NumberFormat.number(drawnSize / fontSize * 100, .decimals(0)).text(.unicode)
        let note = isScaledDown ? "scaled to \(scale)% to fit the width" : "at full size"
        for (index, box) in boxes.enumerated() {
            if index > 0 { y += DisplayEquations.gap * drawnSize }
            let x = switch alignment {
            case .center: (size.width - box.width * drawnSize) / 2
            case .left: (size.width - widest) / 2
            }
            let origin = Point(x, y + box.height * drawnSize)
            canvas.draw(box, at: origin, size: drawnSize, color: theme.foreground)
            canvas.textBoxes.append(TextBox(text: XMLText.escaped(equations[index]), rect: box.rect(at: origin, size: drawnSize),
                                            role: .equation, item: "equation \(index + 1), \(note)"))
            y += (box.height + box.depth) * drawnSize
        }
    }

    /// A TeX error in one of the equations: which one (0-based) and the error.
    public struct EquationError: Error, CustomStringConvertible, Sendable {
        public var index: Int
        public var error: TeXError
        public var description: String { "equation \(index + 1): \(error)" }
    }
}
