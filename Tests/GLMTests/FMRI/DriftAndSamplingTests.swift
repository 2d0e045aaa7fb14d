import XCTest
@testable import GLM

/// Polynomial drift and explicit frame times.
final class DriftAndSamplingTests: XCTestCase {
    private func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    func testPolynomialDriftIsOrthonormalAndOrthogonalToTheConstant() throws {
        let columns = DriftModel.polynomial(order: 3).columns(timing: try ScanTiming(tr: 2, scans: 40))
        XCTAssertEqual(columns.count, 3)
        for (k, c) in columns.enumerated() {
            XCTAssertEqual(dot(c, c), 1, accuracy: 1e-12)
            XCTAssertEqual(c.reduce(0, +), 0, accuracy: 1e-12)
            for later in columns[(k + 1)...] { XCTAssertEqual(dot(c, later), 0, accuracy: 1e-12) }
        }
        // The first is the centred straight line: equal steps between scans.
        XCTAssertEqual(columns[0][1] - columns[0][0], columns[0][39] - columns[0][38], accuracy: 1e-12)
    }

    func testExplicitFrameTimes() throws {
        let events = [FMRIEvent(condition: "a", onset: 6, duration: 4)]
        let basis = HRFBasis.canonical().functions(microtimeStep: 0.125, microtimeResolution: 16)
        let spm = try ScanTiming(tr: 2, scans: 30)
        let same = try ScanTiming(frameTimes: (0..<30).map { Double($0) * 2 }, tr: 2)
        XCTAssertEqual(FMRIRegressor.regressors(events, basis: basis, timing: same), FMRIRegressor.regressors(events, basis: basis, timing: spm))
        // Half a microtime bin later: the mean of the two neighbouring bins.
        let half = try ScanTiming(frameTimes: (0..<30).map { Double($0) * 2 + 0.0625 }, tr: 2)
        let u = FMRIRegressor.convolve(FMRIRegressor.stimulus(events, timing: spm), with: basis[0])
        let read = FMRIRegressor.sample(u, timing: half)
        XCTAssertEqual(read[10], (u[10 * 16 + 32] + u[10 * 16 + 33]) / 2, accuracy: 1e-15)
    }

    /// A 4-s block covers round(4/dt) + 1 microtime bins (SPM's ton … tof − 1).
    func testBlockLength() throws {
        let timing = try ScanTiming(tr: 2, scans: 10)
        let u = FMRIRegressor.stimulus([FMRIEvent(condition: "a", onset: 2, duration: 4)], timing: timing)
        XCTAssertEqual(u.filter { $0 != 0 }.count, 33)
        XCTAssertEqual(u.firstIndex(of: 1), 16 + 32)
        let stick = FMRIRegressor.stimulus([FMRIEvent(condition: "a", onset: 2, duration: 0)], timing: timing)
        XCTAssertEqual(stick.filter { $0 != 0 }, [8])  // one bin of height 1/dt, dt = 0.125 s
    }
}
