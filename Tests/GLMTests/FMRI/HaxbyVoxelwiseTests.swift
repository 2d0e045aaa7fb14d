import Foundation
import XCTest
@testable import GLM

/// The voxelwise fit against nilearn's fit of the Haxby slice
/// (Fixtures/fmri/haxby_nilearn.json, written by scripts/fmri-reference/haxby_nilearn.py):
/// 12 runs, eight conditions, SPM HRF, 128 s cosine drift, each run in percent
/// signal, fixed effects over runs, the 530 voxels whose mean EPI exceeds 100.
final class HaxbyVoxelwiseTests: XCTestCase {
    private struct Reference {
        let json: [String: Any]
        let runs: [String]
        let matrices: [Matrix]
        let names: [[String]]
        let maskIndices: [Int]
    }

    private func reference() throws -> Reference {
        let json = try FMRIFixtures.json("haxby_nilearn.json")
        let designs = json["designs"] as! [[String: Any]]
        return Reference(
            json: json, runs: json["runs"] as! [String],
            matrices: designs.map { Matrix(columns: $0["values"] as! [[Double]]) },
            names: designs.map { $0["columns"] as! [String] },
            maskIndices: json["mask_flat_indices"] as! [Int])
    }

    private func run(_ name: String) throws -> NIfTIVolume {
        try NIfTIFile.read(FMRIFixtures.path("haxby-slice/\(name)/bold_1slice.nii.gz"))
    }

    /// glmviz's fit on nilearn's designs: face − house t in every in-mask voxel to
    /// 1e-6 relative, for OLS and AR(1).
    func testFaceMinusHouseMatchesNilearnInEveryVoxel() throws {
        let ref = try reference()
        let first = try run(ref.runs[0])
        var mask = [Bool](repeating: false, count: first.geometry.voxelCount)
        for i in ref.maskIndices { mask[i] = true }
        let weights = ref.names.map { names -> [Matrix] in
            var row = [Double](repeating: 0, count: names.count)
            row[names.firstIndex(of: "face")!] = 1
            row[names.firstIndex(of: "house")!] = -1
            var face = [Double](repeating: 0, count: names.count), house = face
            face[names.firstIndex(of: "face")!] = 1
            house[names.firstIndex(of: "house")!] = 1
            return [Matrix(rows: [row]), Matrix(rows: [face, house])]
        }
        for (noise, key) in [(FMRINoiseModel.ols, "ols"), (.ar1(), "ar1")] {
            let fit = try FMRIVoxelwiseFit.fit(
                runCount: ref.runs.count, loadRun: { try self.run(ref.runs[$0]) }, matrices: ref.matrices,
                columnNames: ref.names, weights: weights, conditions: ["face", "house"],
                conditionColumns: ref.names.map { [$0.firstIndex(of: "face"), $0.firstIndex(of: "house")] },
                mask: mask, geometry: first.geometry,
                contrasts: [
                    FMRIContrastRequest(name: "face_vs_house", expression: "face - house"),
                    FMRIContrastRequest(name: "face_and_house", expression: "face; house"),
                ],
                options: FMRIVoxelwiseOptions(noise: noise, blockSize: 97), progress: nil)
            let expected = ref.json["t_" + key] as! [Double]
            let t = fit.contrasts[0].statistic
            XCTAssertEqual(fit.voxels, ref.maskIndices)
            XCTAssertEqual(t.count, 530)
            var worst = 0.0
            for (a, b) in zip(t, expected) { worst = max(worst, abs(a - b) / abs(b)) }
            XCTAssertLessThan(worst, 1e-6, "\(key): largest relative difference \(worst)")
            XCTAssertEqual(Double(fit.residualDF), ref.json["dof_" + key] as! Double)
            let range = ref.json["t_range_" + key] as! [Double]
            XCTAssertEqual(t.min()!, range[0], accuracy: 1e-6 * abs(range[0]))
            XCTAssertEqual(t.max()!, range[1], accuracy: 1e-6 * abs(range[1]))
            let f = fit.contrasts[1].statistic, expectedF = ref.json["f_face_house_" + key] as! [Double]
            XCTAssertTrue(fit.contrasts[1].isF)
            let worstF = zip(f, expectedF).map { abs($0 - $1) / abs($1) }.max()!
            XCTAssertLessThan(worstF, 1e-6, "\(key): F's largest relative difference \(worstF)")
            let peak = fit.peak(contrast: 0)!
            XCTAssertEqual(peak.value, range[0], accuracy: 1e-6 * abs(range[0]))
        }
    }

    /// The mask is the same 530 voxels when glmviz reads the runs and thresholds
    /// their mean at 100.
    func testMeanAbove100MaskIsNilearns() throws {
        let ref = try reference()
        var sum: [Double]? = nil
        for name in ref.runs {
            let mean = try run(name).meanVolume()
            sum = sum.map { zip($0, mean).map(+) } ?? mean
        }
        let mask = FMRIMask.meanAbove(100, mean: sum!.map { $0 / Double(ref.runs.count) })
        XCTAssertEqual(mask.indices.filter { mask[$0] }, ref.maskIndices)
    }

    /// nilearn's compute_epi_mask on run 1's 25 mm whole-brain image.
    func testEPIMaskIsNilearns() throws {
        let ref = try reference()
        let volume = try NIfTIFile.read(FMRIFixtures.path("haxby-slice/run001/bold_25mm.nii.gz"))
        let mask = FMRIMask.epi(mean: volume.meanVolume(), grid: volume.geometry)
        XCTAssertEqual(mask.indices.filter { mask[$0] }, ref.json["epi_mask_25mm_run001"] as! [Int])
    }

    /// glmviz's own design from the FSL onset files (SPM's microtime sampling, not
    /// nilearn's oversampling) is close to nilearn's, and so are the t maps.
    func testOwnDesignIsCloseToNilearns() throws {
        let ref = try reference()
        let conditions = ["house", "scrambledpix", "cat", "shoe", "bottle", "scissors", "chair", "face"]
        var designs: [FMRIDesign] = []
        var worstColumn = 0.0
        for (r, name) in ref.runs.enumerated() {
            var events = EventTable()
            for c in conditions {
                events.append(contentsOf: try EventTable.readFSL(
                    path: FMRIFixtures.path("haxby-slice/\(name)/\(c).txt"), condition: c))
            }
            let design = try FMRIDesign(
                runs: [FMRIRun(events: events, timing: try ScanTiming(tr: 2.5, scans: 121))])
            designs.append(design)
            for (j, column) in ref.names[r].enumerated() {
                guard let k = design.columnNames.firstIndex(of: column) else {
                    XCTFail("no column \(column)")
                    continue
                }
                let mine = design.x.column(k), theirs = ref.matrices[r].column(j)
                worstColumn = max(worstColumn, zip(mine, theirs).map { abs($0 - $1) }.max()!)
            }
        }
        XCTAssertLessThan(worstColumn, 0.02, "largest design difference \(worstColumn)")
        let first = try run(ref.runs[0])
        var mask = [Bool](repeating: false, count: first.geometry.voxelCount)
        for i in ref.maskIndices { mask[i] = true }
        let fit = try FMRIVoxelwiseFit.fit(
            runCount: ref.runs.count, loadRun: { try self.run(ref.runs[$0]) }, designs: designs, mask: mask,
            geometry: first.geometry, contrasts: [FMRIContrastRequest(name: "fh", expression: "face - house")],
            options: FMRIVoxelwiseOptions(noise: .ols))
        let expected = ref.json["t_ols"] as! [Double]
        let worst = zip(fit.contrasts[0].statistic, expected).map { abs($0 - $1) }.max()!
        XCTAssertLessThan(worst, 0.1, "largest t difference with glmviz's own design: \(worst)")
        print("Haxby: design difference \(worstColumn), OLS t difference \(worst)")
    }
}
