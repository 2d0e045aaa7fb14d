/// A table typeset as a figure in the booktabs style (a heavy rule above and
/// below, a light one under the header, no vertical lines), for coefficient
/// tables and dummy-coding tables that sit beside plots in a lesson. Cells
/// are TeX-subset strings; numeric columns are best right-aligned so their
/// decimals line up.
///
/// ```swift
/// let table = Table(header: ["", "Estimate", "SE", "$t$"],
///                   rows: [["$\\beta_0$", "62.37", "26.18", "2.38"], ["$\\beta_1$", "3.570", "0.347", "10.29"]],
///                   alignments: [.left, .right, .right, .right])
/// try table.sized().write(to: url)
/// ```
public struct Table: Figure {
    public enum Alignment: Sendable { case left, center, right }

    public var size: Size
    public var theme: Theme
    public var accessibility: FigureAccessibility?
    public var title: String?
    public var header: [String]
    public var rows: [[String]]
    /// One per column; missing entries are left-aligned.
    public var alignments: [Alignment]

    public init(size: Size = Size(width: 760, height: 300), theme: Theme = .textbook, title: String? = nil,
                header: [String], rows: [[String]], alignments: [Alignment] = []) {
        self.size = size; self.theme = theme; self.title = title
        self.header = header; self.rows = rows; self.alignments = alignments
    }

    var cellStyle: TextStyle { TextStyle(size: theme.tickLabelSize + 1, color: theme.foreground, family: theme.fontFamily) }
    var headerStyle: TextStyle { TextStyle(size: theme.tickLabelSize + 1, color: theme.foreground, bold: true, family: theme.fontFamily) }
    var titleStyle: TextStyle { TextStyle(size: theme.titleSize, color: theme.foreground, bold: true, family: theme.fontFamily) }
    let columnGap = 28.0, rowGap = 9.0, ruleGap = 7.0

    /// The same table with `size` set to just fit its content plus margins.
    public func sized() throws -> Table {
        var copy = self
        copy.size = try FontSystem.shared.withContext { pango in
            let m = try TableMetrics(table: self) { markup, style in
                let l = TextLayout(context: pango, markup: markup, style: style)
                return Size(width: l.width, height: l.height)
            }
            return Size(width: (m.totalWidth + 2 * theme.margin).rounded(.up), height: (m.totalHeight + 2 * theme.margin).rounded(.up))
        }
        return copy
    }

    public func draw(on canvas: Canvas) throws {
        let m = try TableMetrics(table: self) { canvas.measure(markup: $0, style: $1) }
        let x0 = max(theme.margin, (size.width - m.totalWidth) / 2)
        var y = theme.margin
        if let title {
            try canvas.tex(title, style: titleStyle, at: Point(x0, y), anchor: .topLeft, role: .title)
            y += m.titleHeight + ruleGap * 2
        }
        let rule = { (y: Double, width: Double) in
            canvas.line(from: Point(x0, y), to: Point(x0 + m.tableWidth, y), color: theme.foreground, width: width)
        }
        rule(y, 1.8)
        y += ruleGap
        func drawRow(_ cells: [String], style: TextStyle, height: Double, role: TextRole) {
            var x = x0
            for (c, w) in m.columnWidths.enumerated() {
                let markup = c < cells.count ? cells[c] : ""
                let alignment = c < alignments.count ? alignments[c] : .left
                let (px, anchor): (Double, TextAnchor) = switch alignment {
                case .left: (x, .topLeft)
                case .center: (x + w / 2, .top)
                case .right: (x + w, .topRight)
                }
                if !markup.isEmpty { canvas.text(markup: markup, style: style, at: Point(px, y), anchor: anchor, role: role) }
                x += w + columnGap
            }
            y += height
        }
        if !header.isEmpty {
            drawRow(m.headerMarkup, style: headerStyle, height: m.headerHeight, role: .tableHeader)
            y += ruleGap
            rule(y, 1.0)
            y += ruleGap
        }
        for (r, cells) in m.rowMarkup.enumerated() {
            drawRow(cells, style: cellStyle, height: m.rowHeights[r], role: .tableCell)
            if r < m.rowMarkup.count - 1 { y += rowGap }
        }
        y += ruleGap
        rule(y, 1.8)
    }
}

/// Measured column widths and row heights of a `Table`.
struct TableMetrics {
    var headerMarkup: [String]
    var rowMarkup: [[String]]
    var columnWidths: [Double]
    var headerHeight: Double
    var rowHeights: [Double]
    var titleHeight: Double
    var tableWidth: Double
    var totalWidth: Double
    var totalHeight: Double

    init(table: Table, measure: (String, TextStyle) -> Size) throws {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        headerMarkup = try table.header.map { try TeX.markup($0) }
        rowMarkup = try table.rows.map { try $0.map { try TeX.markup($0) } }
        var widths = [Double](repeating: 0, count: columns)
        headerHeight = 0
        for (c, markup) in headerMarkup.enumerated() {
            let s = measure(markup, table.headerStyle)
            widths[c] = max(widths[c], s.width); headerHeight = max(headerHeight, s.height)
        }
        rowHeights = []
        for row in rowMarkup {
            var h = 0.0
            for (c, markup) in row.enumerated() {
                let s = measure(markup, table.cellStyle)
                widths[c] = max(widths[c], s.width); h = max(h, s.height)
            }
            rowHeights.append(h)
        }
        columnWidths = widths
        titleHeight = try table.title.map { measure(try TeX.markup($0), table.titleStyle).height } ?? 0
        tableWidth = widths.reduce(0, +) + table.columnGap * Double(max(0, columns - 1))
        let titleWidth = try table.title.map { measure(try TeX.markup($0), table.titleStyle).width } ?? 0
        totalWidth = max(tableWidth, titleWidth)
        totalHeight = (table.title == nil ? 0 : titleHeight + table.ruleGap * 2)
            + table.ruleGap * 2 + (table.header.isEmpty ? 0 : headerHeight + table.ruleGap * 2)
            + rowHeights.reduce(0, +) + table.rowGap * Double(max(0, rowHeights.count - 1))
    }
}
