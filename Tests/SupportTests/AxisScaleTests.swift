import Support
import XCTest

/// One power of ten per axis, stated once, and tick texts that read as a set.
final class AxisScaleTests: XCTestCase {
    let thin = "\u{2009}"

    func testTenMillionsStateTheExponentOnce() {
        // Formerly "0.50×10⁷ … 2.00×10⁷" on every tick.
        let scale = AxisScale(ticks: [5e6, 1e7, 1.5e7, 2e7])
        XCTAssertEqual(scale.powerOfTen, 7)
        XCTAssertEqual(scale.labels(.unicode), ["0.5", "1.0", "1.5", "2.0"])
        XCTAssertEqual(scale.factor(.unicode), "×10⁷")
        XCTAssertEqual(scale.factor(.texMath), "\\times 10^{7}")
        XCTAssertEqual(scale.factor(.latex), "$\\times 10^{7}$")
    }

    func testTenToTheMinusFourTicks() {
        let scale = AxisScale(ticks: [0, 1e-4, 2e-4, 3e-4])
        XCTAssertEqual(scale.powerOfTen, -4)
        XCTAssertEqual(scale.labels(.unicode), ["0", "1", "2", "3"])
        XCTAssertEqual(scale.factor(.unicode), "×10⁻⁴")
    }

    func testNegativeTicksAndTheThreshold() {
        let scale = AxisScale(ticks: [-2e5, -1e5, 0, 1e5, 2e5])
        XCTAssertEqual(scale.powerOfTen, 5)
        XCTAssertEqual(scale.labels(.unicode), ["\u{2212}2", "\u{2212}1", "0", "1", "2"])
        XCTAssertEqual(scale.labels(.texMath), ["-2", "-1", "0", "1", "2"])
        // Below 10⁵ the ticks are written out, grouped.
        let plain = AxisScale(ticks: [0, 25_000, 50_000, 75_000])
        XCTAssertNil(plain.powerOfTen)
        XCTAssertEqual(plain.labels(.unicode), ["0", "25\(thin)000", "50\(thin)000", "75\(thin)000"])
        XCTAssertEqual(plain.factor(.unicode), "")
    }

    func testTolucaLotSizesAreLeftAlone() {
        // Kutner's Table 1.1 lot sizes run from 20 to 120.
        let scale = AxisScale(ticks: [20, 40, 60, 80, 100, 120])
        XCTAssertNil(scale.powerOfTen)
        XCTAssertEqual(scale.labels(.unicode), ["20", "40", "60", "80", "100", "120"])
    }

    func testFloatingPointNoiseInTickPositionsIsIgnored() {
        // 0.1 + 0.2 = 0.30000000000000004; a tick computed as 3 × 0.1 − 0.3 is not zero.
        let scale = AxisScale(ticks: [3 * 0.1 - 0.3, 0.1, 0.2, 0.1 + 0.2])
        XCTAssertNil(scale.powerOfTen)
        XCTAssertEqual(scale.labels(.unicode), ["0.0", "0.1", "0.2", "0.3"])
    }
}
