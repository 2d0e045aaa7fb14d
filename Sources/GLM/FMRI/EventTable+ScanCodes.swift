/// Events from a column of per-scan codes, as the nitime example series stores
/// them (0 = nothing, k = an event of type k starting at that scan).
extension EventTable {
    /// One event per non-zero code, at its scan's time (`index · tr`) and lasting
    /// `duration` seconds; `names[k]` names code k (default `event_k`).
    public static func fromScanCodes(
        _ codes: [Int], tr: Double, duration: Double, names: [Int: String] = [:]
    ) -> EventTable {
        let used = Array(Set(codes.filter { $0 != 0 })).sorted()
        var events: [FMRIEvent] = []
        for (i, code) in codes.enumerated() where code != 0 {
            events.append(FMRIEvent(condition: names[code] ?? "event_\(code)", onset: Double(i) * tr, duration: duration))
        }
        return EventTable(events, conditions: used.map { names[$0] ?? "event_\($0)" })
    }
}
