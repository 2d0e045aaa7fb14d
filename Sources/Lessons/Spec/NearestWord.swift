/// Suggests the valid word closest to a misspelt one, so an error can say
/// "did you mean 'scatter-fit'?" instead of listing every choice.
public enum NearestWord {
    /// The candidate with the smallest edit distance to `word`, if it is close
    /// enough to be a plausible typo (at most a third of the word's length, and
    /// at least 1 edit allowed for very short words).
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, (max(word.count, best.candidate.count) + 2) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions
    /// and swaps of neighbours each cost 1 (a swap is the commonest typo).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { table[i][0] = i }
        for j in 0...t.count { table[0][j] = j }
        for i in 1...s.count {
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, table[i - 2][j - 2] + 1)
                }
                table[i][j] = value
            }
        }
        return table[s.count][t.count]
    }

    /// The suffix used in messages: " — did you mean 'x'?" or a list of choices.
    static func hint(for word: String, among candidates: [String]) -> String {
        if let match = suggestion(for: word, among: candidates) {
            return "did you mean '\(match)'?"
        }
        return "expected one of " + candidates.map { "'\($0)'" }.joined(separator: ", ")
    }
}
