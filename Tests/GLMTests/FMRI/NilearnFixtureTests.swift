import XCTest
@testable import GLM

/// glmviz against an independent fit of the nitime series by nilearn
/// (Fixtures/fmri/nitime_nilearn.json, written by scripts/fmri-reference/nitime_nilearn.py).
final class NilearnFixtureTests: XCTestCase {
    private struct Reference {
        let names: [String]
        let x: Matrix
        let tOLS: [String: Double]
        let tAR1: [String: Double]
        let coefficient: Double
        let coefficientUsed: Double
        let whitenedLag1: Double
        let json: [String: Any]
    }

    /// nilearn's design: its condition and constant columns as stored, its cosines
    /// rebuilt from spm_dctmtx's formula (the script checks they agree to 3e-15).
    private func reference(scans n: Int) throws -> Reference {
        let json = try FMRIFixtures.json("nitime_nilearn.json")
        let names = json["column_names"] as! [String]
        let stored = json["design_columns"] as! [String: [Double]]
        let driftCount = json["drift_columns"] as! Int
        XCTAssertLessThan(json["drift_max_difference_from_dct_formula"] as! Double, 1e-13)
        let cosines = Array(DriftModel.dctMatrix(scans: n, columns: driftCount + 1).dropFirst())
        let columns = names.map { name -> [Double] in
            if let values = stored[name] { return values }
            let k = Int(name.dropFirst("drift_".count))!
            return cosines[k - 1]
        }
        return Reference(
            names: names, x: Matrix(columns: columns), tOLS: json["t_ols"] as! [String: Double],
            tAR1: json["t_ar1"] as! [String: Double], coefficient: json["ar1_coefficient"] as! Double,
            coefficientUsed: json["ar1_coefficient_used"] as! Double,
            whitenedLag1: json["whitened_residual_lag1_autocorrelation"] as! Double, json: json)
    }

    private func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

    /// Same design in, same numbers out: glmviz's Fit and AR(1) prewhitening on
    /// nilearn's design matrix agree with nilearn's run_glm to 1e-6 relative.
    func testFitAndPrewhiteningOnNilearnsDesign() throws {
        let (bold, _) = try FMRIFixtures.nitime()
        let ref = try reference(scans: bold.count)
        let result = try AR1Prewhitening(x: ref.x, y: bold, columnNames: ref.names)
        var worst = 0.0
        for (condition, t) in ref.tOLS {
            let j = ref.names.firstIndex(of: condition)!
            worst = max(worst, relative(result.ordinary.coefficients[j].t!, t))
            worst = max(worst, relative(result.whitened.coefficients[j].t!, ref.tAR1[condition]!))
        }
        worst = max(worst, relative(result.estimatedCoefficient, ref.coefficient))
        XCTAssertEqual(result.coefficient, ref.coefficientUsed)
        let lag1 = Autocorrelation.values(result.whitened.residuals, maxLag: 1)[1]
        worst = max(worst, relative(lag1, ref.whitenedLag1))
        print("measured: largest relative difference from nilearn on its own design \(worst)")
        XCTAssertLessThan(worst, 1e-6)
    }

    /// glmviz's own design (SPM's microtime T = 16, kernel spm_hrf) against nilearn's
    /// (oversampling 50, its own gamma grid): the regressors and t values differ
    /// slightly; the sizes are measured and bounded here.
    func testOwnDesignAgainstNilearns() throws {
        let (bold, codes) = try FMRIFixtures.nitime()
        let ref = try reference(scans: bold.count)
        let design = try FMRIDesign(
            runs: [FMRIRun(events: EventTable.fromScanCodes(codes, tr: 2, duration: 2), timing: try ScanTiming(tr: 2, scans: bold.count))])
        // Same columns, same order: six conditions, 105 cosines, the constant.
        XCTAssertEqual(design.columnNames, ref.names)
        var regressorError = 0.0
        for j in 0..<6 {
            let mine = design.x.column(j), theirs = ref.x.column(j)
            let peak = theirs.map(abs).max()!
            regressorError = max(regressorError, zip(mine, theirs).map { abs($0 - $1) }.max()! / peak)
        }
        let driftError = (6..<111).map { j in zip(design.x.column(j), ref.x.column(j)).map { abs($0 - $1) }.max()! }.max()!
        let result = try design.fitAR1(bold)
        var tOLS = 0.0, tAR1 = 0.0
        for (j, condition) in design.conditions.enumerated() {
            tOLS = max(tOLS, relative(result.ordinary.coefficients[j].t!, ref.tOLS[condition]!))
            tAR1 = max(tAR1, relative(result.whitened.coefficients[j].t!, ref.tAR1[condition]!))
        }
        print("measured: own design vs nilearn: regressors differ by \(regressorError) of their peak, drift by \(driftError)")
        print("measured: own design vs nilearn: t differs by \(tOLS) (OLS), \(tAR1) (AR(1)) relative; AR coefficient \(result.estimatedCoefficient) vs \(ref.coefficient)")
        XCTAssertLessThan(driftError, 1e-13)
        XCTAssertLessThan(regressorError, 0.06)  // measured 0.057
        XCTAssertLessThan(tOLS, 0.01)  // measured 0.0059
        XCTAssertLessThan(tAR1, 0.02)  // measured 0.017
        XCTAssertEqual(result.coefficient, ref.coefficientUsed)
    }

    /// HRF.glover and HRF.nilearnSPM are nilearn's kernels at TR 2 s, oversampling 50.
    func testNilearnKernels() throws {
        let ref = try reference(scans: 3360)
        let glover = ref.json["glover_hrf_tr2_oversampling50"] as! [Double]
        let spm = ref.json["spm_hrf_tr2_oversampling50"] as! [Double]
        let gloverError = FMRIFixtures.maxError(HRF.glover(dt: 2.0 / 50), glover)
        let spmError = FMRIFixtures.maxError(HRF.nilearnSPM(dt: 2.0 / 50), spm)
        print("measured: Glover kernel vs nilearn \(gloverError), nilearn's SPM kernel \(spmError)")
        XCTAssertLessThan(gloverError, 1e-12)
        XCTAssertLessThan(spmError, 1e-12)
    }
}
