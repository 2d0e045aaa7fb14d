/// "Did you mean …?" support: the closest candidate by edit distance, so a typo in a
/// column or level name gets a concrete fix instead of a bare "unknown name".
public enum DiagnosticSuggestion {
    /// Edit distance over Unicode scalars counting insertions, deletions,
    /// substitutions and swaps of neighbours (optimal string alignment), since
    /// swapped letters (`dsoe` for `dose`) are the most common typo.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in 1...s.count {
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[s.count][t.count]
    }

    /// The candidate closest to `name`, if it is close enough to be a plausible typo
    /// (distance at most a third of the longer name, and at least 1 allowed; a
    /// case-insensitive match always qualifies). Ties go to the earlier candidate.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        if let sameLetters = candidates.first(where: { $0.lowercased() == name.lowercased() }) {
            return sameLetters
        }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name, candidate)
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(1, max(name.count, best.name.count) / 3)
        return best.distance <= allowed ? best.name : nil
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
