import Foundation
import Support

/// The fitted model as text a statistician recognises: R's `summary(lm)` layout
/// (Estimate, Std. Error, t value, Pr(>|t|) with significance stars, residual
/// standard error, R², F), plus the confidence interval of each coefficient, the
/// rows dropped for missing values, aliased columns and any contrasts.
///
/// Numbers follow R's `printCoefmat` conventions closely (four significant digits,
/// a common number of decimals per column, p-values below 1e-3 in scientific form,
/// `<2e-16` at machine precision) so the table reads like the one in a course text.
public struct DesignSummary: Sendable {
    /// The outcome of one `--contrast`: a t test for one row, an F test for several.
    public enum ContrastResult: Sendable {
        case t(label: String, TContrast)
        case f(label: String, FContrast)
    }

    public let design: Design
    public let fit: Fit
    public let contrasts: [ContrastResult]
    /// Where the data came from, for the header line.
    public let source: String?
    /// Columns left out as R's `lm` leaves them out (`--aliased r`): `design` and
    /// `fit` are then of the remaining columns, and these print as `NA` rows at
    /// their places, as in R.
    public let rAliased: [Design.RAliasedColumn]

    public init(
        design: Design, fit: Fit, contrasts: [ContrastResult] = [], source: String? = nil,
        rAliased: [Design.RAliasedColumn] = []
    ) {
        self.design = design
        self.fit = fit
        self.contrasts = contrasts
        self.source = source
        self.rAliased = rAliased
    }

    public var text: String {
        var lines: [String] = []
        lines.append("Model: \(design.formula.text.trimmingCharacters(in: .whitespaces))")
        var data = "\(fit.n) rows used"
        if let source { data = "\(source): " + data }
        let missing = fit.droppedRows - design.transformDroppedRows
        if fit.droppedRows == 0 {
            data += ", none dropped"
        } else if design.transformDroppedRows == 0 {
            data += ", \(fit.droppedRows) dropped for missing values (listwise)"
        } else if missing == 0 {
            data += ", \(fit.droppedRows) dropped where a transform is not a finite number"
        } else {
            data += ", \(fit.droppedRows) dropped (\(missing) for missing values, "
                + "\(design.transformDroppedRows) where a transform is not a finite number)"
        }
        lines.append("Data:  " + data)
        lines.append("")
        let aliased = fit.coefficients.filter { !$0.estimable }.count
        if !rAliased.isEmpty {
            lines.append("Coefficients: (\(rAliased.count) not defined because of singularities, as R reports them)")
        } else {
            lines.append(aliased == 0 ? "Coefficients:" : "Coefficients: (\(aliased) not estimable because of aliasing)")
        }
        lines.append(contentsOf: coefficientTable())
        lines.append("---")
        lines.append("Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1")
        if aliased > 0 {
            lines.append("Aliased columns are linear combinations of others: the estimate shown is the")
            lines.append("minimum-norm (pseudo-inverse) value, which the data do not determine on its own.")
        }
        lines.append("")
        if let sigma = fit.sigma {
            lines.append("Residual standard error: \(Self.significant(sigma)) on \(fit.dfResidual) degrees of freedom")
        } else {
            lines.append("Residual standard error: undefined (0 residual degrees of freedom)")
        }
        if let r2 = fit.rSquared, let adjusted = fit.adjustedRSquared {
            lines.append("Multiple R-squared: \(Self.significant(r2)),  Adjusted R-squared: \(Self.significant(adjusted))")
        }
        if let f = fit.fStatistic, let p = fit.fPValue {
            lines.append(
                "F-statistic: \(Self.significant(f)) on \(fit.dfModel) and \(fit.dfResidual) DF,  p-value: \(Self.footerPValue(p))")
        }
        if !design.hasIntercept {
            lines.append("(no intercept: R-squared and F are about zero, not about the mean, as in R)")
        }
        if !contrasts.isEmpty {
            lines.append("")
            lines.append("Contrasts:")
            for contrast in contrasts {
                switch contrast {
                case .t(let label, let c):
                    lines.append(
                        "  \(label): estimate \(Self.significant(c.estimate)), SE \(Self.significant(c.standardError)), "
                            + "t = \(Self.significant(c.t)) on \(c.degreesOfFreedom) DF, p = \(Self.footerPValue(c.p)) \(Self.stars(c.p))")
                case .f(let label, let c):
                    lines.append(
                        "  \(label): F = \(Self.significant(c.f)) on \(c.numeratorDegreesOfFreedom) and "
                            + "\(c.denominatorDegreesOfFreedom) DF, p = \(Self.footerPValue(c.p)) \(Self.stars(c.p))")
                }
            }
        }
        for note in design.notes {
            lines.append("")
            lines.append("Note: \(note)")
        }
        for warning in fit.warnings {
            lines.append("")
            lines.append("Note: \(warning)")
        }
        if rAliased.isEmpty, let note = design.rAliasingNote(fit: fit) {
            lines.append("")
            lines.append("Note: \(note)")
        }
        // Trailing blanks cut by hand: ICU's `\s+$` takes time quadratic in a
        // line's length, and a computed term's label can be thousands of characters.
        return lines.map { line in
            String(line[..<(line.lastIndex { !$0.isWhitespace }.map(line.index(after:)) ?? line.startIndex)])
        }.joined(separator: "\n") + "\n"
    }

    private func coefficientTable() -> [String] {
        let coefficients = fit.coefficients
        let level = fit.confidenceLevel
        let tail = (1 - level) / 2 * 100
        let lowHeader = Self.percent(tail), highHeader = Self.percent(100 - tail)
        // Estimates and standard errors share one number of decimals, as in R.
        let numbers = coefficients.map(\.estimate) + coefficients.compactMap(\.standardError)
        let decimals = Self.decimals(for: numbers, significant: 4)
        let ciDecimals = Self.decimals(
            for: coefficients.compactMap(\.ciLow) + coefficients.compactMap(\.ciHigh), significant: 4)
        let tDecimals = min(3, Self.decimals(for: coefficients.compactMap(\.t).map { ($0 * 1000).rounded() / 1000 }, significant: 4))
        let pTexts = Self.pValueColumn(coefficients.map(\.p))
        var rows: [[String]] = [["", "Estimate", "Std. Error", "t value", "Pr(>|t|)", "", lowHeader, highHeader]]
        for (k, c) in coefficients.enumerated() {
            rows.append([
                c.term,
                Self.fixed(c.estimate, decimals),
                c.standardError.map { Self.fixed($0, decimals) } ?? "NA",
                c.t.map { Self.fixed($0, tDecimals) } ?? "NA",
                pTexts[k],
                c.estimable ? (c.p.map(Self.stars) ?? "") : "aliased",
                c.ciLow.map { Self.fixed($0, ciDecimals) } ?? "NA",
                c.ciHigh.map { Self.fixed($0, ciDecimals) } ?? "NA",
            ])
        }
        // R's NA rows, each at its column's place in the full design (positions
        // ascend, so inserting in order keeps the earlier ones right).
        for column in rAliased {
            rows.insert([column.name, "NA", "NA", "NA", "NA", "", "NA", "NA"], at: min(column.index + 1, rows.count))
        }
        let widths = (0..<8).map { j in rows.map { $0[j].count }.max() ?? 0 }
        return rows.map { row in
            var line = row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
            for j in 1..<5 { line += " " + String(repeating: " ", count: widths[j] - row[j].count) + row[j] }
            line += " " + row[5].padding(toLength: max(widths[5], 3), withPad: " ", startingAt: 0)
            for j in 6..<8 { line += " " + String(repeating: " ", count: widths[j] - row[j].count) + row[j] }
            return line
        }
    }

    // MARK: Number formatting (R's conventions)

    static func stars(_ p: Double) -> String {
        p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : ""
    }

    /// The fewest decimals that show every value to `significant` digits (trailing
    /// zeros dropped), as R's `format(x, digits =)` chooses for a column.
    static func decimals(for values: [Double], significant: Int) -> Int {
        var most = 0
        for value in values where value.isFinite && value != 0 {
            let exponent = Int(floor(log10(abs(value))))
            var d = max(0, significant - 1 - exponent)
            while d > 0 {
                let scaled = (abs(value) * pow(10, Double(d))).rounded()
                if scaled.truncatingRemainder(dividingBy: 10) != 0 { break }
                d -= 1
            }
            most = max(most, d)
        }
        return min(most, 12)
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf") }
        if abs(value) >= 1e15 { return String(posixFormat: "%.3e", value) }
        let text = String(posixFormat: "%.\(decimals)f", value)
        // No "-0.000": a value that rounds to zero prints without a sign.
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// Four significant digits without scientific notation for ordinary magnitudes.
    static func significant(_ value: Double, _ digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e15 || magnitude < 1e-4 { return String(posixFormat: "%.\(digits - 1)e", value) }
        return fixed(value, decimals(for: [value], significant: digits))
    }

    /// P-values as R's `summary(lm)` prints them: below 2.2e-16 `<2e-16`; from 1e-4
    /// up in fixed notation with common decimals (three significant digits, trailing
    /// zeros dropped: 0.17628, 0.00087); smaller ones in scientific form (8.88e-09).
    static func pValueColumn(_ values: [Double?]) -> [String] {
        let fixedGroup = values.compactMap { $0 }.filter { $0 >= 1e-4 }
        let decimals = Self.decimals(for: fixedGroup, significant: 3)
        return values.map { p in
            guard let p else { return "NA" }
            if p < 2.2e-16 { return "<2e-16" }
            if p >= 1e-4 { return String(posixFormat: "%.\(decimals)f", p) }
            return String(posixFormat: "%.2e", p)
        }
    }

    static func footerPValue(_ p: Double) -> String {
        if p < 2.2e-16 { return "< 2.2e-16" }
        return p >= 1e-4 ? significant(p) : String(posixFormat: "%.3e", p)
    }

    private static func percent(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " %"
    }
}
