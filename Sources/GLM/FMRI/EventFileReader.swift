/// Readers for the two event formats fMRI data come with: FSL's three-column
/// files (one file per condition: onset, duration, weight) and BIDS `events.tsv`
/// (a tab-separated table with `onset`, `duration`, `trial_type` and optionally
/// `modulation`).
///
/// Errors are `Diagnostic`s naming the file, the 1-based line and character
/// column, what was expected and how to fix it, exactly as the CSV reader reports
/// a bad cell, so a course author fixes an onset file the same way as a data file.
/// Files are opened by `CSVFileBytes` and checked by `CSVUTF8`, so a missing file,
/// a folder, a device or bad UTF-8 get the CSV reader's messages too.
extension EventTable {
    /// Reads an FSL three-column file: every non-blank line holds onset (s),
    /// duration (s) and weight, separated by spaces or tabs. All events belong to
    /// `condition` (FSL keeps one file per condition).
    public static func readFSL(path: String, condition: String) throws -> EventTable {
        try parseFSL(try EventFileText.read(path), condition: condition, source: path)
    }

    /// Parses the text of an FSL three-column file; `source` names it in messages.
    public static func parseFSL(_ text: String, condition: String, source: String? = nil) throws -> EventTable {
        var events: [FMRIEvent] = []
        for (index, line) in EventFileText.lines(text) {
            let fields = EventFileText.fields(line, separators: [" ", "\t"])
            if fields.isEmpty { continue }
            let lineNumber = index + 1
            guard fields.count == 3 else {
                let place = fields.count > 3 ? fields[3].column : line.count + 1
                throw Diagnostic(
                    .badData, "expected 3 numbers (onset, duration, weight), found \(fields.count)",
                    location: .init(file: source, line: lineNumber, column: place),
                    suggestion: "write one event per line as `onset duration weight`, e.g. `12.5 22.5 1`")
            }
            let names = ["onset", "duration", "weight"]
            var values: [Double] = []
            for (k, field) in fields.enumerated() {
                values.append(try EventFileText.number(
                    field, what: names[k], line: lineNumber, source: source, columnName: nil))
            }
            try EventFileText.checkTiming(
                onset: values[0], duration: values[1], line: lineNumber, fields: fields, source: source,
                columnNames: (nil, nil))
            events.append(FMRIEvent(condition: condition, onset: values[0], duration: values[1], amplitude: values[2]))
        }
        return EventTable(events, conditions: [condition])
    }

    /// Reads a BIDS `events.tsv`: a header of tab-separated column names, then one
    /// event per line. `onset` and `duration` are required; the condition comes
    /// from `conditionColumn` (BIDS's `trial_type` by default) and the amplitude
    /// from `modulation` when the table has it (nilearn's convention), else 1.
    /// Rows whose condition is `n/a` are not events of any condition and are skipped.
    public static func readBIDS(path: String, conditionColumn: String = "trial_type") throws -> EventTable {
        try parseBIDS(try EventFileText.read(path), conditionColumn: conditionColumn, source: path)
    }

    /// Parses the text of a BIDS `events.tsv`; `source` names it in messages.
    public static func parseBIDS(
        _ text: String, conditionColumn: String = "trial_type", source: String? = nil
    ) throws -> EventTable {
        var rows = EventFileText.lines(text).filter { !$0.line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
        guard !rows.isEmpty else {
            throw Diagnostic(
                .badData, "file is empty; expected a header row with onset, duration and \(conditionColumn)",
                location: .init(file: source))
        }
        let header = rows.removeFirst()
        let names = EventFileText.fields(header.line, separators: ["\t"], keepEmpty: true).map(\.text)
        func required(_ name: String) throws -> Int {
            if let at = names.firstIndex(of: name) { return at }
            throw Diagnostic(
                .badData, "the header has no \"\(name)\" column",
                location: .init(file: source, line: header.index + 1),
                suggestion: DiagnosticSuggestion.hint(for: name, in: names, kind: "column")
                    + (names.count == 1 && header.line.contains(",") ? "; BIDS events files are separated by tabs, not commas" : ""))
        }
        let onsetAt = try required("onset"), durationAt = try required("duration")
        let conditionAt = try required(conditionColumn)
        let amplitudeAt = names.firstIndex(of: "modulation")
        guard !rows.isEmpty else {
            throw Diagnostic(.badData, "has a header but no events", location: .init(file: source, line: header.index + 2))
        }
        var events: [FMRIEvent] = []
        for (index, line) in rows {
            let lineNumber = index + 1
            let fields = EventFileText.fields(line, separators: ["\t"], keepEmpty: true)
            guard fields.count == names.count else {
                throw Diagnostic(
                    .badData, "expected \(names.count) tab-separated fields, found \(fields.count)",
                    location: .init(file: source, line: lineNumber),
                    suggestion: "every row needs a value (or n/a) for each header column: \(names.joined(separator: ", "))")
            }
            let condition = fields[conditionAt].text
            if condition == "n/a" { continue }
            guard !condition.isEmpty else {
                throw Diagnostic(
                    .badData, "expected a condition name, found an empty field",
                    location: .init(file: source, line: lineNumber, column: fields[conditionAt].column, columnName: conditionColumn),
                    suggestion: "name the condition, or write n/a to leave the row out")
            }
            let onset = try EventFileText.number(
                fields[onsetAt], what: "onset", line: lineNumber, source: source, columnName: "onset")
            let duration = try EventFileText.number(
                fields[durationAt], what: "duration", line: lineNumber, source: source, columnName: "duration")
            try EventFileText.checkTiming(
                onset: onset, duration: duration, line: lineNumber, fields: [fields[onsetAt], fields[durationAt]],
                source: source, columnNames: ("onset", "duration"))
            var amplitude = 1.0
            if let amplitudeAt {
                amplitude = try EventFileText.number(
                    fields[amplitudeAt], what: "modulation", line: lineNumber, source: source, columnName: "modulation")
            }
            events.append(FMRIEvent(condition: condition, onset: onset, duration: duration, amplitude: amplitude))
        }
        return EventTable(events)
    }
}

/// Line and field splitting shared by the two event readers, with the 1-based
/// character columns their messages point at.
enum EventFileText {
    struct Field {
        var text: String
        /// 1-based character column of the field's first character.
        var column: Int
    }

    static func read(_ path: String) throws -> String {
        let file = try CSVFileBytes(path: path)
        guard let base = file.buffer.baseAddress, file.buffer.count > 0 else { return "" }
        let start = file.buffer.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        try CSVUTF8.validate(base, from: start, count: file.buffer.count, source: path)
        return String(decoding: UnsafeBufferPointer(rebasing: file.buffer[start...]), as: UTF8.self)
    }

    /// Lines with their 0-based index; `\r\n` and `\n` both end a line.
    static func lines(_ text: String) -> [(index: Int, line: String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            (index, String(line.hasSuffix("\r") ? line.dropLast() : line))
        }
    }

    static func fields(_ line: String, separators: Set<Character>, keepEmpty: Bool = false) -> [Field] {
        var out: [Field] = []
        var current = "", start = 1, column = 1
        for character in line {
            if separators.contains(character) {
                if keepEmpty || !current.isEmpty { out.append(Field(text: current, column: start)) }
                current = ""
                start = column + 1
            } else {
                current.append(character)
            }
            column += 1
        }
        if keepEmpty || !current.isEmpty { out.append(Field(text: current, column: start)) }
        if keepEmpty { return out.map { trimmed($0) } }
        return out
    }

    /// The field without surrounding spaces, its column moved past the leading ones.
    static func trimmed(_ field: Field) -> Field {
        let leading = field.text.prefix(while: { $0 == " " }).count
        var text = Substring(field.text.dropFirst(leading))
        while text.last == " " { text = text.dropLast() }
        return Field(text: String(text), column: field.column + leading)
    }

    static func number(_ field: Field, what: String, line: Int, source: String?, columnName: String?) throws -> Double {
        if let value = Double(field.text), value.isFinite { return value }
        let shown = field.text.isEmpty ? "an empty field" : "\"\(field.text)\""
        throw Diagnostic(
            .badData, "expected a number of seconds for the \(what), found \(shown)",
            location: .init(file: source, line: line, column: field.column, columnName: columnName),
            suggestion: what == "weight" || what == "modulation"
                ? "write the event's amplitude as a finite number (1 when all events are equal)"
                : "write the \(what) in seconds as a plain number, e.g. 12.5")
    }

    static func checkTiming(
        onset: Double, duration: Double, line: Int, fields: [Field], source: String?,
        columnNames: (String?, String?)
    ) throws {
        if duration < 0 {
            throw Diagnostic(
                .badData, "the duration is negative (\(fields[1].text) s)",
                location: .init(file: source, line: line, column: fields[1].column, columnName: columnNames.1),
                suggestion: "write 0 for an impulse event, or the event's length in seconds")
        }
        if onset < 0 {
            throw Diagnostic(
                .badData, "the onset is negative (\(fields[0].text) s); events are timed from the first scan",
                location: .init(file: source, line: line, column: fields[0].column, columnName: columnNames.0),
                suggestion: "subtract the time of the first scan from every onset, or drop events before it")
        }
    }
}
