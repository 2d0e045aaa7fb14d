/// Which columns of a `MatrixImage` are drawn when the canvas cannot give every
/// column a readable label.
///
/// Why the first and last columns with an ellipsis between, as SPM's design review
/// shows long designs: a teacher showing a wide design wants the reader to see its
/// structure and to read what the columns are. The first columns hold the intercept
/// and the first predictors or dummies, the last ones the end of the pattern, and the
/// ellipsis with a note ("1 000 columns, 40 shown") says plainly that the rest exist
/// and were left out. An image of every column with no labels would hide what the
/// columns are; refusing would block a lesson over a figure that is still useful;
/// drawing every column at a readable width is what cropped 960 of them silently.
struct ColumnSelection: Equatable {
    /// Column indices in drawing order; nil is the ellipsis column.
    let columns: [Int?]
    /// What the reader is told about the columns left out; nil when all are shown.
    let note: String?

    /// The columns of a matrix with `count` columns when `fitting` fit the canvas.
    init(count: Int, fitting: Int) {
        guard count > fitting, count > 3 else {
            columns = (0..<count).map { $0 }
            note = nil
            return
        }
        // One place goes to the ellipsis column; at least one column on each side.
        let shown = max(fitting - 1, 2)
        let head = (shown + 1) / 2, tail = shown / 2
        columns = (0..<head).map { $0 } + [nil] + ((count - tail)..<count).map { $0 }
        note = "\(Self.grouped(count)) columns, \(shown) shown: the first \(head) and the last \(tail)"
    }

    /// Thousands separated by a narrow space, as SI writes them: 1 000, 12 345.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        guard n >= 1000 else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append("\u{202F}") }
            out.append(ch)
        }
        return out
    }
}
