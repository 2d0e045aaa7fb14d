/// One stimulus event of an fMRI experiment: what happened (`condition`), when
/// (`onset`, seconds from the first scan), for how long (`duration`, seconds; 0 is
/// an impulse) and how strongly (`amplitude`, 1 unless a parametric value is known).
///
/// The four fields are the ones FSL's three-column files and BIDS `events.tsv`
/// carry, so both readers produce the same value and a design never needs to know
/// where its events came from.
public struct FMRIEvent: Sendable, Equatable {
    public var condition: String
    public var onset: Double
    public var duration: Double
    public var amplitude: Double

    public init(condition: String, onset: Double, duration: Double, amplitude: Double = 1) {
        self.condition = condition
        self.onset = onset
        self.duration = duration
        self.amplitude = amplitude
    }
}

/// The events of one run, with the conditions in a fixed order: the order a
/// design's columns follow.
///
/// Conditions keep the order they were first given in (the order of FSL files as
/// listed, or of first appearance in a BIDS table) rather than sorted order,
/// because a teacher names `face` before `house` on purpose and the design display
/// should show them that way.
public struct EventTable: Sendable, Equatable {
    public private(set) var events: [FMRIEvent]
    public private(set) var conditions: [String]

    public init(_ events: [FMRIEvent] = [], conditions: [String]? = nil) {
        self.events = events
        var order = conditions ?? []
        for event in events where !order.contains(event.condition) { order.append(event.condition) }
        self.conditions = order
    }

    /// Adds the events of another table (e.g. one FSL file per condition), keeping
    /// this table's condition order and appending the new conditions.
    public mutating func append(contentsOf other: EventTable) {
        events += other.events
        for name in other.conditions where !conditions.contains(name) { conditions.append(name) }
    }

    /// The events of one condition, in the order given.
    public func events(of condition: String) -> [FMRIEvent] {
        events.filter { $0.condition == condition }
    }
}
