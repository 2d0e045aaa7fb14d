/// A thresholded statistic map (t or F) over anatomy, as fMRI papers show
/// one: slices in a row or a mosaic, each voxel a rectangle as wide and tall
/// as the voxel is in millimetres (nearest neighbour, never smoothed), the
/// anatomy or mean EPI in grey underneath, the voxels past the threshold
/// coloured (`StatColorScale`), a colour bar with the threshold marked, an
/// orientation key (which side is left, which is anterior), each slice's
/// coordinate under it, and optionally a marker on one voxel.
///
/// The caller turns the volume into slices as they are to be seen: rows from
/// the top of the picture, columns from its left, and says which way the
/// edges face (`Orientation`). Plot knows nothing of NIfTI or affines.
///
/// ```swift
/// let map = StatMap(slices: [.init(label: "z = 0 mm", values: t, background: meanEPI)],
///                   voxelWidth: 3.1, voxelHeight: 3.75, threshold: .twoSided(3.1))
/// ```
public struct StatMap: Figure {
    /// One slice as it is drawn.
    public struct Slice: Sendable {
        /// What is printed under the slice, e.g. "z = −12 mm".
        public var label: String
        /// The statistic, rows from the top; not a number where there is none
        /// (outside the mask), which is never coloured.
        public var values: [[Double]]
        /// The anatomy under it, on the same grid; not a number is left white.
        public var background: [[Double]]?

        public init(label: String, values: [[Double]], background: [[Double]]? = nil) {
            self.label = label; self.values = values; self.background = background
        }

        public var rowCount: Int { values.count }
        public var columnCount: Int { values.first?.count ?? 0 }
    }

    /// Which voxels are coloured.
    public enum Threshold: Sendable, Equatable {
        /// |value| ≥ u, both signs (a two-sided t map).
        case twoSided(Double)
        /// value ≥ u (an F map, or a one-sided t).
        case upper(Double)

        public var value: Double {
            switch self { case .twoSided(let u), .upper(let u): return u }
        }
    }

    /// The anatomical direction each edge of a slice faces, as letters.
    public struct Orientation: Sendable, Equatable {
        public var left: String, right: String, top: String, bottom: String
        public init(left: String, right: String, top: String, bottom: String) {
            self.left = left; self.right = right; self.top = top; self.bottom = bottom
        }
        /// An axial slice seen from above, the subject's left on the left
        /// (neurological convention, as nilearn and FSL show it).
        public static let axial = Orientation(left: "L", right: "R", top: "A", bottom: "P")
    }

    /// A voxel of the map: which slice, and its row and column there.
    public struct Voxel: Sendable, Equatable {
        public var slice: Int, row: Int, column: Int
        public init(slice: Int, row: Int, column: Int) { self.slice = slice; self.row = row; self.column = column }
    }

    public var size: Size
    public var theme: Theme
    public var accessibility: FigureAccessibility?
    public var title: String?
    public var slices: [Slice]
    /// Millimetres a voxel spans across and down the picture.
    public var voxelWidth: Double
    public var voxelHeight: Double
    public var threshold: Threshold
    /// The magnitude at the colour bar's end; nil is the largest |value|.
    public var limit: Double?
    /// The statistic's name over the colour bar (TeX), e.g. "$t$".
    public var statisticLabel: String = "$t$"
    /// Slices per row of the mosaic; nil puts every slice in one row. Fewer
    /// when the slices would be narrower than their coordinates.
    public var columns: Int?
    public var orientation: Orientation = .axial
    /// A voxel ringed on the map (the one a time-series figure shows).
    public var marker: Voxel?
    /// The grey range of the background; nil spans its smallest to largest value.
    public var backgroundRange: ClosedRange<Double>?
    /// Sentences under the slices (the threshold's meaning, the voxel count), wrapped.
    public var notes: [String] = []

    public init(size: Size = Size(width: 600, height: 400), theme: Theme = .textbook, title: String? = nil,
                slices: [Slice], voxelWidth: Double, voxelHeight: Double, threshold: Threshold) {
        self.size = size; self.theme = theme; self.title = title; self.slices = slices
        self.voxelWidth = voxelWidth; self.voxelHeight = voxelHeight; self.threshold = threshold
    }

    /// The largest |value| of any slice: the colour bar's end unless `limit` says otherwise.
    public var largestMagnitude: Double {
        slices.flatMap { $0.values.joined() }.filter(\.isFinite).map(abs).max() ?? 0
    }

    /// The magnitude the colour bar ends at: `limit`, else the largest value,
    /// and never below the threshold (a bar must show the threshold).
    public var barLimit: Double {
        let largest = limit ?? largestMagnitude
        let u = threshold.value
        return largest > u ? largest : (u > 0 ? u * 1.5 : 1)
    }

    public func draw(on canvas: Canvas) throws {
        try StatMapRenderer(map: self, canvas: canvas).render()
    }
}

extension StatMap {
    /// The height at which the map's content ends for its width, so a figure
    /// is as tall as its slices' true aspect makes them rather than a guess
    /// that leaves white bands or shrinks the slices: laid out once on a tall
    /// canvas, where the width sets the scale; the lowest text plus the margin.
    public func fittedHeight(minimum: Double = 160, limit: Double = 4000) throws -> Double {
        var tall = self
        tall.size.height = limit
        let layout = try tall.layout()
        let bottoms = layout.textBoxes.map(\.rect.maxY) + layout.obstacles.compactMap { obstacle -> Double? in
            if case .rect(let r) = obstacle.shape { return r.maxY }
            return nil
        }
        let bottom = bottoms.max() ?? minimum
        return min(limit, max(minimum, (bottom + theme.margin).rounded(.up) + 1))
    }
}
