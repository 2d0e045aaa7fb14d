import Support

/// Suggests the valid word closest to a misspelt one, so an error can say
/// "did you mean 'scatter-fit'?" instead of listing every choice. The distance
/// is `EditDistance`'s, compared without case; spec words are short, so the
/// threshold here is a little more generous than for column names.
public enum NearestWord {
    /// The candidate with the smallest edit distance to `word`, if it is close
    /// enough to be a plausible typo (at most a third of the word's length, and
    /// at least 1 edit allowed for very short words).
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        guard let best = EditDistance.closest(to: word, among: candidates, ignoringCase: true) else { return nil }
        let allowed = max(2, (max(word.count, best.candidate.count) + 2) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// The suffix used in messages: " — did you mean 'x'?" or a list of choices.
    static func hint(for word: String, among candidates: [String]) -> String {
        if let match = suggestion(for: word, among: candidates) {
            return "did you mean '\(match)'?"
        }
        return "expected one of " + candidates.map { "'\($0)'" }.joined(separator: ", ")
    }
}
