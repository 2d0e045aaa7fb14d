/// A matrix drawn as a grid of coloured cells, as SPM draws design matrices:
/// optionally each column scaled to its own range, numbers printed in cells
/// when they fit, row and column labels (column labels turn vertical when
/// they are wider than a cell). For SPM's design review it can also draw the
/// contrasts above the matrix (one bar per column, positive up), the
/// estimability row under it (grey where a parameter is not uniquely
/// determined), and only the upper triangle (the orthogonality display).
///
/// ```swift
/// let design = MatrixImage(values: [[1, 0], [1, 0], [1, 1], [1, 1]],
///                          columnLabels: ["$\\beta_0$", "$\\beta_1$"],
///                          rowLabels: ["control 1", "control 2", "patient 1", "patient 2"])
/// ```
public struct MatrixImage: Figure {
    public enum Scaling: Sendable {
        /// Every cell on one scale, from the smallest to the largest value.
        case global
        /// Each column from its own minimum (0) to maximum (1), as SPM does; a
        /// constant column shows as 1 unless it is all zero.
        case perColumn
        /// As SPM's design review scales X for display (`spm_DesMtx('sca')`):
        /// a column whose largest magnitude is already between 0.4 and 1 (a
        /// dummy, a ±1 code) is left alone, a constant column shows as 1, and
        /// any other column is stretched linearly so its smallest value is −1
        /// and its largest +1. Then −1 is the map's 0 (black in grey), 0 its
        /// middle (mid-grey) and +1 its 1 (white), so a dummy's zeros are grey
        /// and its ones white, and a covariate runs from black to white.
        case spm
        /// Values are already in 0…1.
        case none
        /// −m…m onto 0…1 with m the largest magnitude, so zero sits in the
        /// middle of a diverging map (correlations, contrasts).
        case symmetric
        /// A fixed range onto 0…1, values outside clamped (e.g. −1…1 for
        /// correlations, whatever the data).
        case range(ClosedRange<Double>)
    }

    public enum Numbers: Sendable { case automatic, always, never }

    /// A contrast drawn above the matrix as SPM draws one: a bar per column,
    /// up for a positive weight and down for a negative one, all scaled by the
    /// largest weight, under the contrast's name.
    public struct Contrast: Sendable, Equatable {
        public var name: String
        /// One weight per column of the matrix.
        public var weights: [Double]
        public init(name: String, weights: [Double]) { self.name = name; self.weights = weights }
    }

    /// Which rows carry a label.
    public enum RowLabelSpacing: Sendable, Equatable {
        /// Every row when the labels fit, else every k-th.
        case everyFitting
        /// The first, every round-numbered one and the last (`ScanTicks`), as
        /// SPM labels the scans of a long design.
        case scanTicks
        /// These rows (zero-based), placed as scan ticks are: e.g. the scans at
        /// round numbers of seconds, for a time axis in seconds.
        case rows([Int])
    }

    public var size: Size
    public var theme: Theme
    public var accessibility: FigureAccessibility?
    public var title: String?
    /// Rows of values; every row must have the same length.
    public var values: [[Double]]
    public var rowLabels: [String]?
    public var columnLabels: [String]?
    public var colorMap: ColorMap
    public var scaling: Scaling
    public var numbers: Numbers
    /// Decimals for numbers in cells; nil uses the fewest that show every value exactly (at most 3).
    public var decimals: Int?
    /// Widest a cell may be, so a two-column design does not become two slabs.
    public var maximumCellWidth: Double
    /// A bar at the right showing which value each colour stands for. Not
    /// drawn with per-column scaling, where a colour has no single value.
    public var colorBar = false
    /// Contrasts drawn above the matrix, first at the top.
    public var contrasts: [Contrast] = []
    /// One flag per column, drawn as a row of squares under the matrix: grey
    /// where the parameter is not uniquely determined, white where it is. Nil
    /// draws no row.
    public var estimable: [Bool]?
    /// Only the cells on and above the diagonal, for a symmetric matrix whose
    /// lower half says nothing new (SPM's design orthogonality).
    public var upperTriangle = false
    public var rowLabelSpacing: RowLabelSpacing = .everyFitting
    /// Lines between cells large enough to read one by one; SPM's review of a
    /// long design draws none, so the pattern of the columns reads as a whole.
    public var cellBorders = true
    /// Sentences under the matrix (what the grey levels mean), wrapped to the width.
    public var notes: [String] = []

    public init(size: Size = Size(width: 760, height: 560), theme: Theme = .textbook, title: String? = nil,
                values: [[Double]], columnLabels: [String]? = nil, rowLabels: [String]? = nil,
                colorMap: ColorMap = .grey, scaling: Scaling = .perColumn, numbers: Numbers = .automatic,
                decimals: Int? = nil, maximumCellWidth: Double = 110) {
        self.size = size; self.theme = theme; self.title = title; self.values = values
        self.columnLabels = columnLabels; self.rowLabels = rowLabels; self.colorMap = colorMap
        self.scaling = scaling; self.numbers = numbers; self.decimals = decimals; self.maximumCellWidth = maximumCellWidth
    }

    public var rowCount: Int { values.count }
    public var columnCount: Int { values.first?.count ?? 0 }

    /// The values at the two ends of the colour map, when one scale serves
    /// every cell (nil for per-column scaling).
    public var valueRange: ClosedRange<Double>? {
        let all = values.flatMap { $0 }
        switch scaling {
        case .perColumn, .spm: return nil
        case .none: return 0...1
        case .global: return (all.min() ?? 0)...(all.max() ?? 1)
        case .symmetric:
            let m = all.map(abs).max() ?? 0
            return -m...m
        case .range(let r): return r
        }
    }

    /// Each cell's value mapped into 0…1 by `scaling`.
    public func scaledValues() -> [[Double]] {
        switch scaling {
        case .none: return values
        case .symmetric:
            let m = values.flatMap { $0 }.map(abs).max() ?? 0
            return values.map { row in row.map { m == 0 ? 0.5 : ($0 / m + 1) / 2 } }
        case .range(let r):
            let span = r.upperBound - r.lowerBound
            return values.map { row in row.map { span == 0 ? 0.5 : min(1, max(0, ($0 - r.lowerBound) / span)) } }
        case .global:
            let all = values.flatMap { $0 }
            let lo = all.min() ?? 0, hi = all.max() ?? 1
            return values.map { row in row.map { hi == lo ? (lo == 0 ? 0 : 1) : ($0 - lo) / (hi - lo) } }
        case .spm:
            var out = values
            for c in 0..<columnCount {
                let column = values.map { $0[c] }
                for (r, v) in Self.spmScaled(column).enumerated() { out[r][c] = (v + 1) / 2 }
            }
            return out
        case .perColumn:
            var out = values
            for c in 0..<columnCount {
                let column = values.map { $0[c] }
                let lo = column.min()!, hi = column.max()!
                for r in 0..<rowCount { out[r][c] = hi == lo ? (lo == 0 ? 0 : 1) : (values[r][c] - lo) / (hi - lo) }
            }
            return out
        }
    }

    /// One column in −1…1 as `Scaling.spm` describes.
    static func spmScaled(_ column: [Double]) -> [Double] {
        let lo = column.min() ?? 0, hi = column.max() ?? 0
        if lo == hi { return column.map { _ in 1 } }
        let largest = max(abs(lo), abs(hi))
        if largest >= 0.4 && largest <= 1 { return column }
        return column.map { 2 * ($0 - lo) / (hi - lo) - 1 }
    }

    public func draw(on canvas: Canvas) throws {
        try MatrixImageRenderer(image: self, canvas: canvas).render()
    }
}
