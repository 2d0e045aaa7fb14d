import Foundation
import XCTest

@testable import GLM

/// The statsmodels results written by `Fixtures/make_fixtures.py` (see the
/// fixtures' README for versions and the meaning of each number).
struct StatsmodelsFixtures: Decodable {
    struct Case: Decodable {
        let name: String
        let csv: String
        let formula: String
        let reference: [String: String]
        let columns: [String]
        let x: [[Double]]
        let y: [Double]
        let nobs: Int
        let dropped_rows: Int
        let rank: Int
        let df_resid: Double
        let scale: Double
        let params: [String: Double]
        let bse: [String: Double]
        let tvalues: [String: Double]
        let pvalues: [String: Double]
        let conf_int_low: [String: Double]
        let conf_int_high: [String: Double]
        let rsquared: Double
        let rsquared_adj: Double
        let fvalue: Double
        let f_pvalue: Double
    }

    let versions: [String: String]
    let cases: [Case]

    static let folder: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func load() throws -> StatsmodelsFixtures {
        let data = try Data(contentsOf: folder.appendingPathComponent("statsmodels.json"))
        return try JSONDecoder().decode(StatsmodelsFixtures.self, from: data)
    }

    /// Builds the case's design the way `glmviz fit` would: read the CSV, parse the
    /// R formula, apply the reference levels.
    static func design(for fixture: Case) throws -> Design {
        let frame = try Frame.read(csv: folder.appendingPathComponent(fixture.csv).path)
        return try Design(fixture.formula, frame: frame, referenceLevels: fixture.reference)
    }
}

/// Relative agreement to `tolerance`, or absolute when the expected value is near zero.
func assertClose(
    _ actual: Double, _ expected: Double, tolerance: Double = 1e-10, _ message: @autoclosure () -> String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    let scale = max(abs(expected), 1e-8)
    XCTAssertLessThanOrEqual(
        abs(actual - expected) / scale, tolerance, "\(message()): got \(actual), expected \(expected)",
        file: file, line: line)
}
