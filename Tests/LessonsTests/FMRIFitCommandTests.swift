import Foundation
import XCTest
@testable import GLM

/// `glmviz fmri fit` on the Haxby slice (Tests/GLMTests/Fixtures/fmri/haxby-slice):
/// the maps it writes are the library's fit, in the runs' geometry; pieces made with
/// --voxels add up to the whole fit; the summary states voxels, df and the peak.
final class FMRIFitCommandTests: XCTestCase {
    private let slice = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GLMTests/Fixtures/fmri/haxby-slice")

    private func arguments(_ extra: [String]) -> [String] {
        let runs = (1...12).map { String(format: "run%03d", $0) }
        var args = ["fmri", "fit"] + runs.map { slice.appendingPathComponent("\($0)/bold_1slice.nii.gz").path }
        for run in runs { args += ["--events", slice.appendingPathComponent(run).path] }
        return args + ["--contrast", "face - house", "--mask", "above:100", "--noise", "ols"] + extra
    }

    func testMapsAreTheLibraryFitAndPiecesAddUp() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let whole = try GlmvizProcess.run(arguments(["--out", "whole"]), in: scratch.url)
        XCTAssertEqual(whole.status, 0, whole.standardError)
        XCTAssertEqual(whole.standardOutput.split(separator: "\n").map(String.init), [
            "12 runs × 121 scans, TR 2.5 s; 530 voxels fitted (mask above:100: 530 voxels)",
            "noise OLS, percent signal per run, runs combined by fixed effects; residual df 1296",
            "face - house: t from −11.08 to 4.15; peak t = −11.08 at voxel (14, 15, 0), (17.0, 20.6, 0.0) mm",
            "wrote 13 files to whole",
        ])
        let t = try NIfTIFile.read(scratch.url.appendingPathComponent("whole/t_face_minus_house.nii.gz").path)
        let bold = try NIfTIFile.read(slice.appendingPathComponent("run001/bold_1slice.nii.gz").path)
        XCTAssertTrue(t.geometry.sameGrid(as: bold.geometry))
        XCTAssertEqual(t.geometry.qformCode, bold.geometry.qformCode)
        XCTAssertEqual(t.geometry.sformCode, bold.geometry.sformCode)

        // The library on the same inputs: the map holds its t, rounded to float32.
        let runs = (1...12).map { String(format: "run%03d", $0) }
        let designs = try runs.map { run -> FMRIDesign in
            let volume = try NIfTIFile.readHeader(slice.appendingPathComponent("\(run)/bold_1slice.nii.gz").path)
            return try FMRIDesign(runs: [FMRIRun(
                events: try FMRIEventSource.read(slice.appendingPathComponent(run).path),
                timing: try ScanTiming(tr: 2.5, scans: volume.timePoints))])
        }
        var sum = [Double](repeating: 0, count: bold.geometry.voxelCount)
        for run in runs {
            let mean = try NIfTIFile.read(slice.appendingPathComponent("\(run)/bold_1slice.nii.gz").path).meanVolume()
            for i in sum.indices { sum[i] += mean[i] / 12 }
        }
        let fit = try FMRIVoxelwiseFit.fit(
            runCount: 12, loadRun: { try NIfTIFile.read(self.slice.appendingPathComponent("\(runs[$0])/bold_1slice.nii.gz").path) },
            designs: designs, mask: FMRIMask.meanAbove(100, mean: sum), geometry: bold.geometry,
            contrasts: [FMRIContrastRequest(name: "fh", expression: "face - house")],
            options: FMRIVoxelwiseOptions(noise: .ols))
        for (i, v) in fit.voxels.enumerated() {
            XCTAssertEqual(t.data[v], Float(fit.contrasts[0].statistic[i]))
        }
        XCTAssertEqual(t.data.indices.filter { t.data[$0] != 0 }.count, 530)

        // Three pieces over the 800 voxels add up to the whole map, bit for bit.
        var assembled = [Float](repeating: 0, count: t.data.count)
        for (k, range) in ["0:300", "300:555", "555:800"].enumerated() {
            let piece = try GlmvizProcess.run(arguments(["--voxels", range, "--out", "piece\(k)"]), in: scratch.url)
            XCTAssertEqual(piece.status, 0, piece.standardError)
            let map = try NIfTIFile.read(scratch.url.appendingPathComponent("piece\(k)/t_face_minus_house.nii.gz").path)
            for i in assembled.indices { assembled[i] += map.data[i] }
        }
        XCTAssertEqual(assembled, t.data)
    }

    /// `--out` naming a folder with a file of the user's that the fit would
    /// replace (`mask.nii.gz`) is refused before the fit and before anything is
    /// written, and the file is left as it was; glmviz's own earlier output is
    /// replaced.
    func testAFolderWithTheUsersOwnMapIsNotWrittenInto() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let folder = scratch.url.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mask = folder.appendingPathComponent("mask.nii.gz")
        try Data("the user's mask".utf8).write(to: mask)
        let refused = try GlmvizProcess.run(arguments(["--voxels", "0:40", "--out", "mine"]), in: scratch.url)
        XCTAssertEqual(refused.status, 73)
        XCTAssertTrue(refused.standardError.contains("mine/mask.nii.gz: already exists and was not written by glmviz fmri fit"),
                      refused.standardError)
        XCTAssertEqual(try Data(contentsOf: mask), Data("the user's mask".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["mask.nii.gz"])
        // Refused before fitting: with a mask that keeps no voxel (an error the fit
        // would raise, exit 65) the folder is still what stops it.
        let early = try GlmvizProcess.run(arguments(["--mask", "above:100000", "--out", "mine"]), in: scratch.url)
        XCTAssertEqual(early.status, 73, early.standardError)
        // Into a new folder the mask is the error, named as it was typed.
        let empty = try GlmvizProcess.run(arguments(["--mask", "above:100000", "--out", "fresh"]), in: scratch.url)
        XCTAssertEqual(empty.status, 65, empty.standardError)
        XCTAssertTrue(empty.standardError.contains("the mask (above:100000) keeps no voxel"), empty.standardError)

        // A staging folder left by a fit that was killed (no such process) is
        // cleared by the next fit into the same folder.
        let abandoned = scratch.url.appendingPathComponent("ours/.glmviz-fmri-fit.2147483646.tmp")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: abandoned.appendingPathComponent("mask.nii.gz"))
        let first = try GlmvizProcess.run(arguments(["--voxels", "0:40", "--out", "ours"]), in: scratch.url)
        XCTAssertEqual(first.status, 0, first.standardError)
        let again = try GlmvizProcess.run(arguments(["--voxels", "0:40", "--out", "ours"]), in: scratch.url)
        XCTAssertEqual(again.status, 0, again.standardError)
        // The maps are staged and renamed into place; no staging folder is left.
        let ours = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("ours").path)
        XCTAssertEqual(ours.filter { $0.hasPrefix(".") }, [])
        XCTAssertEqual(ours.count, 13, "t, effect, 8 β, σ², mask, fits.json: \(ours.sorted())")
    }
}
