import Foundation
import GLM

/// Turns a spec's `events:` into the events of an fMRI analysis: inline
/// events as written, a column of codes read off the series' table, and
/// event files read by the GLM target's readers, every problem pointing at
/// the spec (and, for a file, its line and column).
enum EventsResolver {
    static func events(_ spec: EventsSpec, frame: Frame, series: TimeseriesSpec, lesson: LessonSpec) throws -> [FMRIAnalysis.Event] {
        let events: [FMRIAnalysis.Event]
        switch spec.source {
        case .inline(let written):
            events = written.map { FMRIAnalysis.Event(condition: $0.condition, onset: $0.onset, duration: $0.duration, amplitude: $0.amplitude) }
        case .codes(let codes):
            events = try coded(codes, frame: frame, series: series)
        case .fsl(let files):
            events = try files.flatMap { try EventFiles.fsl($0, lesson: lesson) }
        case .bids(let file):
            events = try EventFiles.bids(file, lesson: lesson)
        }
        let end = Double(frame.rowCount) * series.tr
        if let late = events.first(where: { $0.onset >= end }) {
            // An event written in the spec is pointed at itself; one from a file, at the block.
            var place = spec.location
            if case .inline(let written) = spec.source, let event = written.first(where: { $0.onset >= end }) { place = event.location }
            throw LessonError(.badData, at: place,
                              message: "an event of '\(late.condition)' starts at " + FMRIText.seconds(late.onset)
                                  + ", after the series ends (\(frame.rowCount) scans of " + FMRIText.seconds(series.tr) + " = " + FMRIText.seconds(end) + ")",
                              suggestion: "onsets are seconds from the first scan; check the TR and that the events belong to this run")
        }
        guard !events.isEmpty else {
            throw LessonError(.badData, at: spec.location, message: "'events' holds no events",
                              suggestion: "a condition needs at least one event to make a regressor")
        }
        return events
    }

    /// One event at each scan whose code is above 0, named by `codes`.
    static func coded(_ codes: EventCodes, frame: Frame, series: TimeseriesSpec) throws -> [FMRIAnalysis.Event] {
        guard let column = frame[codes.column] else {
            throw LessonError(.badSpec, at: codes.location,
                              message: "the time series' table has no column '\(codes.column)' of event codes",
                              suggestion: NearestWord.suggestion(for: codes.column, among: frame.names).map { "did you mean '\($0)'?" }
                                  ?? "its columns are \(frame.names.joined(separator: ", "))")
        }
        guard let values = column.numericValues else {
            throw LessonError(.badData, at: codes.location, message: "column '\(codes.column)' holds words, not event codes (0 for none, 1, 2, … for an event)")
        }
        var events: [FMRIAnalysis.Event] = []
        for (scan, value) in values.enumerated() where !column.isMissing(scan) && value != 0 {
            guard value > 0, value == value.rounded(), value < 1_000_000 else {
                throw LessonError(.badData, at: codes.location,
                                  message: "column '\(codes.column)' holds " + FMRIText.number(value) + " at scan \(scan + 1); event codes are whole numbers, 0 for no event")
            }
            events.append(.init(condition: codes.condition(Int(value)), onset: Double(scan) * series.tr, duration: codes.duration, amplitude: 1))
        }
        // Conditions in code order, as the codes number them.
        let order = Dictionary(uniqueKeysWithValues: Set(values.filter { $0 > 0 }).map { (codes.condition(Int($0)), $0) })
        return events.sorted { (order[$0.condition] ?? 0, $0.onset) < (order[$1.condition] ?? 0, $1.onset) }
    }
}
