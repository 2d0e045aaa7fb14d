import Foundation

/// Reads a small CSV (header row, comma separated, RFC 4180 quoting) into a
/// `DataTable`. A column whose every cell is a number is numeric; any other
/// column holds category labels. Errors name the file, the line and the column.
enum CSVTableReader {
    static func read(_ data: Data, file: String) throws -> DataTable {
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(.badData, file: file, message: "the CSV is not UTF-8 text",
                              suggestion: "re-save it as UTF-8")
        }
        var records = try records(of: text, file: file)
        while let last = records.last, last.cells == [""] { records.removeLast() }
        guard let header = records.first else {
            throw LessonError(.badData, file: file, line: 1, message: "the CSV is empty; expected a header row of column names")
        }
        let names = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        if let blank = names.firstIndex(of: "") {
            throw LessonError(.badData, file: file, line: 1, column: blank + 1, message: "column \(blank + 1) has no name in the header")
        }
        if let duplicate = names.enumerated().first(where: { names[..<$0.offset].contains($0.element) }) {
            throw LessonError(.badData, file: file, line: 1, column: duplicate.offset + 1,
                              message: "column name '\(duplicate.element)' appears twice in the header")
        }
        let rows = records.dropFirst()
        guard !rows.isEmpty else {
            throw LessonError(.badData, file: file, line: 1, message: "the CSV has a header but no data rows")
        }
        guard rows.count <= LessonSpecParser.maximumRows else {
            throw LessonError(.badData, file: file, message: "the CSV has \(rows.count) rows; the limit is \(LessonSpecParser.maximumRows)")
        }
        for row in rows where row.cells.count != names.count {
            throw LessonError(.badData, file: file, line: row.line,
                              message: "row has \(row.cells.count) cells but the header names \(names.count) columns")
        }
        var table = DataTable()
        for (j, name) in names.enumerated() {
            let cells = rows.map { $0.cells[j].trimmingCharacters(in: .whitespaces) }
            let numbers = cells.map(SpecNode.parseNumber)
            if numbers.allSatisfy({ $0 != nil }) {
                if let bad = numbers.firstIndex(where: { !$0!.isFinite }) {
                    let row = rows[rows.startIndex + bad]
                    throw LessonError(.badData, file: file, line: row.line, column: j + 1,
                                      message: "column '\(name)' holds '\(cells[bad])', which is not a finite number")
                }
                table.set(name, .numeric(numbers.map { $0! }))
            } else if numbers.filter({ $0 != nil }).count * 2 > numbers.count {
                // Mostly numbers: the odd cell out is almost certainly a typo, not a category.
                let bad = numbers.firstIndex { $0 == nil }!
                let row = rows[rows.startIndex + bad]
                throw LessonError(.badData, file: file, line: row.line, column: j + 1,
                                  message: "column '\(name)' is numeric but this cell is '\(cells[bad])'",
                                  suggestion: "write a number (decimal point, no thousands separator)")
            } else {
                table.set(name, .categorical(labels: cells, levels: DataTable.levelsInOrder(cells)))
            }
        }
        return table
    }

    struct Record {
        var line: Int
        var cells: [String]
    }

    /// Splits text into records, honouring quoted fields (which may hold commas,
    /// doubled quotes and newlines).
    static func records(of text: String, file: String) throws -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" { cell.unicodeScalars.append("\""); pending = iterator.next() } else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",": cells.append(cell); cell = ""
            case "\r": break
            case "\n":
                cells.append(cell); cell = ""
                records.append(Record(line: recordLine, cells: cells))
                cells = []
                line += 1
                recordLine = line
            default: cell.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw LessonError(.badData, file: file, line: recordLine, message: "a quoted cell is never closed",
                              suggestion: "add the closing '\"'")
        }
        if !cell.isEmpty || !cells.isEmpty {
            cells.append(cell)
            records.append(Record(line: recordLine, cells: cells))
        }
        return records
    }
}
