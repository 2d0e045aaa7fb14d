/// Where a volume's voxels sit in the scanner and how big they are: everything a
/// NIfTI header says about space and time except the data type.
///
/// Kept apart from the data so a map computed from a run (a t map, a mask) is
/// written with exactly the run's geometry: same grid, same qform and sform and
/// their codes, same units.
public struct NIfTIGeometry: Sendable, Equatable {
    /// Grid size along i, j, k (1 for a missing axis).
    public var dims: [Int]
    /// Voxel size along i, j, k in millimetres (pixdim[1…3] scaled by the header's
    /// spatial unit).
    public var voxelSize: [Double]
    /// The voxel → world (mm) transform used for coordinates: the sform when its
    /// code is set, else the qform when its code is set, else the voxel sizes on
    /// the diagonal (NIfTI's "method 1"). 4 × 4, row-major.
    public var affine: [[Double]]
    /// The header's qform (voxel → world) and its code (0 = not set).
    public var qform: [[Double]]
    public var qformCode: Int
    /// The header's sform (voxel → world) and its code (0 = not set).
    public var sform: [[Double]]
    public var sformCode: Int
    /// pixdim[1…3] and NIfTI's spatial unit code as stored, so a written map keeps them.
    public var storedPixdim: [Double]
    public var spatialUnitCode: Int

    public init(
        dims: [Int], voxelSize: [Double], qform: [[Double]], qformCode: Int, sform: [[Double]],
        sformCode: Int, storedPixdim: [Double]? = nil, spatialUnitCode: Int = 2
    ) {
        self.dims = dims
        self.voxelSize = voxelSize
        self.qform = qform
        self.qformCode = qformCode
        self.sform = sform
        self.sformCode = sformCode
        self.storedPixdim = storedPixdim ?? voxelSize
        self.spatialUnitCode = spatialUnitCode
        if sformCode > 0 {
            affine = sform
        } else if qformCode > 0 {
            affine = qform
        } else {
            affine = [
                [voxelSize[0], 0, 0, 0], [0, voxelSize[1], 0, 0], [0, 0, voxelSize[2], 0], [0, 0, 0, 1],
            ]
        }
    }

    /// A plain grid with the given voxel sizes and the origin at voxel (0, 0, 0),
    /// as a scanner-less image (synthetic data, tests) has it.
    public static func grid(_ dims: [Int], voxelSize: [Double] = [1, 1, 1]) -> NIfTIGeometry {
        let m: [[Double]] = [
            [voxelSize[0], 0, 0, 0], [0, voxelSize[1], 0, 0], [0, 0, voxelSize[2], 0], [0, 0, 0, 1],
        ]
        return NIfTIGeometry(dims: dims, voxelSize: voxelSize, qform: m, qformCode: 1, sform: m, sformCode: 1)
    }

    /// Voxels in one volume (nx · ny · nz).
    public var voxelCount: Int { dims.reduce(1, *) }

    /// The (i, j, k) of flat voxel index `index` (i fastest, as NIfTI stores data).
    public func voxel(_ index: Int) -> [Int] {
        [index % dims[0], (index / dims[0]) % dims[1], index / (dims[0] * dims[1])]
    }

    /// The flat index of voxel (i, j, k).
    public func index(_ voxel: [Int]) -> Int { voxel[0] + dims[0] * (voxel[1] + dims[1] * voxel[2]) }

    /// The world coordinate (mm) of voxel (i, j, k) through `affine`.
    public func world(_ voxel: [Int]) -> [Double] {
        (0..<3).map { r in
            affine[r][0] * Double(voxel[0]) + affine[r][1] * Double(voxel[1]) + affine[r][2] * Double(voxel[2])
                + affine[r][3]
        }
    }

    /// Whether two images share a grid: same dims and affines equal to 1e-4 mm
    /// (headers store them in float32).
    public func sameGrid(as other: NIfTIGeometry) -> Bool {
        guard dims == other.dims else { return false }
        for r in 0..<3 {
            for c in 0..<4 where abs(affine[r][c] - other.affine[r][c]) > 1e-4 * max(1, abs(affine[r][c])) {
                return false
            }
        }
        return true
    }
}

/// What an image's header says, without its data.
public struct NIfTIHeader: Sendable {
    public var geometry: NIfTIGeometry
    public var timePoints: Int
    public var tr: Double?
    public var format: NIfTIFormat
    public var source: String
}

/// Which header format a file has (or is to be written in).
public enum NIfTIFormat: Sendable, Equatable {
    /// NIfTI-1: 348-byte header, 16-bit dims, float32 header fields.
    case nifti1
    /// NIfTI-2: 540-byte header, 64-bit dims, float64 header fields.
    case nifti2
}

/// A 3-D or 4-D image in memory: geometry, repetition time and the scaled data as
/// Float32 (what a scanner's int16 becomes once scl_slope/scl_inter are applied,
/// at half the memory of Double; sums are taken in Double where it matters).
public struct NIfTIVolume: Sendable {
    public var geometry: NIfTIGeometry
    /// Number of volumes (scans); 1 for a 3-D image.
    public var timePoints: Int
    /// The repetition time in seconds (pixdim[4] scaled by the header's time unit),
    /// or nil when the header gives none.
    public var tr: Double?
    /// Voxel values, i fastest, then j, k, then time: volume t starts at
    /// `t · geometry.voxelCount`.
    public var data: [Float]
    /// The header format the file had (maps are written in the same).
    public var format: NIfTIFormat
    /// The file it came from, for messages.
    public var source: String?

    public init(
        geometry: NIfTIGeometry, timePoints: Int = 1, tr: Double? = nil, data: [Float],
        format: NIfTIFormat = .nifti1, source: String? = nil
    ) {
        precondition(data.count == geometry.voxelCount * timePoints, "data does not match the grid")
        self.geometry = geometry
        self.timePoints = timePoints
        self.tr = tr
        self.data = data
        self.format = format
        self.source = source
    }

    /// Dims as NIfTI lists them: nx, ny, nz, nt.
    public var dims: [Int] { geometry.dims + [timePoints] }
    public var voxelSize: [Double] { geometry.voxelSize }
    public var affine: [[Double]] { geometry.affine }

    /// The time series of flat voxel `index`.
    public func series(at index: Int) -> [Float] {
        let v = geometry.voxelCount
        return (0..<timePoints).map { data[index + $0 * v] }
    }

    /// The mean over time of every voxel (Double sums), one volume.
    public func meanVolume() -> [Double] {
        let v = geometry.voxelCount
        var sums = [Double](repeating: 0, count: v)
        for t in 0..<timePoints {
            let base = t * v
            for i in 0..<v { sums[i] += Double(data[base + i]) }
        }
        let n = Double(max(timePoints, 1))
        return sums.map { $0 / n }
    }
}
