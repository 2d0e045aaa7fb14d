/// A matrix drawn as a grid of coloured cells, as SPM draws design matrices:
/// optionally each column scaled to its own range, numbers printed in cells
/// when they fit, row and column labels (column labels turn vertical when
/// they are wider than a cell).
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
        case .perColumn: return nil
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

    public func draw(on canvas: Canvas) throws {
        try MatrixImageRenderer(image: self, canvas: canvas).render()
    }
}
