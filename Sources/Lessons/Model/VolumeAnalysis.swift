/// A model fitted at every voxel of scanner volumes, made concrete for the
/// figures: the grid and where it lies in the scanner (millimetres), which
/// voxels were fitted, what is drawn under a map, each contrast's statistic
/// map, and the time-series analysis of the voxels a figure looks at (the
/// peak, or one the spec names). Built by `VolumeAnalysisBuilder` with the
/// GLM target's voxelwise fit; the figure kinds only read it.
public struct VolumeAnalysis: Sendable {
    /// A t or F map of one contrast over the whole grid.
    public struct StatisticMap: Sendable {
        /// The contrast as written (`face - house`).
        public var contrast: String
        /// One value per voxel of the grid (i fastest, then j, k); not a
        /// number where no voxel was fitted.
        public var values: [Double]
        /// Rows of the contrast: 1 gives t, more give F with `rows` and `df` degrees of freedom.
        public var rows: Int
        /// Residual degrees of freedom (summed over runs).
        public var df: Double
        public var isF: Bool { rows > 1 }

        /// The fitted voxels' flat indices and values.
        public var fitted: [(index: Int, value: Double)] {
            values.indices.compactMap { values[$0].isFinite ? ($0, values[$0]) : nil }
        }

        /// The voxel of largest |t| (largest F), ties to the lowest index.
        public var peak: (index: Int, value: Double)? {
            fitted.max { a, b in
                let x = isF ? a.value : abs(a.value), y = isF ? b.value : abs(b.value)
                return x < y || (x == y && a.index > b.index)
            }
        }
    }

    /// Voxels along i, j, k.
    public var dims: [Int]
    /// Millimetres a voxel spans along i, j, k.
    public var voxelSize: [Double]
    /// Voxel (i, j, k, 1) → world millimetres (x, y, z), rows of the 4 × 4 matrix.
    public var affine: [[Double]]
    /// Which voxels were fitted.
    public var mask: [Bool]
    /// What maps are drawn over: one value per voxel.
    public var background: [Double]
    /// "mean EPI" or "anatomy", as a figure's description names it.
    public var backgroundName: String
    public var scansPerRun: [Int]
    /// "ols" or "ar1".
    public var noise: String
    /// Each contrast a figure of the lesson asks for.
    public var maps: [StatisticMap]
    /// The fitted series of the voxels figures show, by flat index: each a
    /// fitted model of its own, so the time-series figure kinds draw it.
    public var voxelModels: [Int: FittedModel]
    /// The voxel whose series' fit is the model's own summary (coefficients, R²,
    /// σ̂ in fits.json): the first `voxel-fit` figure's voxel, else a map's peak.
    public var summarisedVoxel: Int? = nil

    public var voxelCount: Int { dims.reduce(1, *) }
    public var maskedCount: Int { mask.filter { $0 }.count }

    /// (i, j, k) of a flat index.
    public func voxel(_ index: Int) -> [Int] { [index % dims[0], (index / dims[0]) % dims[1], index / (dims[0] * dims[1])] }
    public func index(_ voxel: [Int]) -> Int { voxel[0] + dims[0] * (voxel[1] + dims[1] * voxel[2]) }

    /// World millimetres of a voxel's centre.
    public func world(_ voxel: [Int]) -> [Double] {
        (0..<3).map { r in affine[r][0] * Double(voxel[0]) + affine[r][1] * Double(voxel[1]) + affine[r][2] * Double(voxel[2]) + affine[r][3] }
    }

    /// The map of `contrast`, matched without regard to spacing.
    public func map(_ contrast: String) -> StatisticMap? {
        let key = Self.normalised(contrast)
        return maps.first { Self.normalised($0.contrast) == key }
    }

    static func normalised(_ contrast: String) -> String { contrast.filter { !$0.isWhitespace } }
}
