import Foundation
import XCTest

/// The `volume` entry of a voxelwise model in fits.json says which voxel the
/// model's own coefficients describe: the voxel its `voxel-fit` figure draws (the
/// map's peak when the figure names none, the named voxel otherwise).
final class VolumeFitReportTests: XCTestCase {
    func testTheSummarisedVoxelIsTheOneTheFigureDraws() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let result = try GlmvizProcess.run(["lesson", "fmri-whole-brain", "--out", "out"], in: scratch.url)
        XCTAssertEqual(result.status, 0, result.standardError)
        let data = try Data(contentsOf: scratch.url.appendingPathComponent("out/fmri-whole-brain/fits.json"))
        let fits = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        for (model, expected) in [("slice", nil as [Int]?), ("brain", [4, 3, 4])] {
            let volume = try XCTUnwrap(fits[model]?["volume"] as? [String: Any], model)
            let summarised = try XCTUnwrap(volume["summarisedVoxel"] as? [String: Any], model)
            let peak = try XCTUnwrap(((volume["maps"] as? [[String: Any]])?.first?["peak"] as? [String: Any])?["voxel"] as? [Int])
            // slice-peak names no voxel, so it draws the peak; brain-vt names (4, 3, 4).
            XCTAssertEqual(summarised["voxel"] as? [Int], expected ?? peak, model)
            XCTAssertTrue((summarised["fit"] as? String)?.contains("AR(1)-prewhitened") == true, model)
            // Every run's own design (13 columns: 8 conditions, 4 cosines and the
            // constant) as its own block: 12 × 121 scans less 12 × 13 columns.
            XCTAssertEqual(fits[model]?["df_residual"] as? Int, 12 * 121 - 12 * 13, model)
            XCTAssertEqual((fits[model]?["coefficients"] as? [[String: Any]])?.count, 12 * 13, model)
        }
    }
}
