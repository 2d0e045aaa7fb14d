import Foundation

/// Typesets TeX math in two dimensions with a font's OpenType MATH table:
/// the public entry point for anything that shows an equation.
///
///     let setter = try MathTypesetter(family: "Latin Modern Math")
///     let box = try setter.typeset("\\hat{\\beta} = (X'X)^{-1}X'Y")
///     canvas.draw(box, at: Point(20, 60), size: 24, color: .ink)
public struct MathTypesetter: Sendable {
    /// The families tried, in order, when the one asked for has no MATH table.
    public static let fallbackFamilies = ["Latin Modern Math", "DejaVu Math TeX Gyre"]

    let font: MathFont

    /// The typesetter for `family`; throws `MathFontError` when neither it nor
    /// a fallback family is installed with a MATH table.
    public init(family: String = Theme.textbook.mathFontFamily) throws {
        for name in [family] + MathTypesetter.fallbackFamilies {
            if let font = MathFont.named(name), FontSystem.shared.resolvedFamily(name) == name {
                self.font = font
                return
            }
        }
        throw MathFontError(family: family)
    }

    /// The family actually in use.
    public var family: String { font.family }

    /// Lays out math source written without `$` (for instance an equation's
    /// TeX) in `style`; parse errors are `TeXError`s.
    public func typeset(_ tex: String, style: MathStyle = .display) throws -> MathBox {
        typeset(try TeX.parseMath(tex), style: style)
    }

    /// Lays out an already parsed tree.
    public func typeset(_ nodes: [MathNode], style: MathStyle = .display) -> MathBox {
        MathLayout(font: font).list(nodes, StyleState(level: style))
    }
}

/// No font with an OpenType MATH table was found for equations.
public struct MathFontError: Error, CustomStringConvertible, Sendable {
    public var family: String
    public var description: String {
        "no math font: '\(family)' is not installed with an OpenType MATH table, nor are "
            + MathTypesetter.fallbackFamilies.map { "'\($0)'" }.joined(separator: " or ")
            + "\n  hint: install fonts-lmodern or fonts-dejavu-extra (scripts/install-deps)"
    }
}
