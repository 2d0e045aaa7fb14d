import Foundation
import Support

/// Reads a spec's `events:` block and its `timeseries:` data source. Only the
/// spec is checked here; event files are read with the data
/// (`EventsResolver`), so a missing file is reported like a missing CSV.
enum EventsSpecParser {
    /// Events a spec may write out: enough for any real run, not a denial of service.
    static let maximumEvents = 100_000

    /// `timeseries: {builtin: NAME | csv: PATH, column: bold, tr: 2}`.
    static func parseTimeseries(_ node: SpecNode) throws -> TimeseriesSpec {
        let map = try node.mapping("'timeseries' (builtin or csv, column, tr)")
        try map.allowOnly(["builtin", "csv", "column", "tr"])
        let source: TimeseriesSpec.Source
        let sourceNode: SpecNode
        switch (map["builtin"], map["csv"]) {
        case (let builtin?, nil):
            let name = try builtin.string("the name of a built-in dataset")
            guard DataSpec.builtinNames.contains(name) else {
                throw builtin.fail("unknown built-in dataset '\(name)'",
                                   suggestion: NearestWord.hint(for: name, among: DataSpec.builtinNames))
            }
            source = .builtin(name); sourceNode = builtin
        case (nil, let csv?):
            source = .csv(try csv.string("a CSV path relative to the spec")); sourceNode = csv
        default:
            throw node.fail("'timeseries' needs exactly one of 'builtin' and 'csv' (the table that holds the series)",
                            suggestion: "e.g. timeseries: {csv: bold.csv, column: bold, tr: 2}")
        }
        let columnNode = try map.required("column")
        let column = try columnNode.string("the column that holds the series")
        let tr = try TimeseriesSpec.readTR(in: map)
        return TimeseriesSpec(source: source, column: column, tr: tr, location: node.location,
                              columnLocation: columnNode.location, sourceLocation: sourceNode.location)
    }

    /// `events:` as a list of events, or a mapping with one of `fsl`, `bids`, `codes`.
    static func parse(_ node: SpecNode) throws -> EventsSpec {
        if case .sequence = node.node {
            let items = try node.sequence("'events'")
            guard !items.isEmpty else { throw node.fail("'events' needs at least one event") }
            guard items.count <= maximumEvents else {
                throw node.fail("'events' lists \(items.count) events; the limit is \(maximumEvents)",
                                suggestion: "keep long event lists in a BIDS events.tsv file")
            }
            return EventsSpec(source: .inline(try items.map(parseEvent)), location: node.location)
        }
        let map = try node.mapping("'events' (a list of events, or one of fsl, bids, codes)")
        try map.allowOnly(["fsl", "bids", "codes"])
        guard map.entries.count == 1, let entry = map.entries.first else {
            throw node.fail("'events' needs exactly one of 'fsl', 'bids' and 'codes', or a list of events")
        }
        switch entry.key {
        case "fsl":
            let files = try entry.value.mapping("'fsl' (condition: three-column file)")
            guard !files.entries.isEmpty else { throw entry.value.fail("'fsl' needs at least one condition: file") }
            return EventsSpec(source: .fsl(try files.entries.map { file in
                try checkCondition(file.key, at: file.keyNode)
                return EventFile(condition: file.key, path: try file.value.string("the FSL file of '\(file.key)'"),
                                 location: file.value.location)
            }), location: node.location)
        case "bids":
            return EventsSpec(source: .bids(EventFile(condition: nil, path: try entry.value.string("a BIDS events.tsv path"),
                                                      location: entry.value.location)), location: node.location)
        default:
            return EventsSpec(source: .codes(try parseCodes(entry.value)), location: node.location)
        }
    }

    /// `{condition: face, onset: 12.5, duration: 22.5, amplitude: 1}`.
    static func parseEvent(_ node: SpecNode) throws -> InlineEvent {
        let map = try node.mapping("an event (condition, onset, duration, amplitude)")
        try map.allowOnly(["condition", "onset", "duration", "amplitude"])
        let conditionNode = try map.required("condition")
        let condition = try conditionNode.string("the event's condition")
        try checkCondition(condition, at: conditionNode)
        let onsetNode = try map.required("onset")
        let onset = try onsetNode.double("the event's onset (seconds)")
        guard onset >= 0 else {
            throw onsetNode.fail("an event's onset is seconds from the first scan, 0 or more, found " + String(posixFormat: "%g", onset))
        }
        var duration = 0.0
        if let durationNode = map["duration"] {
            duration = try durationNode.double("the event's duration (seconds)")
            guard duration >= 0 else {
                throw durationNode.fail("an event's duration is 0 (an impulse) or more seconds, found " + String(posixFormat: "%g", duration))
            }
        }
        let amplitude = try map["amplitude"].map { try $0.double("the event's amplitude") } ?? 1
        return InlineEvent(condition: condition, onset: onset, duration: duration, amplitude: amplitude,
                           location: node.location)
    }

    /// `codes: {column: events, duration: 2, names: {1: motion, 2: still}}`.
    static func parseCodes(_ node: SpecNode) throws -> EventCodes {
        let map = try node.mapping("'codes' (column, duration, names)")
        try map.allowOnly(["column", "duration", "names"])
        let column = try map.required("column").string("the column of event codes")
        let durationNode = try map.required("duration")
        let duration = try durationNode.double("the events' duration (seconds)")
        guard duration >= 0 else {
            throw durationNode.fail("the events' duration is 0 (impulses) or more seconds, found " + String(posixFormat: "%g", duration))
        }
        var names: [Int: String] = [:]
        if let namesNode = map["names"] {
            for entry in try namesNode.mapping("'names' (code: condition)").entries {
                guard let code = Int(entry.key), code > 0 else {
                    throw entry.keyNode.fail("an event code is a whole number above 0 (0 means no event), found '\(entry.key)'")
                }
                let name = try entry.value.string("the condition of code \(code)")
                try checkCondition(name, at: entry.value)
                names[code] = name
            }
        }
        return EventCodes(column: column, duration: duration, names: names, location: node.location)
    }

    /// A condition becomes a design column name (`face`, `face_derivative`)
    /// and a contrast names it (`face - house`), so it must read as one word.
    static func checkCondition(_ name: String, at node: SpecNode) throws {
        let ok = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
        guard ok, let first = name.unicodeScalars.first, first.properties.isAlphabetic else {
            throw node.fail("condition '\(name)' is not a name a contrast can use: letters, digits, '_' and '.', starting with a letter",
                            suggestion: "e.g. 'face' or 'house_1'")
        }
    }
}
