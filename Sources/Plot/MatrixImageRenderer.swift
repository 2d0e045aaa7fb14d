/// Lays out and draws a `MatrixImage`: measures labels, sizes the cells to
/// the space left, centres the grid, and prints numbers in contrasting ink.
///
/// A matrix with more columns than the canvas can show with a readable label each
/// is summarised, never cropped: the first and last columns are drawn with an
/// ellipsis column between them, and a note under the grid says how many columns
/// there are and how many are shown (see `ColumnSelection`).
///
/// From the top: the title, the contrasts (name, then bars on a zero line), the
/// column labels, the grid, the estimability row, then the notes. Every band's
/// height is measured before the cells are sized, so the grid takes what is left
/// and nothing is drawn over anything else.
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
        if let bad = image.contrasts.first(where: { $0.weights.count != columnCount }) {
            throw PlotError.invalidData("contrast '\(bad.name)' has \(bad.weights.count) weights for \(columnCount) columns")
        }
        if let flags = image.estimable, flags.count != columnCount {
            throw PlotError.invalidData("\(flags.count) estimability flags for \(columnCount) columns")
        }
        if image.upperTriangle && rows != columnCount {
            throw PlotError.invalidData("an upper triangle needs a square matrix, not \(rows) × \(columnCount)")
        }
        let pad = theme.textPadding, m = theme.margin
        let labelStyle = TextStyle(size: theme.tickLabelSize, color: theme.foreground, family: theme.fontFamily)
        let titleStyle = TextStyle(size: theme.titleSize, color: theme.foreground, bold: true, family: theme.fontFamily)
        let columnMarkup = try image.columnLabels?.map { try TeX.markup($0) } ?? []
        var rowMarkup = try image.rowLabels?.map { try TeX.markup($0) } ?? []
        let columnSizes = columnMarkup.map { canvas.measure(markup: $0, style: labelStyle) }
        let estimabilityLabel = "estimable"
        let rowWidth = (rowMarkup + (image.estimable == nil ? [] : [estimabilityLabel]))
            .map { canvas.measure(markup: $0, style: labelStyle).width }.max() ?? 0
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

        let lineHeight = columnSizes.map(\.height).max() ?? canvas.measure(markup: "0", style: labelStyle).height
        // Labelled columns need a rotated label's height each; unlabelled ones a pixel.
        let narrowest = image.columnLabels == nil ? 1 : lineHeight + 2
        var left = m + (rowWidth > 0 ? rowWidth + pad : 0)
        var selection = ColumnSelection(count: image.columnCount, fitting: Int(max(image.size.width - left - m - barBand, 0) / narrowest))
        // An upper triangle's row labels sit beside the diagonal, in the empty lower
        // half, so the long names of a design's columns do not squeeze the grid: the
        // margin only needs what a label reaches past the grid's left edge. Cells
        // only widen as the margin shrinks, so a margin found with the cells of a
        // wider margin is always enough; a few rounds bring it close to the least.
        // Not when columns are summarised: the diagonal then leaves the grid's columns.
        var diagonalRowLabels = false
        if image.upperTriangle, rowWidth > 0 {
            let widths = rowMarkup.map { canvas.measure(markup: $0, style: labelStyle).width }
            var diagonalLeft = left
            for _ in 0..<4 {
                let cell = min(max(image.size.width - diagonalLeft - m - barBand, 0) / Double(columnCount), image.maximumCellWidth)
                let reach = widths.enumerated().map { $1 + pad - Double($0) * cell }.max() ?? 0
                diagonalLeft = min(diagonalLeft, m + max(0, reach))
            }
            let wider = ColumnSelection(count: image.columnCount, fitting: Int(max(image.size.width - diagonalLeft - m - barBand, 0) / narrowest))
            if wider.note == nil {
                left = diagonalLeft; selection = wider; diagonalRowLabels = true
            } else {
                // Names too long even there: leave rows unnamed, as SPM does, since
                // row r's diagonal cell sits under column r's name.
                let bare = ColumnSelection(count: image.columnCount, fitting: Int(max(image.size.width - m - m - barBand, 0) / narrowest))
                if bare.note == nil { left = m; selection = bare; rowMarkup = [] }
            }
        }
        let availableWidth = image.size.width - left - m - barBand
        let shown = selection.columns
        let shownLabels = shown.map { $0.map { columnMarkup.isEmpty ? "" : columnMarkup[$0] } ?? "…" }
        let shownSizes = shown.map { $0.map { columnSizes.isEmpty ? Size(width: 0, height: 0) : columnSizes[$0] }
            ?? canvas.measure(markup: "…", style: labelStyle) }
        let cols = shown.count
        var cellWidth = min(availableWidth / Double(cols), image.maximumCellWidth)
        let widest = columnSizes.isEmpty ? 0 : shownSizes.map(\.width).max() ?? 0
        let rotate = widest > cellWidth - 4
        let columnBand = columnSizes.isEmpty ? 0 : (rotate ? widest : lineHeight) + pad
        // Each contrast: its name on one line, then bars reaching half a band up or down.
        let contrastNames = image.contrasts.map { canvas.wrapped(escapeMarkup($0.name), style: labelStyle, width: image.size.width - 2 * m) }
        let contrastNameHeights = contrastNames.map { canvas.measure(markup: $0, style: labelStyle).height }
        let barBandHeight = max(24, lineHeight * 1.8)
        let contrastsHeight = contrastNameHeights.reduce(0) { $0 + $1 + barBandHeight + pad * 2 }
        let top = m + titleHeight + contrastsHeight + columnBand
        let noteWidth = image.size.width - 2 * m
        let notes = ([selection.note].compactMap { $0 } + image.notes)
            .map { canvas.wrapped(escapeMarkup($0), style: labelStyle, width: noteWidth) }
        let noteHeights = notes.map { canvas.measure(markup: $0, style: labelStyle).height }
        let noteHeight = noteHeights.reduce(0) { $0 + $1 + pad }
        let estimabilityHeight = image.estimable == nil ? 0 : lineHeight + pad * 2
        let availableHeight = image.size.height - top - m - noteHeight - estimabilityHeight
        var cellHeight = availableHeight / Double(rows)
        // Small matrices get square-ish cells rather than tall slabs.
        cellHeight = min(cellHeight, max(cellWidth, lineHeight * 1.6))
        if rotate { cellWidth = max(cellWidth, lineHeight + 2) }
        let gridWidth = cellWidth * Double(cols), gridHeight = cellHeight * Double(rows)
        let x0 = left + (availableWidth - gridWidth) / 2
        let grid = Rect(x: x0, y: top, width: gridWidth, height: gridHeight)

        let scaled = image.scaledValues()
        /// Whether a cell is drawn: all of them, or those on and above the diagonal.
        func drawn(_ r: Int, _ column: Int) -> Bool { !image.upperTriangle || column >= r }
        for r in 0..<rows {
            for (c, column) in shown.enumerated() {
                guard let column, drawn(r, column) else { continue }
                // Cells without borders overlap the next by half a pixel: a
                // recording replayed at density 2 can round two touching
                // edges apart and leave a light seam across a long design.
                let overlap = image.cellBorders ? 0 : 0.5
                let cell = Rect(x: grid.minX + Double(c) * cellWidth, y: grid.minY + Double(r) * cellHeight,
                                width: cellWidth + (c < shown.count - 1 ? overlap : 0), height: cellHeight + (r < rows - 1 ? overlap : 0))
                canvas.withoutAntialiasing { canvas.fill(cell, image.colorMap.color(scaled[r][column])) }
            }
        }
        // Cell borders only where cells are large enough to read one by one.
        let border = Color(hex: 0x9A9A9A)
        if image.upperTriangle {
            if image.cellBorders && cellHeight >= 12 {
                for r in 0..<rows {
                    for (c, column) in shown.enumerated() {
                        guard let column, drawn(r, column) else { continue }
                        canvas.strokeRect(Rect(x: grid.minX + Double(c) * cellWidth, y: grid.minY + Double(r) * cellHeight,
                                               width: cellWidth, height: cellHeight), border, width: 1)
                    }
                }
            }
        } else if image.cellBorders && cellHeight >= 12 {
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
                    guard let column, drawn(r, column) else { continue }
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
        if let flags = image.estimable {
            let y = grid.maxY + pad
            for (c, column) in shown.enumerated() {
                guard let column else { continue }
                let square = Rect(x: grid.minX + Double(c) * cellWidth, y: y, width: cellWidth, height: lineHeight)
                canvas.withoutAntialiasing { canvas.fill(square, flags[column] ? .white : Self.notEstimableGrey) }
                canvas.strokeRect(square, border, width: 1)
            }
            canvas.text(markup: estimabilityLabel, style: labelStyle, at: Point(grid.minX - pad, y + lineHeight / 2), anchor: .right,
                        role: .matrixLabel, item: "estimability row")
        }
        var noteY = grid.maxY + pad + estimabilityHeight
        for (note, height) in zip(notes, noteHeights) {
            canvas.text(markup: note, style: labelStyle, at: Point(m, noteY), anchor: .topLeft, role: .note)
            noteY += height + pad
        }
        drawContrasts(names: contrastNames, nameHeights: contrastNameHeights, top: m + titleHeight, bandHeight: barBandHeight,
                      grid: grid, cellWidth: cellWidth, shown: shown, style: labelStyle)
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
            let labelled: [Int]
            switch image.rowLabelSpacing {
            case .everyFitting: labelled = Array(stride(from: 0, to: rows, by: step))
            case .scanTicks: labelled = ScanTicks.rows(count: rows, limit: Int(gridHeight / (lineHeight * 1.4)))
            case .rows(let given): labelled = given.filter { (0..<rows).contains($0) }
            }
            // A scan tick centred on a thin first or last row would hang past the grid
            // into the column labels or the estimability row: keep each inside the
            // grid's height, and drop a label that would then touch the one before it
            // (the last row's label is kept, as it says how many rows there are).
            // Only scan ticks need it: labels every k-th row sit a full line apart.
            let clamp = image.rowLabelSpacing != .everyFitting
            var placed: [(row: Int, y: Double)] = []
            for r in labelled {
                let centre = grid.minY + (Double(r) + 0.5) * cellHeight
                let y = clamp ? min(max(centre, grid.minY + lineHeight / 2), grid.maxY - lineHeight / 2) : centre
                if let last = placed.last, y - last.y < lineHeight {
                    if r == labelled.last, placed.count > 1 { placed.removeLast() } else { continue }
                }
                placed.append((r, y))
            }
            for (r, y) in placed {
                let x = grid.minX + (diagonalRowLabels ? Double(r) * cellWidth : 0) - pad
                canvas.text(markup: rowMarkup[r], style: labelStyle, at: Point(x, y), anchor: .right, role: .matrixLabel)
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

    /// The grey of a parameter that is not uniquely determined, as SPM shows it.
    static let notEstimableGrey = Color(hex: 0x8C8C8C)

    /// Each contrast as SPM draws it above the design: its name, then a bar per
    /// column from a zero line, up for a positive weight and down for a negative
    /// one, the largest weight reaching the edge of the band.
    func drawContrasts(names: [String], nameHeights: [Double], top: Double, bandHeight: Double, grid: Rect,
                       cellWidth: Double, shown: [Int?], style: TextStyle) {
        let pad = theme.textPadding, m = theme.margin
        let ink = Color(hex: 0x4D4D4D)
        var y = top
        for ((contrast, name), nameHeight) in zip(zip(image.contrasts, names), nameHeights) {
            let nameWidth = canvas.measure(markup: name, style: style).width
            let x = max(m, min(grid.minX, image.size.width - m - nameWidth))
            canvas.text(markup: name, style: style, at: Point(x, y), anchor: .topLeft, role: .matrixLabel,
                        item: "contrast \(contrast.name)")
            y += nameHeight + pad
            let zero = y + bandHeight / 2
            let largest = contrast.weights.map(abs).max() ?? 0
            for (c, column) in shown.enumerated() {
                guard let column, largest > 0 else { continue }
                let weight = contrast.weights[column]
                guard weight != 0 else { continue }
                let reach = weight / largest * bandHeight / 2
                let bar = Rect(x: grid.minX + (Double(c) + 0.2) * cellWidth, y: min(zero, zero - reach),
                               width: cellWidth * 0.6, height: abs(reach))
                canvas.withoutAntialiasing { canvas.fill(bar, ink) }
            }
            canvas.line(from: Point(grid.minX, zero), to: Point(grid.maxX, zero), color: theme.foreground, width: 1)
            y += bandHeight + pad
        }
    }
}
