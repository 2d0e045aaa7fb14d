import Foundation
import Support

/// The ANOVA table as text laid out like R's `anova()` print (Df, Sum Sq, Mean Sq,
/// F value, Pr(>F) and significance stars), and as JSON for `glmviz fit --json`.
extension AnovaTable: Encodable {
    private enum Keys: String, CodingKey { case type, title, rows }
    private enum RowKeys: String, CodingKey { case term, df, sumSq = "sum_sq", meanSq = "mean_sq", f, p }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(kind.rawValue, forKey: .type)
        try container.encode(kind.title, forKey: .title)
        var rowsContainer = container.nestedUnkeyedContainer(forKey: .rows)
        for row in rows {
            var r = rowsContainer.nestedContainer(keyedBy: RowKeys.self)
            try r.encode(row.term, forKey: .term)
            try r.encode(row.df, forKey: .df)
            try r.encode(FitReport.finite(row.sumOfSquares), forKey: .sumSq)
            try r.encode(FitReport.finite(row.meanSquare), forKey: .meanSq)
            try r.encode(FitReport.finite(row.f), forKey: .f)
            try r.encode(FitReport.finite(row.p), forKey: .p)
        }
    }

    /// The table under R's heading, for the response `response`.
    public func text(response: String) -> String {
        var lines = ["Analysis of Variance Table: \(kind.title)", "", "Response: \(response)"]
        let ssDecimals = DesignSummary.decimals(for: rows.compactMap(\.sumOfSquares), significant: 5)
        let msDecimals = DesignSummary.decimals(for: rows.compactMap(\.meanSquare), significant: 5)
        let fDecimals = min(4, DesignSummary.decimals(for: rows.compactMap(\.f), significant: 5))
        let pTexts = DesignSummary.pValueColumn(rows.map(\.p))
        var table: [[String]] = [["", "Df", "Sum Sq", "Mean Sq", "F value", "Pr(>F)", ""]]
        for (k, row) in rows.enumerated() {
            let residual = row.term == "Residuals"
            table.append([
                row.term, String(row.df),
                row.sumOfSquares.map { DesignSummary.fixed($0, ssDecimals) } ?? "NA",
                row.meanSquare.map { DesignSummary.fixed($0, msDecimals) } ?? (residual ? "" : "NA"),
                row.f.map { DesignSummary.fixed($0, fDecimals) } ?? (residual ? "" : "NA"),
                residual ? "" : pTexts[k],
                row.p.map(DesignSummary.stars) ?? "",
            ])
        }
        let widths = (0..<7).map { j in table.map { $0[j].count }.max() ?? 0 }
        for row in table {
            var line = row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
            for j in 1..<6 { line += " " + String(repeating: " ", count: widths[j] - row[j].count) + row[j] }
            line += " " + row[6]
            lines.append(String(line.reversed().drop(while: { $0 == " " }).reversed()))
        }
        lines.append("---")
        lines.append("Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1")
        return lines.joined(separator: "\n") + "\n"
    }
}
