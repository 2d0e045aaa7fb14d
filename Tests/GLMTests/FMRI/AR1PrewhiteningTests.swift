import XCTest
@testable import GLM

/// AR(1) prewhitening on the nitime event-related series (TR 2 s, 3,360 scans, six
/// event types): the numbers the course quotes, measured here.
final class AR1PrewhiteningTests: XCTestCase {
    static func nitimeDesign(drift: DriftModel) throws -> (FMRIDesign, [Double]) {
        let (bold, codes) = try FMRIFixtures.nitime()
        let events = EventTable.fromScanCodes(codes, tr: 2, duration: 2)
        let timing = try ScanTiming(tr: 2, scans: bold.count)
        return (try FMRIDesign(runs: [FMRIRun(events: events, timing: timing)], options: .init(drift: drift)), bold)
    }

    /// README of the shared data (an independent nilearn fit): lag-1 autocorrelation
    /// 0.876 with a 128-s cosine drift, OLS t 8.9–14.8, AR(1) t 4.3–8.0.
    func testNitimePrewhiteningHalvesT() throws {
        let (design, bold) = try Self.nitimeDesign(drift: .cosine(cutoff: 128))
        XCTAssertEqual(design.conditions, (1...6).map { "event_\($0)" })
        let result = try design.fitAR1(bold)
        let before = (0..<6).map { result.ordinary.coefficients[$0].t! }
        let after = (0..<6).map { result.whitened.coefficients[$0].t! }
        print("measured: nitime AR(1) coefficient \(result.estimatedCoefficient) (used \(result.coefficient))")
        print("measured: nitime t OLS \(before)")
        print("measured: nitime t AR(1) \(after)")
        XCTAssertEqual(result.estimatedCoefficient, 0.876, accuracy: 0.01)
        XCTAssertEqual(result.coefficient, 0.87)
        for t in before { XCTAssertTrue((8.5...15.5).contains(t), "OLS t \(t)") }
        for t in after { XCTAssertTrue((4...8.5).contains(t), "AR(1) t \(t)") }
        for k in 0..<6 { XCTAssertLessThan(after[k], 0.62 * before[k]) }
        let r = Autocorrelation.values(result.whitened.residuals, maxLag: 1)[1]
        print("measured: lag-1 autocorrelation of whitened residuals \(r)")
        // AR(1) does not whiten this series fully (its noise is not AR(1)): nilearn's fit
        // leaves 0.580 too (nitime_nilearn.json), down from 0.877.
        XCTAssertEqual(r, 0.58, accuracy: 0.01)
    }

    func testYuleWalkerOfAKnownSeries() {
        // y = 1, -1, 1, -1: mean 0, ∑yₜyₜ₊₁ = -3 over n − 1 = 3, ∑y² = 4 over n = 4: ρ = −1.
        XCTAssertEqual(AR1Prewhitening.yuleWalkerLag1([1, -1, 1, -1]), -1, accuracy: 1e-15)
        XCTAssertEqual(AR1Prewhitening.whiten([1, 2, 3], coefficient: 0.5), [1, 1.5, 2])
        XCTAssertEqual(Autocorrelation.values([1, -1, 1, -1], maxLag: 1), [1, -0.75])
    }
}
