/// How far apart two words are, for "did you mean …?" hints. GLM suggests
/// column and level names, Lessons suggests spec keys and figure kinds, and
/// each keeps its own idea of "close enough"; the distance and the search for
/// the closest candidate are the same for all, so they live here once.
public enum EditDistance {
    /// Edit distance over Unicode scalars counting insertions, deletions,
    /// substitutions and swaps of neighbours (optimal string alignment), since
    /// swapped letters (`dsoe` for `dose`) are the most common typo.
    public static func between(_ a: String, _ b: String) -> Int {
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

    /// The candidate with the smallest distance to `word` and that distance;
    /// ties go to the earlier candidate, so hints follow the order a user sees.
    /// `ignoringCase` compares lower-cased forms (and returns the candidate as
    /// written). Nil only when there are no candidates; whether the result is
    /// close enough to suggest is the caller's policy.
    public static func closest(to word: String, among candidates: [String],
                               ignoringCase: Bool = false) -> (candidate: String, distance: Int)? {
        let key = ignoringCase ? word.lowercased() : word
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = between(key, ignoringCase ? candidate.lowercased() : candidate)
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best
    }
}
