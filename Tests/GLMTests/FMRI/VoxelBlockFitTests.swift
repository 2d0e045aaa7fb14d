import Foundation
import XCTest
@testable import GLM

/// The voxelwise fit's blocks and workers must not show in its maps: a voxel's
/// numbers are the same whatever block it falls in, whichever worker fits that
/// block, and whether its block was read as one run of the image (a whole-volume
/// mask) or gathered voxel by voxel. Data: two runs of the Haxby slice with
/// nilearn's designs (Fixtures/fmri/haxby_nilearn.json). The whole slice is fitted,
/// and compared in the 530 voxels of the brain: outside it the series are constant,
/// their residuals are rounding noise, and their t is noise over noise.
final class VoxelBlockFitTests: XCTestCase {
    private let runs = 2

    private func fit(mask: [Bool], geometry: NIfTIGeometry, noise: FMRINoiseModel, blockSize: Int) throws -> FMRIVoxelwiseFit {
        let json = try FMRIFixtures.json("haxby_nilearn.json")
        let names = (json["runs"] as! [String]).prefix(runs).map { $0 }
        let designs = (json["designs"] as! [[String: Any]]).prefix(runs)
        let matrices = designs.map { Matrix(columns: $0["values"] as! [[Double]]) }
        let columns = designs.map { $0["columns"] as! [String] }
        let weights = columns.map { names -> [Matrix] in
            var row = [Double](repeating: 0, count: names.count)
            row[names.firstIndex(of: "face")!] = 1
            row[names.firstIndex(of: "house")!] = -1
            return [Matrix(rows: [row])]
        }
        return try FMRIVoxelwiseFit.fit(
            runCount: runs,
            loadRun: { try NIfTIFile.read(FMRIFixtures.path("haxby-slice/\(names[$0])/bold_1slice.nii.gz")) },
            matrices: matrices, columnNames: columns, weights: weights, conditions: ["face"],
            conditionColumns: columns.map { [$0.firstIndex(of: "face")] }, mask: mask, geometry: geometry,
            contrasts: [FMRIContrastRequest(name: "face_vs_house", expression: "face - house")],
            options: FMRIVoxelwiseOptions(noise: noise, scaling: .percentPerRun, blockSize: blockSize), progress: nil)
    }

    private func geometry() throws -> NIfTIGeometry {
        let json = try FMRIFixtures.json("haxby_nilearn.json")
        let first = (json["runs"] as! [String])[0]
        return try NIfTIFile.read(FMRIFixtures.path("haxby-slice/\(first)/bold_1slice.nii.gz")).geometry
    }

    /// Flat indices of the brain's voxels (mean EPI above 100, nilearn's mask).
    private func brain() throws -> [Int] { try FMRIFixtures.json("haxby_nilearn.json")["mask_flat_indices"] as! [Int] }

    private func assertClose(_ a: [Double], _ b: [Double], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, what, file: file, line: line)
        var worst = 0.0
        for (x, y) in zip(a, b) where x != y {
            worst = max(worst, abs(x - y) / max(abs(x), abs(y), 1e-300))
        }
        XCTAssertLessThan(worst, 1e-11, "\(what): largest relative difference \(worst)", file: file, line: line)
    }

    /// 800 voxels in blocks of 7 (115 blocks over the workers) against one block of
    /// all of them, for OLS and AR(1).
    func testBlocksAndWorkersDoNotChangeTheMaps() throws {
        let geometry = try geometry()
        let all = [Bool](repeating: true, count: geometry.voxelCount)
        for noise in [FMRINoiseModel.ols, .ar1()] {
            let small = try fit(mask: all, geometry: geometry, noise: noise, blockSize: 7)
            let whole = try fit(mask: all, geometry: geometry, noise: noise, blockSize: geometry.voxelCount)
            XCTAssertEqual(whole.blockSize, geometry.voxelCount)
            let brain = try brain()
            XCTAssertEqual(brain.count, 530)
            func inBrain(_ values: [Double]) -> [Double] { brain.map { values[$0] } }
            assertClose(inBrain(small.contrasts[0].statistic), inBrain(whole.contrasts[0].statistic), "t, \(noise.name)")
            assertClose(inBrain(small.beta[0]), inBrain(whole.beta[0]), "β̂ face, \(noise.name)")
            assertClose(inBrain(small.sigma2), inBrain(whole.sigma2), "σ̂², \(noise.name)")
            XCTAssertEqual(small.residualDF, whole.residualDF)
            if case .ar1 = noise { XCTAssertEqual(inBrain(small.arCoefficient!), inBrain(whole.arCoefficient!)) }
        }
    }

    /// Two fits with the same blocks give the same bits, however the workers raced.
    func testRepeatedFitsAreIdentical() throws {
        let geometry = try geometry()
        let all = [Bool](repeating: true, count: geometry.voxelCount)
        let first = try fit(mask: all, geometry: geometry, noise: .ar1(), blockSize: 13)
        let second = try fit(mask: all, geometry: geometry, noise: .ar1(), blockSize: 13)
        XCTAssertEqual(first.contrasts[0].statistic.map(\.bitPattern), second.contrasts[0].statistic.map(\.bitPattern))
        XCTAssertEqual(first.sigma2.map(\.bitPattern), second.sigma2.map(\.bitPattern))
    }

    /// A scattered mask (every third voxel, gathered one by one) gives those voxels
    /// the numbers the whole-volume fit (read as runs of the image) gives them.
    func testScatteredMaskGivesTheWholeVolumeNumbers() throws {
        let geometry = try geometry()
        let all = [Bool](repeating: true, count: geometry.voxelCount)
        let scattered = (0..<geometry.voxelCount).map { $0 % 3 == 0 }
        for noise in [FMRINoiseModel.ols, .ar1()] {
            let whole = try fit(mask: all, geometry: geometry, noise: noise, blockSize: 50)
            let some = try fit(mask: scattered, geometry: geometry, noise: noise, blockSize: 50)
            XCTAssertEqual(some.voxels, whole.voxels.filter { $0 % 3 == 0 })
            let brain = Set(try brain())
            let kept = some.voxels.indices.filter { brain.contains(some.voxels[$0]) }
            XCTAssertGreaterThan(kept.count, 150)
            assertClose(kept.map { some.contrasts[0].statistic[$0] }, kept.map { whole.contrasts[0].statistic[some.voxels[$0]] }, "t, \(noise.name)")
        }
    }

    /// The block's lag-1 coefficients are `AR1Prewhitening.yuleWalkerLag1` of each
    /// series, to the bit (the same sums in the same order).
    func testBlockLag1IsTheOneSeriesEstimate() throws {
        let volume = try NIfTIFile.read(FMRIFixtures.path(
            "haxby-slice/\((try FMRIFixtures.json("haxby_nilearn.json")["runs"] as! [String])[0])/bold_1slice.nii.gz"))
        let voxels = Array(stride(from: 0, to: volume.geometry.voxelCount, by: 11))
        let n = volume.timePoints, b = voxels.count
        var block = [Double](repeating: 0, count: n * b)
        for (slot, v) in voxels.enumerated() {
            let series = volume.series(at: v)
            for t in 0..<n { block[t * b + slot] = Double(series[t]) }
        }
        let coefficients = VoxelBlockFitter.lag1Coefficients(block, scans: n, voxels: b)
        for (slot, v) in voxels.enumerated() {
            let one = AR1Prewhitening.yuleWalkerLag1(volume.series(at: v).map(Double.init))
            XCTAssertEqual(coefficients[slot].bitPattern, one.bitPattern, "voxel \(v)")
        }
        XCTAssertGreaterThan(Set(coefficients).count, 10, "the series differ")
    }
}
