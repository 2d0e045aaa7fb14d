/// The stimulus events of an fMRI lesson (`events:`), in one of four forms:
/// written out in the spec, FSL three-column files (one per condition), a
/// BIDS `events.tsv`, or a column of event codes in the time series' own
/// table (nitime's `events` column: 0 for nothing, k for an onset of event
/// type k at that scan).
public struct EventsSpec: Sendable {
    public enum Source: Sendable {
        case inline([InlineEvent])
        /// Condition → file, in the order the spec lists them (design order).
        case fsl([EventFile])
        case bids(EventFile)
        case codes(EventCodes)
    }
    public var source: Source
    public var location: SourceLocation

    /// Files the events are read from, relative to the spec's folder.
    public var files: [EventFile] {
        switch source {
        case .fsl(let files): return files
        case .bids(let file): return [file]
        case .inline, .codes: return []
        }
    }
}

/// One event written in the spec.
public struct InlineEvent: Sendable, Equatable {
    public var condition: String
    /// Seconds from the first scan's start.
    public var onset: Double
    /// Seconds; 0 is an impulse (SPM's event, drawn as a stick).
    public var duration: Double
    /// The event's height in its regressor (parametric modulation); 1 unless given.
    public var amplitude: Double
    public var location: SourceLocation
}

/// An event file named in the spec; `condition` is the FSL file's condition
/// (nil for a BIDS file, whose `trial_type` column names them).
public struct EventFile: Sendable, Equatable {
    public var condition: String?
    public var path: String
    public var location: SourceLocation
}

/// Events coded in a column of the time series' table.
public struct EventCodes: Sendable, Equatable {
    public var column: String
    /// Seconds each event lasts.
    public var duration: Double
    /// Code → condition name; codes not named are called `<column>_<code>`.
    public var names: [Int: String]
    public var location: SourceLocation

    /// The condition of code `code`.
    public func condition(_ code: Int) -> String { names[code] ?? "\(column)_\(code)" }
}
