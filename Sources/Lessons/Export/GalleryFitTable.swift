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

    /// The table as HTML, numbers to the digits the figures print.
    var html: String {
        func cell(_ value: Double?, _ format: (Double) -> String) -> String {
            value.map(format) ?? "—"
        }
        var lines = ["<table class=\"fit\">",
                     "<caption>Model <code>\(HTMLText.escaped(model))</code>"
                        + (n.map { ", n = \($0)" } ?? "")
                        + (sigma.map { ", σ̂ = \(NumberText.estimate($0))" } ?? "")
                        + (rSquared.map { ", R² = \(NumberText.fixed($0, 3))" } ?? "") + "</caption>",
                     "<thead><tr><th>Term</th><th>β̂</th><th>SE</th><th>t</th><th>p</th></tr></thead>",
                     "<tbody>"]
        for row in rows {
            let p = cell(row.p) { NumberText.pValue($0).replacingOccurrences(of: "= ", with: "") }
            lines.append("<tr><td>\(HTMLText.escaped(row.term))</td>"
                + "<td>\(cell(row.estimate, NumberText.estimate).replacingOccurrences(of: "-", with: "−"))</td>"
                + "<td>\(cell(row.standardError, NumberText.estimate))</td>"
                + "<td>\(cell(row.t) { NumberText.fixed($0, 3) }.replacingOccurrences(of: "-", with: "−"))</td>"
                + "<td>\(HTMLText.escaped(p))</td></tr>")
        }
        lines.append("</tbody></table>")
        return lines.joined(separator: "\n")
    }
}
