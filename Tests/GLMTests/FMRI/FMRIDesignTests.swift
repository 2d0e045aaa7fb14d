import XCTest
@testable import GLM

/// Drift and event designs against SPM's (nilearn's spm_dmtx.npz), and the layout of
/// named, multi-run designs.
final class FMRIDesignTests: XCTestCase {
    func testCosineDriftMatchesSPMBasis() throws {
        let ref = (try FMRIFixtures.json("spm_design_matrices.json")["dct_tr1_nscans20_highpass0.1hz"] as! [String: Any])["matrix"] as! [[Double]]
        let timing = try ScanTiming(tr: 1, scans: 20)
        // The reference keeps 3 cosines for a 10-s cut-off; SPM12's spm_filter and nilearn
        // keep 4 (nilearn's own test compares the reference with its first 3).
        XCTAssertEqual(DriftModel.cosineCount(scans: 20, tr: 1, cutoff: 10, rule: .spm), 4)
        let mine = DriftModel.cosine(cutoff: 10, count: .exactly(3)).columns(timing: timing)
        XCTAssertEqual(mine.count, 3)
        for k in 0..<3 {
            print("measured: cosine \(k + 1) differs from SPM by \(FMRIFixtures.maxError(mine[k], ref.map { $0[k + 1] }))")
            XCTAssertLessThan(FMRIFixtures.maxError(mine[k], ref.map { $0[k + 1] }), 1e-10)
        }
        XCTAssertEqual(ref.map { $0[0] }, [Double](repeating: 1, count: 20))
    }

    /// SPM's two event designs: 3 conditions, 100 scans of 1 s. They are reproduced by
    /// SPM12's procedure with T = 16 and reading each scan at microtime bin T0 = 2; the
    /// "1 s" design is SPM's impulse events (duration 0, heights 1/dt).
    func testSPMEventDesigns() throws {
        let ref = try FMRIFixtures.json("spm_design_matrices.json")["events_paradigm"] as! [String: Any]
        let onsets: [(String, [Double])] = [("c0", [30, 50, 70]), ("c1", [10, 30, 80]), ("c2", [30, 40, 60])]
        let timing = try ScanTiming(tr: 1, scans: 100, microtimeResolution: 16, microtimeOnset: 2)
        for (key, duration) in [("block_duration_1s", 0.0), ("block_duration_10s", 10.0)] {
            let events = EventTable(onsets.flatMap { c in c.1.map { FMRIEvent(condition: c.0, onset: $0, duration: duration) } })
            let design = try FMRIDesign(
                runs: [FMRIRun(events: events, timing: timing)], options: .init(drift: .none))
            XCTAssertEqual(design.columnNames, ["c0", "c1", "c2", "constant"])
            let spm = ref[key] as! [[Double]]
            var worst = 0.0
            for j in 0..<4 { worst = max(worst, FMRIFixtures.maxError(design.x.column(j), spm.map { $0[j] })) }
            print("measured: SPM design \(key) reproduced to \(worst)")
            XCTAssertLessThan(worst, 1e-12, key)
        }
    }

    /// With T0 = 1 (scans read at the start of the TR) the same designs differ from
    /// SPM's by one microtime bin of timing; measured and bounded here.
    func testSamplingAtTheStartOfTheTR() throws {
        let ref = try FMRIFixtures.json("spm_design_matrices.json")["events_paradigm"] as! [String: Any]
        let events = EventTable([30, 50, 70].map { FMRIEvent(condition: "c0", onset: $0, duration: 10) })
        let design = try FMRIDesign(
            runs: [FMRIRun(events: events, timing: try ScanTiming(tr: 1, scans: 100))], options: .init(drift: .none))
        let spm = (ref["block_duration_10s"] as! [[Double]]).map { $0[0] }
        let error = FMRIFixtures.maxError(design.x.column(0), spm)
        print("measured: T0 = 1 instead of 2 moves the 10-s design by \(error)")
        XCTAssertGreaterThan(error, 0.01)
        XCTAssertLessThan(error, 0.015)
    }

    func testMultiRunDesignWithMotionConfounds() throws {
        let face = try EventTable.readFSL(path: FMRIFixtures.path("haxby-run001/face.txt"), condition: "face")
        let house = try EventTable.readFSL(path: FMRIFixtures.path("haxby-run001/house.txt"), condition: "house")
        var events = face
        events.append(contentsOf: house)
        let motionText = try String(contentsOfFile: FMRIFixtures.path("haxby-run001/bold_moest.txt"), encoding: .utf8)
        let rows = motionText.split(whereSeparator: \.isNewline).map { $0.split(separator: " ").map { Double($0)! } }
        XCTAssertEqual(rows.count, 121)
        let names = ["rot_x", "rot_y", "rot_z", "trans_x", "trans_y", "trans_z"]
        let confounds = names.indices.map { k in (name: names[k], values: rows.map { $0[k] }) }
        let timing = try ScanTiming(tr: 2.5, scans: 121)
        let run = FMRIRun(events: events, timing: timing, confounds: confounds)
        let one = try FMRIDesign(runs: [run], options: .init(basis: .canonicalWithTemporalDerivative()))
        // 121 scans × 2.5 s with a 128-s cut-off: SPM keeps fix(2·302.5/128 + 1) − 1 = 4 cosines.
        XCTAssertEqual(
            one.columnNames,
            ["face", "face_derivative", "house", "house_derivative"] + names + ["drift_1", "drift_2", "drift_3", "drift_4", "constant"])
        let two = try FMRIDesign(runs: [run, run])
        XCTAssertEqual(two.x.rows, 242)
        XCTAssertEqual(two.runRows, [0..<121, 121..<242])
        XCTAssertEqual(two.columnNames.first, "run1_face")
        XCTAssertEqual(two.columnIndices(condition: "face").map { two.columnNames[$0] }, ["run1_face", "run2_face"])
        // Block diagonal: run 2's columns are zero on run 1's scans.
        let run2Face = two.x.column(two.columnIndices(condition: "face")[1])
        XCTAssertEqual(Array(run2Face[0..<121]), [Double](repeating: 0, count: 121))
        XCTAssertEqual(Array(run2Face[121...]), one.x.column(0))
    }

    func testParametricModulationIsCentred() throws {
        let events = EventTable([
            FMRIEvent(condition: "tone", onset: 10, duration: 0, amplitude: 1),
            FMRIEvent(condition: "tone", onset: 40, duration: 0, amplitude: 3),
        ])
        let timing = try ScanTiming(tr: 2, scans: 50)
        let spm = try FMRIDesign(runs: [FMRIRun(events: events, timing: timing)], options: .init(drift: .none, amplitudes: .parametric))
        XCTAssertEqual(spm.columnNames, ["tone", "tone_modulation", "constant"])
        // Heights −1 and +1 about the mean amplitude 2: the two responses are equal and opposite.
        let m = spm.x.column(1)
        XCTAssertEqual(m[5 + 3], -m[20 + 3], accuracy: 1e-12)
        let height = try FMRIDesign(runs: [FMRIRun(events: events, timing: timing)], options: .init(drift: .none))
        XCTAssertEqual(height.x.column(0)[20 + 3] / height.x.column(0)[5 + 3], 3, accuracy: 1e-12)
    }
}

/// Hostile designs are refused with a message before anything large is allocated.
final class FMRIDesignLimitTests: XCTestCase {
    func testRefusals() throws {
        let events = EventTable([FMRIEvent(condition: "a", onset: 1e300, duration: 1)])
        // An onset far past the last scan is simply outside the run: an all-zero column.
        let far = try FMRIDesign(runs: [FMRIRun(events: events, timing: try ScanTiming(tr: 2, scans: 10))], options: .init(drift: .none))
        XCTAssertEqual(far.x.column(0), [Double](repeating: 0, count: 10))
        let ok = EventTable([FMRIEvent(condition: "a", onset: 1, duration: 1)])
        XCTAssertThrowsError(try ScanTiming(tr: 2, scans: 1_000_000_000_000)) { XCTAssertEqual(($0 as! Diagnostic).exitCode, 65) }
        let fine = FMRIRun(events: ok, timing: try ScanTiming(tr: 0.001, scans: 100, microtimeResolution: 1024))
        XCTAssertThrowsError(try FMRIDesign(runs: [fine]))
        let run = FMRIRun(events: ok, timing: try ScanTiming(tr: 2, scans: 10))
        XCTAssertThrowsError(try FMRIDesign(runs: [run], options: .init(basis: .fir(order: 0, length: 10))))
        XCTAssertThrowsError(try FMRIDesign(runs: [run], options: .init(drift: .cosine(cutoff: 0))))
        XCTAssertThrowsError(try FMRIDesign(runs: [run], options: .init(conditions: ["b"]))) { error in
            XCTAssertEqual((error as! Diagnostic).message, "condition \"b\" has no events")
        }
        let short = FMRIRun(events: ok, timing: try ScanTiming(tr: 2, scans: 10), confounds: [(name: "x", values: [1, 2])])
        XCTAssertThrowsError(try FMRIDesign(runs: [short])) { error in
            XCTAssertEqual((error as! Diagnostic).message, "confound \"x\" has 2 values but run 1 has 10 scans")
        }
    }
}
