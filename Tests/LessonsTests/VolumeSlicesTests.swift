import XCTest
@testable import Lessons

/// Axial slices drawn the neurological way whatever the file's voxel order:
/// the subject's left on the left, anterior at the top, inferior slice first.
/// The affine is the Haxby slice's (`bold_1slice.nii.gz`: i runs right to
/// left, x = −3.1·i + 60.45; j back to front, y = 3.75·j − 35.6), here on a
/// 4 × 3 × 2 grid.
final class VolumeSlicesTests: XCTestCase {
    func volume(affine: [[Double]]) -> VolumeAnalysis {
        VolumeAnalysis(dims: [4, 3, 2], voxelSize: [3.1, 3.75, 3.75], affine: affine,
                       mask: Array(repeating: true, count: 24), background: (0..<24).map(Double.init),
                       backgroundName: "mean EPI", scansPerRun: [10], noise: "ols", maps: [], voxelModels: [:])
    }

    let haxby: [[Double]] = [[-3.1, 0, 0, 60.45], [0, 3.75, 0, -35.625], [0, 0, 3.75, 0], [0, 0, 0, 1]]

    func testLeftIsLeftAndAnteriorIsUp() {
        let v = volume(affine: haxby)
        let slices = VolumeSlices(v)
        XCTAssertEqual(slices.columns, 4)
        XCTAssertEqual(slices.rows, 3)
        // Top-left of the picture: smallest world x (left), largest y (anterior), lowest slice.
        let corner = slices.voxel(slice: 0, row: 0, column: 0)
        XCTAssertEqual(corner, [3, 2, 0])
        let w = v.world(corner)
        XCTAssertEqual(w[0], 60.45 - 9.3, accuracy: 1e-12)
        XCTAssertEqual(w[1], -35.625 + 7.5, accuracy: 1e-12)
        // Across the picture x grows; down it y falls.
        XCTAssertLessThan(v.world(slices.voxel(slice: 0, row: 0, column: 0))[0], v.world(slices.voxel(slice: 0, row: 0, column: 1))[0])
        XCTAssertGreaterThan(v.world(slices.voxel(slice: 0, row: 0, column: 0))[1], v.world(slices.voxel(slice: 0, row: 1, column: 0))[1])
        // position(of:) inverts voxel(slice:row:column:).
        for s in 0..<2 { for r in 0..<3 { for c in 0..<4 {
            let p = slices.position(of: slices.voxel(slice: s, row: r, column: c))
            XCTAssertEqual([p.slice, p.row, p.column], [s, r, c])
        } } }
        XCTAssertEqual(slices.label(slice: 1, volume: v), "z = 3.75")
        XCTAssertEqual(slices.voxelSize(v).width, 3.1)
    }

    func testAxesAreFoundWhereverTheFileKeepsThem() {
        // i along z (superior), j along x, k along y.
        let v = volume(affine: [[0, 2, 0, 0], [0, 0, 3, 0], [4, 0, 0, 0], [0, 0, 0, 1]])
        let slices = VolumeSlices(v)
        XCTAssertEqual(slices.sliceCount, 4)
        XCTAssertEqual(slices.columns, 3)
        XCTAssertEqual(slices.rows, 2)
        XCTAssertEqual(slices.voxel(slice: 1, row: 0, column: 2), [1, 2, 1])
    }
}
