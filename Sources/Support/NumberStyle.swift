/// How a formatted number is written out: for which language, with which
/// thousands separator, and p-values in which convention. The digits are
/// decided elsewhere (`NumberFormat`); this only decides the characters.
public struct NumberStyle: Sendable, Equatable {
    /// The language the text goes into.
    public enum Output: Sendable, Equatable {
        /// Display text (figure labels through Pango, HTML, terminals): the
        /// true minus sign U+2212, which is as wide as a plus and a digit and
        /// does not break a line the way a hyphen may, and ×10⁻⁴ with
        /// superscript digits.
        case unicode
        /// Machine formats a program reads back (CSV cells, logs): ASCII
        /// hyphen-minus, `1.5e-4`, no thousands separator, `Inf`, `NA` as R
        /// reads them. A U+2212 or a separator would make the cell a string.
        case ascii
        /// TeX math source, to go between `$…$` (or inside a label that Plot
        /// typesets): ASCII `-`, because TeX itself makes a minus of it in math
        /// mode, while a U+2212 in the source stops pdflatex without a Unicode
        /// setup; `\times 10^{-4}`; `\,` between thousands.
        case texMath
        /// LaTeX running text and table cells: the TeX math source wrapped in
        /// plain `$…$`, so no package (siunitx or other) is needed.
        case latex
    }

    /// What separates groups of three digits in the integer part.
    public enum Grouping: Sendable, Equatable {
        /// A thin space (U+2009; `\,` in TeX) from five integer digits on:
        /// "2 500 000" but "2500". This is the SI brochure's and ISO 80000-1's
        /// rule, and the default because a comma is the decimal marker in much
        /// of the world and already separates the bounds of "[a, b]".
        case thinSpace
        /// A comma from four integer digits on, "2,500" (APA style); `{,}` in
        /// TeX, so math mode does not add the space it puts after punctuation.
        case comma
        /// No separator.
        case none
    }

    /// How p-values are written.
    public enum PValues: Sendable, Equatable {
        /// "0.03", "< 0.001": as R, Kutner et al. and most statistics texts.
        case leadingZero
        /// APA style: ".03", "< .001". A p-value cannot exceed 1, so APA drops
        /// the zero before the point.
        case apa
    }

    public var output: Output
    public var grouping: Grouping
    public var pValues: PValues

    public init(output: Output = .unicode, grouping: Grouping = .thinSpace, pValues: PValues = .leadingZero) {
        self.output = output
        self.grouping = grouping
        self.pValues = pValues
    }

    /// Display text: U+2212, thin-space groups, ×10ⁿ with superscripts.
    public static let unicode = NumberStyle(output: .unicode)
    /// Machine text: ASCII only, no groups, `e` exponents.
    public static let ascii = NumberStyle(output: .ascii, grouping: .none)
    /// TeX math source for `$…$` or Plot's labels.
    public static let texMath = NumberStyle(output: .texMath)
    /// LaTeX with its own `$…$`.
    public static let latex = NumberStyle(output: .latex)
}
