/// Fonts, sizes, line widths and colours shared by every figure. Sizes are in
/// logical pixels and chosen to read well on a slide at 700–1000 px wide.
public struct Theme: Sendable {
    /// Looked up by name through fontconfig; DejaVu ships with every Debian and
    /// gives identical glyphs on every machine.
    public var fontFamily = "DejaVu Sans"
    /// Used only for `\mathcal` letters, which DejaVu Sans lacks.
    public var mathFontFamily = "DejaVu Math TeX Gyre"
    public var titleSize = 19.0
    public var axisTitleSize = 17.0
    public var tickLabelSize = 15.0
    public var annotationSize = 17.0
    public var legendSize = 15.0
    public var cellNumberSize = 14.0

    public var background = Color.white
    public var foreground = Color.ink
    public var mutedForeground = Color(hex: 0x555555)
    public var axisLineWidth = 1.3
    public var tickLength = 6.0
    public var showGrid = true
    public var gridColor = Color(hex: 0xE6E6E6)
    public var gridLineWidth = 1.0

    public var palette: [Color] = OkabeIto.all
    public var lineWidth = 2.6
    public var pointRadius = 5.0
    public var pointAlpha = 0.9
    /// Outline drawn around filled points so overlapping points stay countable.
    public var pointOutline = Color.white
    public var bandAlpha = 0.22

    /// Space kept between text and whatever it belongs to.
    public var textPadding = 6.0
    /// Outer margin of the figure.
    public var margin = 14.0

    public init() {}

    /// The default look: white background, light grid, near-black text, Okabe–Ito.
    public static let textbook = Theme()

    /// Every size multiplied by `factor`, for figures drawn larger or
    /// smaller than the 700–800 px the defaults are tuned for.
    public func scaled(_ factor: Double) -> Theme {
        var t = self
        t.titleSize *= factor; t.axisTitleSize *= factor; t.tickLabelSize *= factor
        t.annotationSize *= factor; t.legendSize *= factor; t.cellNumberSize *= factor
        t.axisLineWidth *= factor; t.tickLength *= factor; t.gridLineWidth *= factor
        t.lineWidth *= factor; t.pointRadius *= factor; t.textPadding *= factor; t.margin *= factor
        return t
    }

    /// The `i`-th palette colour, wrapping around.
    public func color(_ i: Int) -> Color { palette[((i % palette.count) + palette.count) % palette.count] }
}
