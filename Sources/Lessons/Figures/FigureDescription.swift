import Foundation
import Plot
import Support

/// The words of a figure's generated description: the alt text of its MyST
/// snippet and the `<desc>` of its SVG. A caption says what a figure means;
/// a reader who cannot see the image also needs what it shows, which only the
/// data and the fit know, so each kind writes its own (`describe`) from these
/// pieces, with every number formatted as the figure prints it.
enum FigureDescription {
    /// A number as a label on the figure shows it (`NumberFormat.label`).
    static func number(_ value: Double) -> String {
        NumberFormat.label(value).text(.unicode)
    }

    /// `+ 3.57` or `− 5.344`: a later term of an equation.
    static func term(_ value: Double) -> String {
        (value < 0 ? "− " : "+ ") + number(abs(value))
    }

    /// An axis or column title as the figure draws it: TeX typeset and read
    /// back as plain text, digits set low or high kept so (`$X_1$` reads
    /// "X₁", as the equation beside it does); the source when it is not valid
    /// TeX (it could not have been drawn, and the factory says so).
    static func plain(_ label: String) -> String {
        guard let markup = try? TeX.markup(label) else { return label }
        var shifted = "", tag = "", inTag = false, level: [String] = []
        for c in markup {
            if c == "<" { inTag = true; tag = ""; shifted.append(c); continue }
            if inTag {
                shifted.append(c)
                if c == ">" {
                    inTag = false
                    if tag.hasPrefix("sub") || tag.hasPrefix("sup") { level.append(String(tag.prefix(3))) }
                    else if tag.hasPrefix("/sub") || tag.hasPrefix("/sup") { _ = level.popLast() }
                } else { tag.append(c) }
                continue
            }
            let table = level.last == "sub" ? subscripts : level.last == "sup" ? superscripts : nil
            shifted.append(table.flatMap { $0[c] } ?? c)
        }
        return TextBox(text: shifted, rect: Rect(x: 0, y: 0, width: 0, height: 0)).plainText
    }

    private static let subscripts: [Character: Character] = Dictionary(uniqueKeysWithValues:
        zip("0123456789+−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎"))
    private static let superscripts: [Character: Character] = Dictionary(uniqueKeysWithValues:
        zip("0123456789+−=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾"))

    /// The fitted equation in the lesson's notation, as plain text:
    /// "ŷ = 62.37 + 3.57x" (or "Ŷ = … X" with `case: upper`).
    static func equation(_ notation: Notation, intercept: Double, slopes: [(Double, String)]) -> String {
        plain("$" + notation.fittedEquation(intercept: NumberFormat.label(intercept, significant: notation.digits).text(.texMath),
                                            terms: slopes.map { ((($0.0 < 0) ? "- " : "+ ") + NumberFormat.label(abs($0.0), significant: notation.digits).text(.texMath), $0.1) })
              + "$")
    }

    /// "rises", "falls" or "is flat", for a line of `slope`.
    static func direction(_ slope: Double) -> String {
        slope > 0 ? "rises" : slope < 0 ? "falls" : "is flat"
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// `1 observation`, `25 observations`.
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}

extension FigureSpec {
    /// The figure's generated description (its kind's `describe`).
    func altText(model: FittedModel) throws -> String {
        try kind.definition.describe(FigureContext(figure: self, model: model))
    }

    /// What a screen reader announces: the caption's first sentence (or the
    /// figure's id when it has no caption) as the title, and the generated
    /// description, which says what the caption does not.
    func accessibility(model: FittedModel) throws -> FigureAccessibility {
        FigureAccessibility(title: accessibilityTitle, description: try altText(model: model))
    }

    /// The caption's first sentence: up to the first `.`, `?` or `!` followed
    /// by white space, or the whole caption.
    var accessibilityTitle: String {
        guard let caption = caption?.split(whereSeparator: \.isNewline).joined(separator: " "),
              !caption.trimmingCharacters(in: .whitespaces).isEmpty else { return id }
        let characters = Array(caption)
        for index in characters.indices.dropLast() where ".?!".contains(characters[index]) && characters[index + 1] == " " {
            return String(characters[...index]).trimmingCharacters(in: .whitespaces)
        }
        return caption.trimmingCharacters(in: .whitespaces)
    }
}
