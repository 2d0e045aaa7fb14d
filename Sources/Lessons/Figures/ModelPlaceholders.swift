import Foundation
import GLM
import Support

/// The `\model{…}` placeholders of an `equation` figure: matrices of the
/// figure's fitted model written into its TeX as `bmatrix`es of the model's
/// numbers, so β̂ = (X′X)⁻¹X′Y can be shown with the very design, response and
/// estimates the lesson fits, and never drift from them.
///
/// Numbers go through Support's `NumberFormat`. Y prints the data as given
/// (to the lesson's `notation: digits` significant digits); β̂ prints each
/// estimate as the coefficient table does (the lesson's `notation: decimals:
/// estimates`, else to its standard error's precision); any other matrix
/// prints with one number of decimals per design column (X, X′) or for the
/// whole matrix, so its entries line up: none for whole numbers (a design's
/// dummies, X′X), else `notation: decimals: estimates` when given, else
/// enough for the lesson's `notation: digits` significant digits of the
/// largest entry.
struct ModelPlaceholders {
    /// A placeholder found in an equation: its name and where it is (in characters).
    struct Use: Equatable {
        var name: String
        /// The offset of `\model` and the placeholder's length, in characters.
        var offset: Int
        var length: Int
        /// The offset of the name inside the braces.
        var nameOffset: Int
    }

    /// What a placeholder names, as the docs and alt text say it.
    static let meanings: [(name: String, meaning: String)] = [
        ("X", "the design matrix"),
        ("Y", "the response"),
        ("beta", "the estimates β̂"),
        ("Xt", "the transposed design X′"),
        ("XtX", "X′X"),
        ("XtX-inverse", "(X′X)⁻¹"),
        ("Xty", "X′Y"),
        ("fitted", "the fitted values"),
        ("residuals", "the residuals"),
        ("sigma2", "the residual variance σ̂²"),
        ("cov-beta", "the covariance of the estimates σ̂²(X′X)⁻¹"),
    ]
    static var names: [String] { meanings.map(\.name) }

    /// Rows or columns past which a matrix shows its first and last few with dots between.
    static let maximumRows = 12, maximumColumns = 8

    let model: FittedModel

    /// Every `\model{…}` in `tex`, in order. A `\model` without braces is a use
    /// with an empty name, so it is reported as unknown rather than left to the
    /// TeX parser.
    static func uses(in tex: String) -> [Use] {
        let characters = Array(tex)
        let command = Array("\\model")
        var uses: [Use] = []
        var i = 0
        while i + command.count <= characters.count {
            guard Array(characters[i..<i + command.count]) == command,
                  i + command.count == characters.count || !characters[i + command.count].isLetter else {
                // Skip a whole command so `\\model` (a line break and "model") is not read as one.
                i += characters[i] == "\\" && i + 1 < characters.count ? 2 : 1
                continue
            }
            var j = i + command.count
            while j < characters.count, characters[j] == " " { j += 1 }
            if j < characters.count, characters[j] == "{", let close = characters[j...].firstIndex(of: "}") {
                let name = String(characters[(j + 1)..<close]).trimmingCharacters(in: .whitespaces)
                uses.append(Use(name: name, offset: i, length: close + 1 - i, nameOffset: j + 1))
                i = close + 1
            } else {
                uses.append(Use(name: "", offset: i, length: command.count, nameOffset: i))
                i += command.count
            }
        }
        return uses
    }

    /// `tex` with each placeholder replaced by a group of the same length, so
    /// the TeX parser checks the rest of the equation and its columns are the
    /// spec's.
    static func blanked(_ tex: String) -> String {
        var characters = Array(tex)
        for use in uses(in: tex) where use.length >= 2 {
            let blank = ["{"] + Array(repeating: Character("x"), count: use.length - 2) + ["}"]
            characters.replaceSubrange(use.offset..<(use.offset + use.length), with: blank)
        }
        return String(characters)
    }

    /// `tex` with every placeholder replaced by its TeX (all names already checked).
    func expanded(_ tex: String) -> String {
        var characters = Array(tex)
        for use in ModelPlaceholders.uses(in: tex).reversed() {
            characters.replaceSubrange(use.offset..<(use.offset + use.length), with: Array(self.tex(use.name) ?? ""))
        }
        return String(characters)
    }

    /// The numbers a placeholder shows, as rows; nil for an unknown name.
    func values(_ name: String) -> [[Double]]? {
        let design = model.design, fit = model.fit
        let x = design.x
        func rows(_ m: Matrix) -> [[Double]] { (0..<m.rows).map { m.row($0) } }
        func column(_ v: [Double]) -> [[Double]] { v.map { [$0] } }
        switch name {
        case "X": return rows(x)
        case "Y": return column(design.y)
        case "beta": return column(fit.coefficients.map(\.estimate))
        case "Xt": return rows(x.transposed)
        case "XtX": return rows(x.transposed.multiplied(by: x))
        case "XtX-inverse": return rows(fit.unscaledCovariance)
        case "Xty": return column(x.transposed.multiplied(by: design.y))
        case "fitted": return column(fit.fitted)
        case "residuals": return column(fit.residuals)
        case "sigma2": return [[fit.sigmaSquared ?? .nan]]
        case "cov-beta": return fit.covariance.map(rows) ?? rows(fit.unscaledCovariance).map { $0.map { _ in .nan } }
        default: return nil
        }
    }

    /// The numbers of a placeholder as printed, row by row (what the figure shows).
    func printed(_ name: String) -> [[String]]? {
        guard let values = values(name) else { return nil }
        let decimals = model.notation.decimals
        if name == "beta" {
            return zip(values, model.fit.coefficients).map { row, c in
                [c.estimable ? decimals.estimate(row[0], standardError: c.standardError).text(.texMath) : "\\text{NA}"]
            }
        }
        if name == "Y" {
            // The data as the lesson gives it, not padded to a common precision.
            return values.map { row in row.map { NumberFormat.label($0, significant: model.notation.digits).text(.texMath) } }
        }
        // A design's columns are variables, each with its own precision (X′
        // has them as rows); a square matrix (X′X, its inverse, Cov) is
        // symmetric and prints at one precision, so equal entries look equal.
        let columns = values.first?.count ?? 0
        let precisions: (Int, Int) -> Precision
        switch name {
        case "X":
            let byColumn = (0..<columns).map { j in precision(values.map { $0[j] }) }
            precisions = { _, j in byColumn[j] }
        case "Xt":
            let byRow = values.map(precision)
            precisions = { i, _ in byRow[i] }
        default:
            let whole = precision(Array(values.joined()))
            precisions = { _, _ in whole }
        }
        return values.enumerated().map { i, row in
            row.enumerated().map { j, value in
                value.isFinite ? NumberFormat.number(value, precisions(i, j)).text(.texMath) : "\\text{NA}"
            }
        }
    }

    /// The decimals of a set of entries: none for whole numbers, else the lesson's
    /// `notation: decimals: estimates`, else enough for `notation: digits`
    /// significant digits of the largest entry.
    private func precision(_ entries: [Double]) -> Precision {
        let finite = entries.filter(\.isFinite)
        if !finite.isEmpty, finite.allSatisfy({ $0 == $0.rounded() && abs($0) < 1e15 }) { return .decimals(0) }
        if let fixed = model.notation.decimals.estimates { return .decimals(fixed) }
        let largest = finite.map(abs).max() ?? 0
        let magnitude = largest > 0 ? Int(log10(largest).rounded(.down)) : 0
        return .decimals(min(10, max(0, model.notation.digits - 1 - magnitude)))
    }

    /// The TeX of a placeholder: a `bmatrix` of its numbers (a single number
    /// for σ̂²), long matrices shortened with dots; nil for an unknown name.
    func tex(_ name: String) -> String? {
        guard let printed = printed(name) else { return nil }
        if printed.count == 1, printed[0].count == 1 { return "{" + printed[0][0] + "}" }
        let rows = ModelPlaceholders.shortened(printed.map { ModelPlaceholders.shortened($0, limit: ModelPlaceholders.maximumColumns, dots: "\\cdots") },
                                               limit: ModelPlaceholders.maximumRows,
                                               dots: Array(repeating: "\\vdots", count: min(printed[0].count, ModelPlaceholders.maximumColumns)))
        return "\\begin{bmatrix}" + rows.map { $0.joined(separator: " & ") }.joined(separator: " \\\\ ") + "\\end{bmatrix}"
    }

    /// The first and last entries of a list longer than `limit`, with `dots` between.
    static func shortened<T>(_ items: [T], limit: Int, dots: T) -> [T] {
        guard items.count > limit else { return items }
        let head = limit / 2, tail = limit - head - 1
        return Array(items.prefix(head)) + [dots] + Array(items.suffix(tail))
    }
}
