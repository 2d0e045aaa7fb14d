/// Lays out and draws a `MatrixImage`: measures labels, sizes the cells to
/// the space left, centres the grid, and prints numbers in contrasting ink.
///
/// A matrix with more columns than the canvas can show with a readable label each
/// is summarised, never cropped: the first and last columns are drawn with an
/// ellipsis column between them, and a note under the grid says how many columns
/// there are and how many are shown (see `ColumnSelection`).
struct MatrixImageRenderer {
    let image: MatrixImage
    let canvas: Canvas
    var theme: Theme { image.theme }

    func render() throws {
        let rows = image.rowCount, columnCount = image.columnCount
        guard rows > 0, columnCount > 0 else { throw PlotError.invalidData("a matrix image needs at least one row and one column") }
        if let bad = image.values.firstIndex(where: { $0.count != columnCount }) {
            throw PlotError.invalidData("matrix row \(bad + 1) has \(image.values[bad].count) values; row 1 has \(columnCount)")
        }
        if let labels = image.columnLabels, labels.count != columnCount {
            throw PlotError.invalidData("\(labels.count) column labels for \(columnCount) columns")
        }
        if let labels = image.rowLabels, labels.count != rows {
            throw PlotError.invalidData("\(labels.count) row labels for \(rows) rows")
        }
        let pad = theme.textPadding, m = theme.margin
        let labelStyle = TextStyle(size: theme.tickLabelSize, color: theme.foreground, family: theme.fontFamily)
        let titleStyle = TextStyle(size: theme.titleSize, color: theme.foreground, bold: true, family: theme.fontFamily)
        let columnMarkup = try image.columnLabels?.map { try TeX.markup($0) } ?? []
        let rowMarkup = try image.rowLabels?.map { try TeX.markup($0) } ?? []
        let columnSizes = columnMarkup.map { canvas.measure(markup: $0, style: labelStyle) }
        let rowWidth = rowMarkup.map { canvas.measure(markup: $0, style: labelStyle).width }.max() ?? 0
        // A title longer than the figure wraps rather than run off it.
        let titleMarkup = try image.title.map { canvas.wrapped(try TeX.markup($0), style: titleStyle, width: image.size.width - 2 * m) }
        let titleHeight = titleMarkup.map { canvas.measure(markup: $0, style: titleStyle).height + pad * 2 } ?? 0

        // The colour bar's ticks and labels, and the width they take.
        let barWidth = 16.0
        var barTicks: [Double] = [], barLabels: [String] = []
        if image.colorBar, let range = image.valueRange, range.upperBound > range.lowerBound {
            barTicks = TickGenerator().ticks(lower: range.lowerBound, upper: range.upperBound, target: 5)
                .filter { $0 >= range.lowerBound - 1e-12 && $0 <= range.upperBound + 1e-12 }
            barLabels = TickFormatter().labels(for: barTicks).map(escapeMarkup)
        }
        let barLabelWidth = barLabels.map { canvas.measure(markup: $0, style: labelStyle).width }.max() ?? 0
        let barBand = barTicks.isEmpty ? 0 : pad * 3 + barWidth + theme.tickLength + pad + barLabelWidth

        let left = m + (rowWidth > 0 ? rowWidth + pad : 0)
        let availableWidth = image.size.width - left - m - barBand
        let lineHeight = columnSizes.map(\.height).max() ?? canvas.measure(markup: "0", style: labelStyle).height
        // Labelled columns need a rotated label's height each; unlabelled ones a pixel.
        let narrowest = image.columnLabels == nil ? 1 : lineHeight + 2
        let selection = ColumnSelection(count: image.columnCount, fitting: Int(max(availableWidth, 0) / narrowest))
        let shown = selection.columns
        let shownLabels = shown.map { $0.map { columnMarkup.isEmpty ? "" : columnMarkup[$0] } ?? "…" }
        let shownSizes = shown.map { $0.map { columnSizes.isEmpty ? Size(width: 0, height: 0) : columnSizes[$0] }
            ?? canvas.measure(markup: "…", style: labelStyle) }
        let cols = shown.count
        var cellWidth = min(availableWidth / Double(cols), image.maximumCellWidth)
        let widest = columnSizes.isEmpty ? 0 : shownSizes.map(\.width).max() ?? 0
        let rotate = widest > cellWidth - 4
        let columnBand = columnSizes.isEmpty ? 0 : (rotate ? widest : lineHeight) + pad
        let top = m + titleHeight + columnBand
        let noteHeight = selection.note == nil ? 0 : lineHeight + pad
        let availableHeight = image.size.height - top - m - noteHeight
        var cellHeight = availableHeight / Double(rows)
        // Small matrices get square-ish cells rather than tall slabs.
        cellHeight = min(cellHeight, max(cellWidth, lineHeight * 1.6))
        if rotate { cellWidth = max(cellWidth, lineHeight + 2) }
        let gridWidth = cellWidth * Double(cols), gridHeight = cellHeight * Double(rows)
        let x0 = left + (availableWidth - gridWidth) / 2
        let grid = Rect(x: x0, y: top, width: gridWidth, height: gridHeight)

        let scaled = image.scaledValues()
        for r in 0..<rows {
            for (c, column) in shown.enumerated() {
                guard let column else { continue }
                let cell = Rect(x: grid.minX + Double(c) * cellWidth, y: grid.minY + Double(r) * cellHeight,
                                width: cellWidth, height: cellHeight)
                canvas.withoutAntialiasing { canvas.fill(cell, image.colorMap.color(scaled[r][column])) }
            }
        }
        // Cell borders only where cells are large enough to read one by one.
        if cellHeight >= 12 {
            let border = Color(hex: 0x9A9A9A)
            for r in 0...rows {
                let y = grid.minY + Double(r) * cellHeight
                canvas.line(from: Point(grid.minX, y), to: Point(grid.maxX, y), color: border, width: 1)
            }
            for c in 0...cols {
                let x = grid.minX + Double(c) * cellWidth
                canvas.line(from: Point(x, grid.minY), to: Point(x, grid.maxY), color: border, width: 1)
            }
        } else {
            canvas.strokeRect(grid, theme.foreground, width: 1)
        }

        // Numbers grow with the cells, within reason, so big cells do not look empty.
        let numberSize = min(max(theme.cellNumberSize, cellHeight * 0.32), theme.cellNumberSize * 1.4)
        let numberStyle = TextStyle(size: numberSize, color: theme.foreground, family: theme.fontFamily)
        let decimals = image.decimals ?? min(3, TickFormatter().decimals(for: image.values.flatMap { $0 }))
        let texts = image.values.map { row in shown.map { $0.map { TickFormatter().fixed(row[$0], decimals) } ?? "…" } }
        // Each distinct text is measured once, and only when the numbers may be shown:
        // a 1 000-column design has a million cells but two distinct texts.
        func fits() -> Bool {
            cellHeight >= numberStyle.size * 1.35
                && Set(texts.joined()).allSatisfy { canvas.measure(markup: $0, style: numberStyle).width <= cellWidth - 6 }
        }
        let showNumbers: Bool
        switch image.numbers {
        case .always: showNumbers = true
        case .never: showNumbers = false
        case .automatic: showNumbers = rows * cols <= 400 && fits()
        }
        if showNumbers {
            for r in 0..<rows {
                for (c, column) in shown.enumerated() {
                    guard let column else { continue }
                    let fill = image.colorMap.color(scaled[r][column])
                    var style = numberStyle
                    style.color = fill.luminance > 0.35 ? theme.foreground : .white
                    let center = Point(grid.minX + (Double(c) + 0.5) * cellWidth, grid.minY + (Double(r) + 0.5) * cellHeight)
                    canvas.text(markup: texts[r][c], style: style, at: center, anchor: .center, role: .cellNumber,
                                item: "row \(r + 1), column \(column + 1)")
                }
            }
        }

        // The ellipsis column: a dot in every row it has room for.
        if let gap = shown.firstIndex(where: { $0 == nil }) {
            let x = grid.minX + (Double(gap) + 0.5) * cellWidth
            let dots = TextStyle(size: theme.tickLabelSize, color: theme.mutedForeground, family: theme.fontFamily)
            canvas.text(markup: "⋯", style: dots, at: Point(x, grid.midY), anchor: .center, rotation: 0, role: .matrixLabel)
        }
        if let note = selection.note {
            canvas.text(markup: escapeMarkup(note), style: labelStyle, at: Point(grid.minX, grid.maxY + pad), anchor: .topLeft, role: .note)
        }
        for (c, markup) in (columnMarkup.isEmpty ? [] : shownLabels).enumerated() {
            let x = grid.minX + (Double(c) + 0.5) * cellWidth
            if rotate {
                canvas.text(markup: markup, style: labelStyle, at: Point(x, grid.minY - pad), anchor: .left, rotation: .pi / 2, role: .matrixLabel)
            } else {
                canvas.text(markup: markup, style: labelStyle, at: Point(x, grid.minY - pad), anchor: .bottom, role: .matrixLabel)
            }
        }
        // Row labels: every row when they fit, otherwise every k-th.
        if !rowMarkup.isEmpty {
            let step = max(1, Int((lineHeight / cellHeight).rounded(.up)))
            for r in stride(from: 0, to: rows, by: step) {
                let y = grid.minY + (Double(r) + 0.5) * cellHeight
                canvas.text(markup: rowMarkup[r], style: labelStyle, at: Point(grid.minX - pad, y), anchor: .right, role: .matrixLabel)
            }
        }
        if let range = image.valueRange, !barTicks.isEmpty {
            let bar = Rect(x: grid.maxX + pad * 3, y: grid.minY, width: barWidth, height: grid.height)
            canvas.fillVerticalGradient(bar, stops: image.colorMap.stops.map { ($0, image.colorMap.color($0)) })
            canvas.strokeRect(bar, theme.foreground, width: 1)
            for (t, label) in zip(barTicks, barLabels) {
                let y = bar.maxY - (t - range.lowerBound) / (range.upperBound - range.lowerBound) * bar.height
                canvas.line(from: Point(bar.maxX, y), to: Point(bar.maxX + theme.tickLength, y), color: theme.foreground, width: 1)
                canvas.text(markup: label, style: labelStyle, at: Point(bar.maxX + theme.tickLength + pad, y), anchor: .left,
                            role: .tickLabel, item: "colour bar = \(LayoutItem.number(t))")
            }
        }
        if let titleMarkup {
            canvas.text(markup: titleMarkup, style: titleStyle, at: Point(m, m), anchor: .topLeft, role: .title)
        }
    }
}
