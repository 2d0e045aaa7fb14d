/// Which rows of a long matrix image get a label.
///
/// SPM's design review labels the scans of a long design sparsely: the first
/// row, then every k-th, and always the last, so the reader sees how many rows
/// there are without a wall of numbers. Here k is a round step (1, 2, 5, 10,
/// 20, 25, 50, …) so the labels read as a count, and a multiple that would sit
/// no more than half a step from the first or the last row is dropped rather
/// than let two labels touch.
public enum ScanTicks {
    /// Zero-based indices of the rows to label among `count`, at most `limit` of them.
    public static func rows(count: Int, limit: Int) -> [Int] {
        guard count > 0 else { return [] }
        let limit = max(limit, 2)
        if count <= limit { return Array(0..<count) }
        var step = 1
        var magnitude = 1
        search: while true {
            for factor in [1, 2, 2.5, 5] as [Double] {
                let candidate = Int(Double(magnitude) * factor)
                guard Double(candidate) == Double(magnitude) * factor, candidate > 1 else { continue }
                // 1, the multiples of the step below the last row, and the last row.
                if (count - 1) / candidate + 2 <= limit { step = candidate; break search }
            }
            magnitude *= 10
        }
        // One-based row numbers 1, step, 2·step, … as zero-based indices.
        var rows = [0]
        var number = step
        while number < count {
            if (number - 1) * 2 > step && (count - number) * 2 > step { rows.append(number - 1) }
            number += step
        }
        rows.append(count - 1)
        return rows
    }
}
