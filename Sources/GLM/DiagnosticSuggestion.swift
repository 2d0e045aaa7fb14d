import Support

/// "Did you mean …?" support: the closest candidate by edit distance, so a typo in a
/// column or level name gets a concrete fix instead of a bare "unknown name".
/// The distance is `EditDistance`'s; the threshold is GLM's own.
public enum DiagnosticSuggestion {
    /// The candidate closest to `name`, if it is close enough to be a plausible typo
    /// (distance at most a third of the longer name, and at least 1 allowed; a
    /// case-insensitive match always qualifies). Ties go to the earlier candidate.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        if let sameLetters = candidates.first(where: { $0.lowercased() == name.lowercased() }) {
            return sameLetters
        }
        guard let best = EditDistance.closest(to: name, among: candidates) else { return nil }
        let allowed = max(1, max(name.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// A hint line naming the nearest candidate, or listing what exists when none is close.
    static func hint(for name: String, in candidates: [String], kind: String) -> String {
        if let near = nearest(to: name, in: candidates) {
            return "did you mean \"\(near)\"?"
        }
        let shown = candidates.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
        let more = candidates.count > 12 ? ", …" : ""
        return "available \(kind)s: \(shown)\(more)"
    }
}
