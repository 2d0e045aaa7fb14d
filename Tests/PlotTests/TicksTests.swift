@testable import Plot
import XCTest

/// Tick positions compared with R's `labeling::extended` (the reference
/// implementation by the algorithm's authors), printed by
/// `Golden/extended-ticks.R` into `Golden/extended-ticks.txt`.
final class TicksTests: XCTestCase {
    let reference: [(Double, Double, Int, [Double])] = [
        (0, 1, 5, [0, 0.25, 0.5, 0.75, 1]),
        (0, 1, 7, [0, 0.2, 0.4, 0.6, 0.8, 1]),
        (-5.344, 12, 5, [-5, 0, 5, 10]),
        (-5.344, 12, 7, [-5, -2.5, 0, 2.5, 5, 7.5, 10, 12.5]),
        (1e-6, 3e-6, 5, [1e-6, 1.5e-6, 2e-6, 2.5e-6, 3e-6]),
        (1e-6, 3e-6, 7, [1e-6, 1.5e-6, 2e-6, 2.5e-6, 3e-6]),
        (62, 546, 5, [0, 100, 200, 300, 400, 500]),
        (62, 546, 7, [0, 100, 200, 300, 400, 500, 600]),
        (-1, 1, 5, [-1, -0.5, 0, 0.5, 1]),
        (0.001, 0.0123, 5, [0, 0.003, 0.006, 0.009, 0.012]),
        (0.001, 0.0123, 7, [0, 0.002, 0.004, 0.006, 0.008, 0.010, 0.012]),
        (-273.15, 100, 5, [-300, -200, -100, 0, 100]),
        (-273.15, 100, 7, [-250, -200, -150, -100, -50, 0, 50, 100]),
        (1990, 2025, 5, [1990, 2000, 2010, 2020, 2030]),
        (1990, 2025, 7, [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025]),
        (15, 125, 5, [0, 25, 50, 75, 100, 125]),
        (15, 125, 7, [0, 20, 40, 60, 80, 100, 120]),
        (3.2, 3.3, 5, [3.2, 3.225, 3.25, 3.275, 3.3]),
        (3.2, 3.3, 7, [3.2, 3.22, 3.24, 3.26, 3.28, 3.3]),
    ]

    func testExtendedAlgorithmMatchesTheRReferenceImplementation() {
        for (lo, hi, m, expected) in reference {
            let ticks = TickGenerator().ticks(lower: lo, upper: hi, target: m)
            XCTAssertEqual(ticks.count, expected.count, "[\(lo), \(hi)] m=\(m): \(ticks)")
            for (t, e) in zip(ticks, expected) {
                XCTAssertEqual(t, e, accuracy: abs(e) * 1e-12 + 1e-18, "[\(lo), \(hi)] m=\(m): \(ticks)")
            }
        }
    }

    func testTicksAreExactDecimalsWithoutFloatingPointDust() {
        let ticks = TickGenerator().ticks(lower: 0, upper: 1, target: 7)
        XCTAssertEqual(ticks, [0, 0.2, 0.4, 0.6, 0.8, 1])  // not 0.6000000000000001
        XCTAssertEqual(TickGenerator().ticks(lower: 5, upper: 5), [5])
        XCTAssertEqual(TickGenerator().ticks(lower: 0, upper: .nan), [])
    }

    func testExtremeRangesNeitherCrashNorHang() {
        XCTAssertEqual(TickGenerator().ticks(lower: -1e308, upper: 1e308), [-1e308, 1e308])
        XCTAssertEqual(TickGenerator().ticks(lower: 1e300, upper: 1e300 * (1 + 1e-15)).count, 2, "the two ends")
        XCTAssertEqual(TickGenerator().ticks(lower: 1e15, upper: 1e15 + 8), [1e15, 1e15 + 8])
        XCTAssertEqual(TickGenerator().ticks(lower: 0, upper: 1, target: 1_000_000).count, 51)
        let tiny = TickGenerator().ticks(lower: 1e-300, upper: 3e-300)
        XCTAssertGreaterThanOrEqual(tiny.count, 2)
    }

    func testLooseTicksEncloseTheData() {
        var generator = TickGenerator()
        generator.onlyLoose = true
        let ticks = generator.ticks(lower: -5.344, upper: 12, target: 5)
        XCTAssertLessThanOrEqual(ticks.first!, -5.344)
        XCTAssertGreaterThanOrEqual(ticks.last!, 12)
    }

    func testLabelsShareDecimalsAndUseTheTrueMinusSign() {
        let f = TickFormatter()
        XCTAssertEqual(f.labels(for: [0, 0.25, 0.5, 0.75, 1]), ["0.00", "0.25", "0.50", "0.75", "1.00"])
        XCTAssertEqual(f.labels(for: [-5, 0, 5, 10]), ["\u{2212}5", "0", "5", "10"])
        XCTAssertEqual(f.labels(for: [-1, -0.5, 0, 0.5, 1]), ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
        XCTAssertEqual(f.labels(for: [62, 546]), ["62", "546"])
        XCTAssertEqual(f.labels(for: [3.2, 3.225, 3.25]), ["3.200", "3.225", "3.250"])
    }

    func testLabelsNeverShowNegativeZero() {
        let f = TickFormatter()
        XCTAssertEqual(f.labels(for: [-0.0, 1]), ["0", "1"])
        XCTAssertEqual(f.fixed(-1e-17, 2), "0.00")
        XCTAssertEqual(f.fixed(-0.004, 2), "0.00")
        XCTAssertFalse(f.labels(for: TickGenerator().ticks(lower: -0.3, upper: 0.3)).contains { $0.hasPrefix("\u{2212}0") && Double($0.dropFirst()) == 0 })
    }

    func testTinyAndHugeValuesShareAPowerOfTen() {
        let f = TickFormatter()
        XCTAssertEqual(f.labels(for: [1e-6, 1.5e-6, 2e-6]), ["1.0×10⁻⁶", "1.5×10⁻⁶", "2.0×10⁻⁶"])
        XCTAssertEqual(f.labels(for: [0, 2e6, 4e6]), ["0", "2×10⁶", "4×10⁶"])
    }

    func testLinearScaleMapsAndInverts() {
        let s = LinearScale(domain: 10...20, range: (400, 100))
        XCTAssertEqual(s(10), 400); XCTAssertEqual(s(20), 100); XCTAssertEqual(s(15), 250)
        XCTAssertEqual(s.invert(250), 15)
        XCTAssertEqual(LinearScale.paddedDomain(for: [20, 120], padding: 0.05), 15...125)
        XCTAssertEqual(LinearScale.paddedDomain(for: [3, 3]), 2.7...3.3)
        XCTAssertEqual(LinearScale.paddedDomain(for: [2, 4], padding: 0, including: [0]), 0...4)
    }
}
