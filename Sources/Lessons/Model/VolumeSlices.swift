import Plot
import Support

/// Turns a volume's grid into axial slices as a reader expects to see them:
/// seen from above, the subject's left on the left and anterior at the top
/// (neurological convention), inferior slices first. Which voxel axis runs
/// left–right, back–front and down–up, and in which direction, is read off
/// the affine (the axis whose column has the largest component in that
/// world direction), so a file stored right-to-left or tilted a little is
/// still drawn the right way round.
struct VolumeSlices {
    /// The voxel axis (0, 1, 2) along world x, y, z, and whether the voxel
    /// index increases with the world coordinate.
    let axes: [(axis: Int, increasing: Bool)]
    let dims: [Int]

    init(_ volume: VolumeAnalysis) {
        dims = volume.dims
        var free = [0, 1, 2]
        var chosen: [(Int, Bool)] = []
        for world in 0..<3 {
            let axis = free.max { abs(volume.affine[world][$0]) < abs(volume.affine[world][$1]) }!
            free.removeAll { $0 == axis }
            chosen.append((axis, volume.affine[world][axis] >= 0))
        }
        axes = chosen
    }

    /// The voxel index along `axis` of position `n` counted in picture order.
    private func index(_ n: Int, world: Int, reversed: Bool) -> Int {
        let (axis, increasing) = axes[world]
        return increasing != reversed ? n : dims[axis] - 1 - n
    }

    var columns: Int { dims[axes[0].axis] }
    var rows: Int { dims[axes[1].axis] }
    var sliceCount: Int { dims[axes[2].axis] }

    /// The voxel drawn in slice `s` (inferior first), row `r` (anterior
    /// first) and column `c` (left first).
    func voxel(slice s: Int, row r: Int, column c: Int) -> [Int] {
        var v = [0, 0, 0]
        v[axes[0].axis] = index(c, world: 0, reversed: false)   // left (−x) to right
        v[axes[1].axis] = index(r, world: 1, reversed: true)    // anterior (+y) at the top
        v[axes[2].axis] = index(s, world: 2, reversed: false)   // inferior (−z) first
        return v
    }

    /// Where a voxel is drawn: (slice, row, column).
    func position(of voxel: [Int]) -> StatMap.Voxel {
        func picture(_ world: Int, reversed: Bool) -> Int {
            let (axis, increasing) = axes[world]
            return increasing != reversed ? voxel[axis] : dims[axis] - 1 - voxel[axis]
        }
        return StatMap.Voxel(slice: picture(2, reversed: false), row: picture(1, reversed: true), column: picture(0, reversed: false))
    }

    /// The slice's values, rows from the top.
    func grid(_ values: [Double], slice s: Int, volume: VolumeAnalysis) -> [[Double]] {
        (0..<rows).map { r in (0..<columns).map { c in values[volume.index(voxel(slice: s, row: r, column: c))] } }
    }

    /// Millimetres across and down the picture.
    func voxelSize(_ volume: VolumeAnalysis) -> (width: Double, height: Double) {
        (volume.voxelSize[axes[0].axis], volume.voxelSize[axes[1].axis])
    }

    /// "z = −12.5": the slice's world height at its centre, in millimetres
    /// (the figure's note says the unit once, so a mosaic's labels stay narrow).
    func label(slice s: Int, volume: VolumeAnalysis) -> String {
        "z = " + NumberFormat.label(height(slice: s, volume: volume)).text(.unicode)
    }

    func height(slice s: Int, volume: VolumeAnalysis) -> Double {
        volume.world(voxel(slice: s, row: rows / 2, column: columns / 2))[2]
    }
}
