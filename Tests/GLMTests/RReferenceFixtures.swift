import Foundation

@testable import GLM

/// The R results written by `scripts/r-reference/make-fixtures.R` (see
/// `Fixtures/r-reference/README.md` for the versions and each field).
struct RReferenceFixtures: Decodable {
    /// An ANOVA table as R prints it, or car's refusal.
    struct Table: Decodable {
        let terms: [String]?
        let df: [Int]?
        let sum_sq: [Double?]?
        let f: [Double?]?
        let p: [Double?]?
        let error: String?
    }

    struct Coefficients: Decodable {
        let names: [String]
        let estimate: [Double?]
    }

    struct Case: Decodable {
        let name: String
        let dataset: String
        let csv: String
        let formula: String
        let categorical: [String]
        let warnings: [String]
        let term_labels: [String]
        let response: String
        let coefficient_names: [String]
        let estimate: [Double?]
        let std_error: [Double?]
        let t: [Double?]
        let p: [Double?]
        let sigma: Double
        let df_residual: Int
        let rank: Int
        let nobs: Int
        let r_squared: Double
        let adj_r_squared: Double
        let f_statistic: [Double]?
        let model_matrix_columns: [String]
        let model_matrix: [[Double]]
        let anova: Table
        let anova2: Table
        let anova3: Table
        let anova3_sum: Table
        let sum_coding: Coefficients

        /// Whether R left a coefficient out as aliased.
        var hasAliased: Bool { estimate.contains { $0 == nil } }
    }

    struct Poly: Decodable {
        let dataset: String
        let variable: String
        let degree: Int
        let columns: [[Double]]
        let alpha: [Double]
        let norm2: [Double]
    }

    let versions: [String: String]
    let cases: [Case]
    let poly: [Poly]

    static let folder: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("r-reference")

    static func load() throws -> RReferenceFixtures {
        let data = try Data(contentsOf: folder.appendingPathComponent("r-reference.json"))
        return try JSONDecoder().decode(RReferenceFixtures.self, from: data)
    }

    static func frame(_ csv: String, categorical: [String] = []) throws -> Frame {
        try Frame.read(
            csv: folder.appendingPathComponent(csv).path, options: CSVOptions(categorical: Set(categorical)))
    }

    /// The case's design as `glmviz fit FILE FORMULA --categorical …` builds it.
    static func design(for fixture: Case) throws -> Design {
        try Design(fixture.formula, frame: frame(fixture.csv, categorical: fixture.categorical))
    }
}
