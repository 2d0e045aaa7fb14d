import Foundation

/// `Fixtures/r-reference/r-accuracy.json`: R's `lm` answers written by
/// `scripts/r-reference/make-fixtures.R` for the accuracy comparisons, with the exact
/// answers `scripts/r-reference/exact-diamonds.py` adds (see the fixture README).
struct RAccuracyFixtures: Decodable {
    /// The exact least-squares answer, as decimal strings of 31 significant digits.
    struct Exact: Decodable {
        let estimate: [String]
        let std_error: [String]
        let sigma: String
    }

    /// A large design: R's answer and the exact one.
    struct Case: Decodable {
        let name: String
        let csv: String
        let formula: String
        let coefficient_names: [String]
        let estimate: [Double]
        let std_error: [Double]
        let sigma: Double
        let rank: Int
        let nobs: Int
        /// σ_max/σ_min of R's model matrix with columns scaled to unit length.
        let condition_number: Double
        let exact: Exact
    }

    /// R's `lm` on one NIST StRD set; null where R calls a column aliased.
    struct NISTFit: Decodable {
        let formula: String
        let estimate: [Double?]
        let std_error: [Double?]
    }

    let versions: [String: String]
    let cases: [Case]
    let nist: [String: NISTFit]

    static func load() throws -> RAccuracyFixtures {
        let data = try Data(contentsOf: RReferenceFixtures.folder.appendingPathComponent("r-accuracy.json"))
        return try JSONDecoder().decode(RAccuracyFixtures.self, from: data)
    }
}
