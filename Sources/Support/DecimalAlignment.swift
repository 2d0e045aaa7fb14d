/// Lines up a table column on the decimal point.
///
/// A right-aligned column of "62.37" and "3.5702" lines up the last digits,
/// not the points, and a reader compares magnitudes by the point. Two ways
/// out, for two kinds of renderer:
/// - `split`: integer part (with sign and separators) and the rest (point,
///   fraction, any ×10ⁿ), for a renderer that puts them in two cells, such as
///   LaTeX's `r@{}l` columns or an SVG table with two text anchors;
/// - `padded`: the whole number with invisible padding after it, as wide as
///   the fraction it lacks, for a renderer with one right-aligned cell: figure
///   spaces (U+2007, a digit's width) and a punctuation space (U+2008, the
///   point's width) in Unicode, `\phantom{…}` in LaTeX (Plot's TeX subset
///   has no `\phantom`; figures use the Unicode form). This is exact for
///   positional numbers in a font with tabular figures (as the gallery's
///   `font-variant-numeric: tabular-nums` and TeX's digits are).
public enum DecimalAlignment {
    /// One number in two parts that meet at the decimal point.
    public struct Split: Sendable, Equatable {
        /// Sign, separators and integer digits: "−2 500", "62".
        public var integer: String
        /// The point, the fraction and any power of ten: ".37", "", ".2×10⁻⁴".
        public var fraction: String
    }

    /// Each number in `column` split at its point, written in `style` (for
    /// `.latex` each part is its own `$…$`, so it can go into its own cell).
    public static func split(_ column: [FormattedNumber], style: NumberStyle) -> [Split] {
        var inner = style
        if style.output == .latex { inner.output = .texMath }
        func wrap(_ text: String) -> String { style.output == .latex && !text.isEmpty ? "$" + text + "$" : text }
        return column.map { number in
            guard number.kind == .finite else { return Split(integer: wrap(number.body(inner)), fraction: "") }
            return Split(integer: wrap(number.integerText(inner)), fraction: wrap(number.fractionText(inner)))
        }
    }

    /// Each number in `column` written in `style`, padded after its last
    /// character to the longest fraction, so right-aligned cells line up on
    /// the point.
    public static func padded(_ column: [FormattedNumber], style: NumberStyle) -> [String] {
        var inner = style
        if style.output == .latex { inner.output = .texMath }
        let widest = column.map { $0.kind == .finite ? $0.fraction.count : 0 }.max() ?? 0
        let anyPoint = widest > 0
        return column.map { number in
            let text = number.body(inner)
            let digits = widest - (number.kind == .finite ? number.fraction.count : 0)
            let point = anyPoint && (number.kind != .finite || number.fraction.isEmpty)
            var padding = ""
            if point || digits > 0 {
                switch inner.output {
                case .ascii:
                    padding = String(repeating: " ", count: digits + (point ? 1 : 0))
                case .unicode:
                    padding = (point ? "\u{2008}" : "") + String(repeating: "\u{2007}", count: digits)
                case .texMath, .latex:
                    padding = "\\phantom{" + (point ? "." : "") + String(repeating: "0", count: digits) + "}"
                }
            }
            let full = text + padding
            return style.output == .latex ? "$" + full + "$" : full
        }
    }

    /// `padded` for a column with gaps (a coefficient with no SE, t or p):
    /// the numbers present line up with each other, and a gap stays nil.
    public static func padded(_ column: [FormattedNumber?], style: NumberStyle) -> [String?] {
        var padded = padded(column.compactMap { $0 }, style: style).makeIterator()
        return column.map { $0 == nil ? nil : padded.next() }
    }
}
