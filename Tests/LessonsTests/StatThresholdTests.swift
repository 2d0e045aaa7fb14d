import XCTest
@testable import Lessons

/// Thresholds of a statistic map against R (`scripts/fmri/stat-threshold-reference.R`,
/// R's pt, qt, qf and p.adjust(method = "BH")): twelve t values on 50 df.
final class StatThresholdTests: XCTestCase {
    let t = [-6.2, -4.1, -3.3, -2.9, -2.2, -1.1, 0.3, 0.8, 1.9, 2.6, 3.1, 5.0]

    func map(_ values: [Double], rows: Int = 1) -> VolumeAnalysis.StatisticMap {
        // Two voxels outside the mask, which never count.
        VolumeAnalysis.StatisticMap(contrast: "a - b", values: values + [.nan, .nan], rows: rows, df: 50)
    }

    func testUncorrectedThresholdIsRsQt() {
        let threshold = StatThreshold(.uncorrected(p: 0.001), map: map(t))
        XCTAssertEqual(threshold.value, 3.4960128818111751, accuracy: 1e-12)
        XCTAssertEqual(threshold.suprathreshold, 3)
    }

    func testBenjaminiHochbergMatchesPAdjust() {
        let five = StatThreshold(.fdr(q: 0.05), map: map(t))
        XCTAssertEqual(five.suprathreshold, 8)
        XCTAssertEqual(five.value, 2.2)
        XCTAssertEqual(five.largestShownP!, 0.03245627439590508, accuracy: 1e-14)
        let one = StatThreshold(.fdr(q: 0.01), map: map(t))
        XCTAssertEqual(one.suprathreshold, 5)
        XCTAssertEqual(one.value, 3.1)
        XCTAssertEqual(one.largestShownP!, 0.0031753909984019936, accuracy: 1e-15)
    }

    func testWhenNothingSurvivesTheFirstStepsThresholdIsStated() {
        let none = StatThreshold(.fdr(q: 0.05), map: map(t.map { $0 / 10 }))
        XCTAssertEqual(none.suprathreshold, 0)
        XCTAssertNil(none.largestShownP)
        XCTAssertEqual(none.value, 3.0030160677188205, accuracy: 1e-12)
    }

    func testFMapsUseTheUpperTailOfF() {
        let threshold = StatThreshold(.uncorrected(p: 0.001), map: map(t.map { $0 * $0 }, rows: 2))
        XCTAssertEqual(threshold.value, 7.9564184639101754, accuracy: 1e-10)
        // 6.2², 4.1², 3.3², 2.9² = 8.41, 3.1² and 5² pass 7.96; 2.6² = 6.76 does not.
        XCTAssertEqual(threshold.suprathreshold, 6)
    }
}
