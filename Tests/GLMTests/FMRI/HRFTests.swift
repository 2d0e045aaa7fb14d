import XCTest
@testable import GLM

/// SPM's kernels against numbers SPM computed (nipy's spm_hrfs.mat and spm_bases.mat).
final class HRFTests: XCTestCase {
    func testAll54SPMKernels() throws {
        let cases = try FMRIFixtures.json("spm_hrf_cases.json")["cases"] as! [[String: Any]]
        XCTAssertEqual(cases.count, 54)
        var worst = 0.0
        for c in cases {
            let p = SPMHRFParameters(
                peakDelay: c["peak_delay"] as! Double, undershootDelay: c["undershoot_delay"] as! Double,
                peakDispersion: c["peak_dispersion"] as! Double,
                undershootDispersion: c["undershoot_dispersion"] as! Double, ratio: c["ratio"] as! Double)
            let mine = HRF.spm(dt: c["dt"] as! Double, parameters: p)
            let spm = c["hrf"] as! [Double]
            XCTAssertEqual(mine.count, spm.count)
            worst = max(worst, FMRIFixtures.maxError(mine, spm))
        }
        print("measured: largest difference from spm_hrf over 54 kernels \(worst)")
        XCTAssertLessThan(worst, 1e-10, "largest difference from SPM over the 54 kernels")
    }

    /// The reference keeps spm_get_bf's finite differences before `spm_orth`.
    func testCanonicalBasisAtHundredthOfASecond() throws {
        let ref = try FMRIFixtures.json("spm_canonical_bases_dt0.01.json")
        let mine = HRFBasis.canonicalWithRawDerivatives(dt: 0.01)
        for (k, key) in ["hrf", "temporal_derivative", "dispersion_derivative"].enumerated() {
            let spm = ref[key] as! [Double]
            XCTAssertEqual(mine[k].count, 3201)
            print("measured: \(key) at dt 0.01 differs from SPM by \(FMRIFixtures.maxError(mine[k], spm))")
            XCTAssertLessThan(FMRIFixtures.maxError(mine[k], spm), 1e-10, key)
        }
    }

    /// spm_orth keeps the HRF and leaves each derivative orthogonal to what precedes it.
    func testOrthogonalisedBasis() {
        let raw = HRFBasis.canonicalWithRawDerivatives(dt: 0.125)
        let bf = HRFBasis.canonicalWithDerivatives().functions(microtimeStep: 0.125, microtimeResolution: 16)
        XCTAssertEqual(bf[0], raw[0])
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        XCTAssertLessThan(abs(dot(bf[0], bf[1])) / dot(bf[1], bf[1]), 1e-12)
        XCTAssertLessThan(abs(dot(bf[0], bf[2])) / dot(bf[2], bf[2]), 1e-12)
        XCTAssertLessThan(abs(dot(bf[1], bf[2])) / dot(bf[2], bf[2]), 1e-12)
        XCTAssertNotEqual(bf[1], raw[1])
    }

    func testGloverPeaksNearFiveSeconds() {
        let h = HRF.glover(dt: 0.1)
        XCTAssertEqual(h.reduce(0, +), 1, accuracy: 1e-12)
        let peak = h.indices.max(by: { h[$0] < h[$1] })!
        // Glover (1999): peak about 5 s after onset with these parameters (shape 6/0.9, scale 0.9: mode 5.1 s, plus nilearn's one-step shift).
        XCTAssertEqual(Double(peak) * 32 / Double(h.count - 1), 5.2, accuracy: 0.11)
    }

    func testFIRBoxes() {
        let bf = HRFBasis.fir(order: 4, length: 8).functions(microtimeStep: 0.5, microtimeResolution: 4)
        XCTAssertEqual(bf.count, 4)
        XCTAssertEqual(bf[1], [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(HRFBasis.fir(order: 2, length: 8).columnSuffixes, ["_fir_1", "_fir_2"])
    }
}
