import Support
import XCTest

/// Numbers as a statistics text sets them. Expected strings come from a
/// printed source where there is one (Kutner, Nachtsheim, Neter & Li, Applied
/// Linear Statistical Models, 5th ed., the Toluca example: §2.1–2.2 and the
/// MINITAB output of Figure 2.2), otherwise from the rule named beside them.
/// Toluca inputs are the fit glmviz writes to output/simple-regression/fits.json.
final class NumberFormatTests: XCTestCase {
    let thin = "\u{2009}"
    let minus = "\u{2212}"

    // Toluca, full precision, from fits.json.
    let b0 = 62.36585858585858, se0 = 26.177433889901735
    let b1 = 3.57020202020202, se1 = 0.34697215684876076, t1 = 10.289592261889217
    let sigma = 48.82331018110064

    func testTolucaEstimatesAreKutnersDigits() {
        // Kutner §2.1–2.2 and Figure 2.2: b₀ = 62.37, s{b₀} = 26.18, b₁ = 3.5702, s{b₁} = 0.3470.
        XCTAssertEqual(NumberFormat.estimate(b0, standardError: se0).text(.unicode), "62.37")
        XCTAssertEqual(NumberFormat.standardError(se0).text(.unicode), "26.18")
        XCTAssertEqual(NumberFormat.estimate(b1, standardError: se1).text(.unicode), "3.5702")
        // The trailing zero is Kutner's fourth significant digit, and stays.
        XCTAssertEqual(NumberFormat.standardError(se1).text(.unicode), "0.3470")
        XCTAssertEqual(NumberFormat.decimals(forStandardError: se0), 2)
        XCTAssertEqual(NumberFormat.decimals(forStandardError: se1), 4)
    }

    func testTolucaStatisticAndSigma() {
        // Kutner §2.1: t* = 10.29; Figure 2.2: T = 2.38 for the constant;
        // σ̂ = √MSE = √2384 = 48.82 (§1.7).
        XCTAssertEqual(NumberFormat.statistic(t1).text(.unicode), "10.29")
        XCTAssertEqual(NumberFormat.statistic(2.3824282719291663).text(.unicode), "2.38")
        XCTAssertEqual(NumberFormat.label(sigma).text(.unicode), "48.82")
    }

    func testIntervalsTakeTheDecimalsOfTheirEstimate() {
        // The bounds of fits.json at the estimate's decimals (Kutner §2.1 rounds
        // β₁'s interval further, to 2.85 ≤ β₁ ≤ 4.29; the rule here is one
        // precision per row). Formerly "[8.214, 116.52]": uneven decimals.
        let p0 = NumberFormat.precision(forStandardError: se0)
        XCTAssertEqual(NumberFormat.interval(8.21371074827185, 116.51800642344531, p0, style: .unicode), "[8.21, 116.52]")
        let p1 = NumberFormat.precision(forStandardError: se1)
        XCTAssertEqual(NumberFormat.interval(2.8524354273333197, 4.287968613070721, p1, style: .latex),
                       "$[2.8524, 4.2880]$")
    }

    func testAMillionIsGroupedNotPaddedWithDecimals() {
        // SI brochure §5.4.4 / ISO 80000-1: thin space between groups of three;
        // APA 7 §6.38: comma. Formerly "Ŷ = 2500000.00", "σ̂ = 250000.00".
        XCTAssertEqual(NumberFormat.label(1e6).text(.unicode), "1\(thin)000\(thin)000")
        XCTAssertEqual(NumberFormat.label(250_000).text(.unicode), "250\(thin)000")
        XCTAssertEqual(NumberFormat.label(1e6).text(NumberStyle(grouping: .comma)), "1,000,000")
        XCTAssertEqual(NumberFormat.label(1e6).text(.texMath), "1\\,000\\,000")
        XCTAssertEqual(NumberFormat.label(1e6).text(NumberStyle(output: .latex, grouping: .comma)), "$1{,}000{,}000$")
        XCTAssertEqual(NumberFormat.label(1e6).text(.ascii), "1000000")
        // Four digits are not split (SI), but are with commas (APA: "1,000").
        XCTAssertEqual(NumberFormat.label(2500).text(.unicode), "2500")
        XCTAssertEqual(NumberFormat.label(2500).text(NumberStyle(grouping: .comma)), "2,500")
        XCTAssertEqual(NumberFormat.number(12345, .decimals(0)).text(.unicode), "12\(thin)345")
        // A label keeps four significant digits, whatever the magnitude.
        XCTAssertEqual(NumberFormat.label(12345).text(.unicode), "12\(thin)350")
    }

    func testALargeEstimateIsRoundedToItsStandardError() {
        // An SE of 133 967 is known to the hundreds at four significant digits,
        // so the estimate and interval are too (formerly "[2222088.11, 2777911.89]").
        XCTAssertEqual(NumberFormat.estimate(2_500_000, standardError: 133_967).text(.unicode), "2\(thin)500\(thin)000")
        XCTAssertEqual(NumberFormat.standardError(133_967).text(.unicode), "134\(thin)000")
        let precision = NumberFormat.precision(forStandardError: 133_967)
        XCTAssertEqual(precision, .decimals(-2))
        XCTAssertEqual(NumberFormat.interval(2_222_088.11, 2_777_911.89, precision, style: .unicode),
                       "[2\(thin)222\(thin)100, 2\(thin)777\(thin)900]")
    }

    func testTenToTheMinusFourIsScientific() {
        // Below 10⁻³ a label states a power of ten, in each output's own notation.
        XCTAssertEqual(NumberFormat.label(1e-4).text(.unicode), "1×10⁻⁴")
        XCTAssertEqual(NumberFormat.label(1e-4).text(.texMath), "1 \\times 10^{-4}")
        XCTAssertEqual(NumberFormat.label(1e-4).text(.latex), "$1 \\times 10^{-4}$")
        XCTAssertEqual(NumberFormat.label(1e-4).text(.ascii), "1e-4")
        XCTAssertEqual(NumberFormat.label(-4.7e-4).text(.unicode), "\(minus)4.7×10⁻⁴")
        XCTAssertEqual(NumberFormat.label(0.001).text(.unicode), "0.001")
        // From 10⁹ on, positional form would be a row of zeros.
        XCTAssertEqual(NumberFormat.label(2.5e9).text(.unicode), "2.5×10⁹")
        XCTAssertEqual(NumberFormat.label(999_999_999).text(.unicode), "1×10⁹")
    }

    func testATinyEstimateKeepsItsStandardErrorsLastPlace() {
        // SE 3.012×10⁻⁵ to four significant digits ends at 10⁻⁸; the estimate
        // ends there too, in scientific form rather than "0.00012003".
        XCTAssertEqual(NumberFormat.estimate(1.2003e-4, standardError: 3.012e-5).text(.unicode), "1.2003×10⁻⁴")
        XCTAssertEqual(NumberFormat.standardError(3.012e-5).text(.unicode), "3.012×10⁻⁵")
        XCTAssertEqual(NumberFormat.standardError(3.012e-5).text(.texMath), "3.012 \\times 10^{-5}")
    }

    func testNoNonZeroValueRoundsToZero() {
        // Formerly slope labels "0.00" for x of order 10⁻⁴.
        XCTAssertEqual(NumberFormat.number(0.00012, .decimals(2)).text(.unicode), "1.2×10⁻⁴")
        XCTAssertEqual(NumberFormat.number(0.004, .decimals(2)).text(.unicode), "0.004")
        XCTAssertEqual(NumberFormat.number(-0.0042, .decimals(2)).text(.unicode), "\(minus)0.0042")
        XCTAssertEqual(NumberFormat.statistic(0.0004).text(.unicode), "4×10⁻⁴")
        // A true zero stays zero, at the requested decimals, never "−0.00".
        XCTAssertEqual(NumberFormat.number(0, .decimals(2)).text(.unicode), "0.00")
        XCTAssertEqual(NumberFormat.number(-0.0, .decimals(2)).text(.unicode), "0.00")
        XCTAssertEqual(NumberFormat.label(0).text(.unicode), "0")
    }

    func testLabelsDropZerosThatCarryNoInformation() {
        // Formerly "β̂₀ = 42.000", "σ̂ = 0.8000", "120.00 + 3.500X₁".
        XCTAssertEqual(NumberFormat.label(42).text(.unicode), "42")
        XCTAssertEqual(NumberFormat.label(0.8).text(.unicode), "0.8")
        XCTAssertEqual(NumberFormat.label(120).text(.unicode), "120")
        XCTAssertEqual(NumberFormat.label(3.5).text(.unicode), "3.5")
        XCTAssertEqual(NumberFormat.label(3.57020202).text(.unicode), "3.57")
        // Fixed decimals are a statement of precision and keep their zeros.
        XCTAssertEqual(NumberFormat.number(0.8, .decimals(3)).text(.unicode), "0.800")
        XCTAssertEqual(NumberFormat.estimate(42, standardError: 1.342).text(.unicode), "42.000")
    }

    func testNegativeNumbersUseTheTrueMinusOnlyInDisplayText() {
        // U+2212 for display; TeX makes "-" a minus itself in math mode.
        let slope = NumberFormat.estimate(-5.344, standardError: 0.2999)
        XCTAssertEqual(slope.text(.unicode), "\(minus)5.3440")
        XCTAssertEqual(slope.text(.texMath), "-5.3440")
        XCTAssertEqual(slope.text(.latex), "$-5.3440$")
        XCTAssertEqual(slope.text(.ascii), "-5.3440")
        XCTAssertEqual(NumberFormat.label(-2_500_000).text(.unicode), "\(minus)2\(thin)500\(thin)000")
    }

    func testRoundingIsOfTheWrittenDecimalHalfAwayFromZero() {
        // 2.675 is stored as 2.67499999…; printf's "%.2f" gives 2.67, a reader
        // rounding the 2.675 in fits.json gives 2.68.
        XCTAssertEqual(NumberFormat.number(2.675, .decimals(2)).text(.unicode), "2.68")
        XCTAssertEqual(NumberFormat.number(-2.5, .decimals(0)).text(.unicode), "\(minus)3")
        XCTAssertEqual(NumberFormat.number(9.9996, .decimals(3)).text(.unicode), "10.000")
        // An SE that rounds up to the next power of ten counts from there.
        XCTAssertEqual(NumberFormat.decimals(forStandardError: 0.099996), 4)
        XCTAssertEqual(NumberFormat.standardError(0.099996).text(.unicode), "0.1000")
        XCTAssertEqual(NumberFormat.standardError(0.09996).text(.unicode), "0.09996")
    }

    func testNotANumberIsNAAndInfinityIsTheSymbol() {
        // NaN is "NA" as R prints it; ±∞ as the symbol. Neither is refused.
        XCTAssertEqual(NumberFormat.label(.nan).text(.unicode), "NA")
        XCTAssertEqual(NumberFormat.label(.nan).text(.latex), "$\\mathrm{NA}$")
        XCTAssertEqual(NumberFormat.label(.infinity).text(.unicode), "∞")
        XCTAssertEqual(NumberFormat.label(-.infinity).text(.unicode), "\(minus)∞")
        XCTAssertEqual(NumberFormat.label(-.infinity).text(.texMath), "-\\infty")
        XCTAssertEqual(NumberFormat.label(.infinity).text(.ascii), "Inf")
        // Without a usable standard error an estimate falls back to four significant digits.
        XCTAssertEqual(NumberFormat.estimate(3.57020202, standardError: .nan).text(.unicode), "3.57")
        XCTAssertEqual(NumberFormat.estimate(3.57020202, standardError: nil).text(.unicode), "3.57")
        XCTAssertEqual(NumberFormat.estimate(3.57020202, standardError: 0).text(.unicode), "3.57")
    }

    func testSeventeenSignificantDigitsReadBackAsTheSameDouble() {
        // The digits are the shortest round-trip decimal, so at 17 significant
        // digits the ASCII form parses back to the very same double, from the
        // smallest subnormal to the largest finite value.
        var values: [Double] = [5e-324, 2.2250738585072014e-308, 1e-5, 0.1, 1.0 / 3, 2.675, 62.36585858585858,
                                999.9999999999999, 1e16, 1.2345678901234568e20, .greatestFiniteMagnitude]
        // SplitMix64 with a fixed seed: the same 2000 bit patterns on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            let bits = (z ^ (z >> 31)) & 0x7FFF_FFFF_FFFF_FFFF
            let value = Double(bitPattern: bits)
            if value.isFinite { values.append(value) }
        }
        for value in values + values.map(-) {
            let text = NumberFormat.number(value, .significant(17)).text(.ascii)
            XCTAssertEqual(Double(text), value, text)
        }
    }

    func testMINITABTablesPrintEstimatesAtTheirStandardErrorsPlace() {
        // MINITAB output in Penn State's STAT 415, §7.6 "Using Minitab to Lighten
        // the Workload" (online.stat.psu.edu/stat415): Constant −266.53 (SE Coef
        // 51.03, T −5.22), height 6.1376 (0.7353, T 8.35), S = 8.641. The inputs are
        // the printed numbers, so this checks the decimal place each SE gives.
        XCTAssertEqual(NumberFormat.estimate(-266.53, standardError: 51.03).text(.unicode), "\(minus)266.53")
        XCTAssertEqual(NumberFormat.estimate(6.1376, standardError: 0.7353).text(.unicode), "6.1376")
        XCTAssertEqual(NumberFormat.statistic(-5.22).text(.ascii), "-5.22")
        XCTAssertEqual(NumberFormat.label(8.641).text(.unicode), "8.641")
        // An SE in the thousands leaves no decimals: 2736 with SE 2174 (MINITAB
        // output "MIM versus PMHS", ECO252 final exam, studylib.net/doc/8964646).
        XCTAssertEqual(NumberFormat.estimate(2736, standardError: 2174).text(.unicode), "2736")
        XCTAssertEqual(NumberFormat.estimate(180.08, standardError: 31.31).text(.unicode), "180.08")
    }
}
