import Foundation
import Support

/// One model's fitted numbers as the gallery shows them, read back from the
/// `fits.json` the lesson wrote (so the page shows exactly what is on disk).
struct GalleryFitTable: Equatable {
    struct Row: Equatable {
        var term: String
        var estimate: Double?
        var standardError: Double?
        var t: Double?
        var p: Double?
    }

    var model: String
    var rows: [Row]
    var n: Int?
    var sigma: Double?
    var rSquared: Double?

    /// Every model in a `fits.json`, sorted by name (the file's key order).
    static func read(_ data: Data) -> [GalleryFitTable] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return object.keys.sorted().compactMap { name in
            guard let fit = object[name] as? [String: Any] else { return nil }
            let coefficients = fit["coefficients"] as? [[String: Any]] ?? []
            return GalleryFitTable(
                model: name,
                rows: coefficients.map { row in
                    Row(term: row["term"] as? String ?? "?", estimate: number(row["estimate"]),
                        standardError: number(row["std_error"]), t: number(row["t"]), p: number(row["p"]))
                },
                n: fit["n"] as? Int, sigma: number(fit["sigma"]), rSquared: number(fit["r_squared"]))
        }
    }

    private static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    /// The table as HTML, with digits from Support's `NumberFormat` as a
    /// regression table prints them (each estimate at its standard error's
    /// decimal place, t to two decimals, p to three with "< 0.001" below) in
    /// display text: U+2212 minus, thin-space thousands (n too). The β̂, SE and t
    /// columns are padded with figure spaces so that, right-aligned in the
    /// page's tabular figures, they line up on the decimal point.
    var html: String {
        let estimates = DecimalAlignment.padded(rows.map { row in
            row.estimate.map { NumberFormat.estimate($0, standardError: row.standardError) }
        }, style: .unicode)
        let errors = DecimalAlignment.padded(rows.map { $0.standardError.map(NumberFormat.standardError) }, style: .unicode)
        let statistics = DecimalAlignment.padded(rows.map { $0.t.map(NumberFormat.statistic) }, style: .unicode)
        var lines = ["<table class=\"fit\">",
                     "<caption>Model <code>\(HTMLText.escaped(model))</code>"
                        + (n.map { ", n = \(NumberFormat.number(Double($0), .decimals(0)).text(.unicode))" } ?? "")
                        + (sigma.map { ", σ̂ = \(NumberFormat.label($0).text(.unicode))" } ?? "")
                        + (rSquared.map { ", R² = \(NumberFormat.number($0, .decimals(3)).text(.unicode))" } ?? "")
                        + "</caption>",
                     "<thead><tr><th>Term</th><th>β̂</th><th>SE</th><th>t</th><th>p</th></tr></thead>",
                     "<tbody>"]
        for (index, row) in rows.enumerated() {
            let cells = [estimates[index], errors[index], statistics[index], row.p.map { NumberFormat.pValue($0) }]
            lines.append("<tr><td>\(HTMLText.escaped(row.term))</td>"
                + cells.map { "<td>\(HTMLText.escaped($0 ?? "—"))</td>" }.joined() + "</tr>")
        }
        lines.append("</tbody></table>")
        return lines.joined(separator: "\n")
    }

}
