import Dispatch
import Foundation

/// How to read a CSV file into a `Frame`.
public struct CSVOptions: Sendable, Equatable {
    /// Columns to treat as categorical even when every cell is a number
    /// (a 0/1 group code, a subject id).
    public var categorical: Set<String>
    /// Columns that must be numeric; a cell that is not a number is an error
    /// naming its row, instead of silently turning the column categorical.
    public var numeric: Set<String>
    /// The columns whose cells must be all numbers once most are (a word among
    /// numbers is then a typo and refused); nil for every column. A column outside
    /// the set that mixes numbers and words is read as categorical instead, so a
    /// column the model never uses cannot refuse the file.
    public var strictColumns: Set<String>?

    public init(categorical: Set<String> = [], numeric: Set<String> = [], strictColumns: Set<String>? = nil) {
        self.categorical = categorical
        self.numeric = numeric
        self.strictColumns = strictColumns
    }
}

extension Frame {
    /// Reads a CSV file: a header row of names, then one record per row.
    ///
    /// A column is numeric when every non-missing cell parses as a number, otherwise
    /// categorical (unless `options` says otherwise). Empty cells, `NA` and `NaN` are
    /// missing. UTF-8 with or without BOM; LF, CRLF or CR line ends; RFC 4180 quoting.
    public static func read(csv path: String, options: CSVOptions = CSVOptions()) throws -> Frame {
        let file = try CSVFileBytes(path: path)
        return try withExtendedLifetime(file) {
            try CSVReader(buffer: file.buffer, source: path, options: options,
                          afterScanning: file.releaseResidentPages).read()
        }
    }

    /// Reads CSV text already in memory; `source` names it in error messages.
    public init(csv bytes: [UInt8], source: String = "<data>", options: CSVOptions = CSVOptions()) throws {
        self = try bytes.withUnsafeBufferPointer { buffer in
            try CSVReader(buffer: buffer, source: source, options: options).read()
        }
    }

    /// Reads CSV text already in memory; `source` names it in error messages.
    public init(csv text: String, source: String = "<data>", options: CSVOptions = CSVOptions()) throws {
        try self.init(csv: Array(text.utf8), source: source, options: options)
    }
}

/// The two-pass reader behind `Frame.read(csv:)`.
///
/// Pass one scans every field once, parsing numbers as it goes, on the bet that
/// most columns are numeric. Columns that turn out to hold text are collected in a
/// second pass that only builds strings for those columns. Nothing is split into
/// `String`s on the numeric path, which is what makes large files fast.
///
/// `@unchecked Sendable`: chunks of the same immutable buffer are read concurrently;
/// nothing is written through it.
struct CSVReader: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    let source: String
    let options: CSVOptions
    /// Called once every chunk has been scanned, before the columns are merged:
    /// a memory-mapped file releases its pages here.
    var afterScanning: (() -> Void)? = nil

    func read() throws -> Frame {
        guard let base = buffer.baseAddress, buffer.count > 0 else { throw emptyFile() }
        var start = 0
        if buffer.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { start = 3 }
        if let utf16 = UTF16Signature.detect(buffer) {
            throw Diagnostic(
                .badData, "the file is \(utf16.name) text, not UTF-8", location: .init(file: source),
                suggestion: "save it as UTF-8 (e.g. `iconv -f \(utf16.iconvName) -t UTF-8 in.csv > out.csv`)")
        }
        try CSVUTF8.validate(base, from: start, count: buffer.count, source: source)

        var scanner = CSVScanner(bytes: base, count: buffer.count, start: start, source: source)
        guard scanner.skipBlankLines() else { throw emptyFile() }
        let names = try readHeader(&scanner)
        try checkOverrides(names)
        let width = names.count

        let dataStart = scanner.position, dataLine = scanner.line
        let (numbers, rows) = try readNumbers(base, names: names, from: dataStart, line: dataLine)
        guard rows > 0 else {
            throw Diagnostic(
                .badData, "has a header but no data rows", location: .init(file: source, line: dataLine))
        }
        let textColumns = (0..<width).filter { numbers[$0] == nil }
        let text = textColumns.isEmpty
            ? [:] : try readLabels(base, names: names, columns: textColumns, from: dataStart, line: dataLine, rows: rows)

        var columns: [(name: String, column: Column)] = []
        columns.reserveCapacity(width)
        for c in 0..<width {
            if let values = numbers[c] {
                columns.append((names[c], .numeric(values)))
            } else {
                columns.append((names[c], Self.categorical(codes: text[c]!.codes, labels: text[c]!.labels)))
            }
        }
        return try Frame(columns: columns, source: source)
    }

    /// Pass one, in parallel chunks when safe: the numbers of every column that
    /// holds only numbers (nil for the others), and the number of records.
    private func readNumbers(
        _ base: UnsafePointer<UInt8>, names: [String], from dataStart: Int, line dataLine: Int
    ) throws -> (numbers: [[Double]?], rows: Int) {
        let width = names.count
        let initial = names.map { !options.categorical.contains($0) }
        let forcedNumeric = names.map { options.numeric.contains($0) }
        let ranges = chunkRanges(base, from: dataStart)
        let chunks = CSVChunkResults(count: ranges.count)
        let scan: @Sendable (Int) -> Void = { k in
            chunks[k] = self.scanNumbers(
                self.buffer.baseAddress!, ranges[k], names: names, parseAsNumber: initial,
                forcedNumeric: forcedNumeric)
        }
        if ranges.count == 1 {
            scan(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: ranges.count, execute: scan)
        }
        afterScanning?()
        // Merge in file order; the first error in the file wins, its line made absolute.
        let results = chunks.results.map { $0! }
        chunks.clear()
        var parseAsNumber = initial
        var lineOffset = dataLine - 1
        var rows = 0
        for result in results {
            if var error = result.error {
                let relative = error.location?.line ?? 1
                error.location?.line = relative + lineOffset
                throw error
            }
            lineOffset += result.linesConsumed
            rows += result.rows
            for c in 0..<width where !result.parseAsNumber[c] { parseAsNumber[c] = false }
        }
        let numbers = (0..<width).map { c -> [Double]? in
            guard parseAsNumber[c] else { return nil }
            return Array(unsafeUninitializedCapacity: rows) { buffer, initialized in
                var offset = 0
                for result in results {
                    let part = result.values.values(of: c)
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + part.count)]).initialize(from: part)
                    offset += part.count
                }
                initialized = offset
                for result in results { result.values.release(c) }
            }
        }
        return (numbers, rows)
    }

    /// Pass two: the labels of the text columns, as first-seen codes.
    ///
    /// A column whose cells are mostly numbers but which holds a few words is almost
    /// always a typo ("12,5", "n/a", "abc"), not a categorical variable with one
    /// level per number; reading it as categorical would silently turn a slope into
    /// dozens of dummy columns. Such a column is refused at its first word unless
    /// it was declared categorical.
    private func readLabels(
        _ base: UnsafePointer<UInt8>, names: [String], columns textColumns: [Int], from dataStart: Int,
        line dataLine: Int, rows: Int
    ) throws -> [Int: (codes: [Int32], labels: [String])] {
        let width = names.count
        var numberCells = [Int](repeating: 0, count: width), filledCells = numberCells
        var firstWord = [(line: Int, text: String)?](repeating: nil, count: width)
        var isText = [Bool](repeating: false, count: width)
        var codes = [Int: [Int32]]()
        var labels = [Int: [String]]()
        var lookup = [Int: [String: Int32]]()
        for c in textColumns {
            isText[c] = true
            codes[c] = []
            codes[c]!.reserveCapacity(rows)
            labels[c] = []
            lookup[c] = [:]
        }
        var scanner = CSVScanner(bytes: base, count: buffer.count, start: dataStart, source: source)
        while scanner.skipBlankLines() {
            let line = scanner.line + dataLine - 1
            for c in 0..<width {
                let field = try scanner.next()
                guard isText[c] else { continue }
                var s = field.start, e = field.end
                scanner.trimSpaces(&s, &e)
                if scanner.isMissing(s, e) {
                    codes[c]!.append(-1)
                    continue
                }
                let label = scanner.text(of: field)
                filledCells[c] += 1
                if CSVNumber.parse(base, s, e) != nil {
                    numberCells[c] += 1
                } else if firstWord[c] == nil {
                    firstWord[c] = (line, label)
                }
                if let code = lookup[c]![label] {
                    codes[c]!.append(code)
                } else {
                    let code = Int32(labels[c]!.count)
                    lookup[c]![label] = code
                    labels[c]!.append(label)
                    codes[c]!.append(code)
                }
            }
        }
        for c in textColumns where !options.categorical.contains(names[c])
            && (options.strictColumns?.contains(names[c]) ?? true)
            && numberCells[c] >= 2 && 2 * numberCells[c] > filledCells[c] {
            guard let word = firstWord[c] else { continue }
            throw Diagnostic(
                .badData,
                "expected a number, found \"\(word.text)\" (\(numberCells[c]) of the column's \(filledCells[c]) values are numbers)",
                location: .init(file: source, line: word.line, columnName: names[c]),
                suggestion: "fix the cell, leave it empty or write NA for a missing value; "
                    + "if the column really is categorical, declare it so (--categorical \(names[c]))")
        }
        var columns: [Int: (codes: [Int32], labels: [String])] = [:]
        for c in textColumns { columns[c] = (codes[c]!, labels[c]!) }
        return columns
    }

    /// What one chunk of records yields in pass one.
    struct ChunkResult {
        var values: CSVNumberColumns
        var parseAsNumber: [Bool]
        var rows = 0
        /// Line breaks consumed, so later chunks can number their lines.
        var linesConsumed = 0
        /// The chunk's first error, its line relative to the chunk's first line.
        var error: Diagnostic?
    }

    /// Splits the data into one range per core at line breaks when that is safe: the
    /// file holds no quote character (so every line break ends a record) and is big
    /// enough to be worth it. Otherwise one range.
    private func chunkRanges(_ base: UnsafePointer<UInt8>, from start: Int) -> [Range<Int>] {
        let total = buffer.count - start
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        guard cores > 1, total >= 4 << 20, memchr(base + start, Int32(UInt8(ascii: "\"")), total) == nil else {
            return [start..<buffer.count]
        }
        var ranges: [Range<Int>] = []
        var lower = start
        for k in 1..<cores {
            let target = max(lower, start + total / cores * k)
            guard let found = memchr(base + target, Int32(UInt8(ascii: "\n")), buffer.count - target) else { break }
            let upper = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            ranges.append(lower..<upper)
            lower = upper
        }
        ranges.append(lower..<buffer.count)
        return ranges.filter { !$0.isEmpty }
    }

    /// Pass one over `range`: parses numeric-looking columns, marks the others as text.
    private func scanNumbers(
        _ base: UnsafePointer<UInt8>, _ range: Range<Int>, names: [String], parseAsNumber initial: [Bool],
        forcedNumeric: [Bool]
    ) -> ChunkResult {
        let width = names.count
        let estimate = max(16, range.count / max(1, 8 * width))
        var result = ChunkResult(values: CSVNumberColumns(width: width, capacity: estimate), parseAsNumber: initial)
        var scanner = CSVScanner(bytes: base, count: range.upperBound, start: range.lowerBound, source: source)
        do {
            while scanner.skipBlankLines() {
                let recordLine = scanner.line
                for c in 0..<width {
                    if result.parseAsNumber[c], let (number, endsRecord) = scanner.nextPlainNumber() {
                        if endsRecord != (c == width - 1) {
                            throw ragged(names: names, line: recordLine, fieldsSeen: c + 1, tooMany: !endsRecord)
                        }
                        result.values.append(number, to: c)
                        continue
                    }
                    let field = try scanner.next()
                    if field.endsRecord != (c == width - 1) {
                        throw ragged(names: names, line: recordLine, fieldsSeen: c + 1, tooMany: !field.endsRecord)
                    }
                    guard result.parseAsNumber[c] else { continue }
                    var s = field.start, e = field.end
                    scanner.trimSpaces(&s, &e)
                    if scanner.isMissing(s, e) {
                        result.values.append(.nan, to: c)
                    } else if let number = CSVNumber.parse(base, s, e) {
                        result.values.append(number, to: c)
                    } else if forcedNumeric[c] {
                        throw Diagnostic(
                            .badData, "expected a number, found \"\(scanner.text(of: field))\"",
                            location: .init(file: source, line: recordLine, columnName: names[c]),
                            suggestion: "fix the cell, leave it empty or write NA for a missing value")
                    } else {
                        result.parseAsNumber[c] = false
                        result.values.clear(c)
                    }
                }
                result.rows += 1
            }
        } catch {
            result.error = error as? Diagnostic ?? Diagnostic(.badData, "\(error)", location: .init(file: source))
        }
        result.linesConsumed = scanner.line - 1
        return result
    }

    /// Renumbers first-seen codes into R's level order.
    private static func categorical(codes: [Int32], labels: [String]) -> Column {
        let sorted = Column.sortLevels(labels)
        var rank = [String: Int32]()
        for (i, label) in sorted.enumerated() { rank[label] = Int32(i) }
        let remap = labels.map { rank[$0]! }
        return Column(storage: .categorical(codes: codes.map { $0 < 0 ? -1 : remap[Int($0)] }, levels: sorted))
    }

    private func readHeader(_ scanner: inout CSVScanner) throws -> [String] {
        var names: [String] = []
        var positions: [Int] = []
        while true {
            let field = try scanner.next()
            names.append(scanner.text(of: field))
            positions.append(field.start)
            if field.endsRecord { break }
        }
        var seen = [String: Int]()
        for (i, name) in names.enumerated() {
            if name.isEmpty {
                throw Diagnostic(
                    .badData, "header field \(i + 1) is empty; every column needs a name",
                    location: .init(file: source, line: 1))
            }
            if let first = seen[name] {
                throw Diagnostic(
                    .badData, "duplicate column name \"\(name)\" (fields \(first + 1) and \(i + 1) of the header)",
                    location: .init(file: source, line: 1),
                    suggestion: "rename one of them so every column name is distinct")
            }
            seen[name] = i
        }
        return names
    }

    private func checkOverrides(_ names: [String]) throws {
        for (option, wanted) in [("categorical", options.categorical), ("numeric", options.numeric)] {
            for name in wanted.sorted() where !names.contains(name) {
                throw Diagnostic(
                    .usage, "--\(option) names \"\(name)\", which is not a column of the file",
                    location: .init(file: source),
                    suggestion: DiagnosticSuggestion.hint(for: name, in: names, kind: "column"))
            }
        }
        if let both = options.categorical.intersection(options.numeric).sorted().first {
            throw Diagnostic(.usage, "column \"\(both)\" cannot be both --categorical and --numeric")
        }
    }

    private func emptyFile() -> Diagnostic {
        Diagnostic(.badData, "file is empty; expected a header row of column names", location: .init(file: source))
    }

    private func ragged(names: [String], line: Int, fieldsSeen: Int, tooMany: Bool) -> Diagnostic {
        let width = names.count
        if tooMany {
            return Diagnostic(
                .badData,
                "row has more than \(width) fields; the header names \(width) columns, the last being \"\(names[width - 1])\"",
                location: .init(file: source, line: line),
                suggestion: "remove the extra field, or quote a value that contains a comma")
        }
        return Diagnostic(
            .badData,
            "row has \(fieldsSeen) field\(fieldsSeen == 1 ? "" : "s") but the header names \(width); no value for column \"\(names[fieldsSeen])\"",
            location: .init(file: source, line: line, columnName: names[fieldsSeen]),
            suggestion: "add the missing field (leave it empty or write NA for a missing value)")
    }
}

/// Per-chunk results written by concurrent workers, each only to its own slot
/// (plain memory, so no shared array is mutated from two threads).
final class CSVChunkResults: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<CSVReader.ChunkResult?>
    let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    subscript(k: Int) -> CSVReader.ChunkResult? {
        get { slots[k] }
        set { slots[k] = newValue }
    }

    /// The results in file order.
    var results: [CSVReader.ChunkResult?] { (0..<count).map { slots[$0] } }

    /// Releases the per-chunk arrays once merged.
    func clear() {
        for k in 0..<count { slots[k] = nil }
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
}
