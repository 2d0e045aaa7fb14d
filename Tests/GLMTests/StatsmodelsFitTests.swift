import XCTest

@testable import GLM

/// Fits of every fixture case against statsmodels' OLS to 1e-10 relative (absolute
/// near zero). For the aliased case only estimable coefficients have standard errors
/// here; their estimates, and the minimum-norm values of the aliased ones, are compared.
final class StatsmodelsFitTests: XCTestCase {
    func testFitsMatchStatsmodels() throws {
        let fixtures = try StatsmodelsFixtures.load()
        for fixture in fixtures.cases {
            let design = try StatsmodelsFixtures.design(for: fixture)
            let fit = try design.fit()
            let label = fixture.name
            XCTAssertEqual(fit.n, fixture.nobs, label)
            XCTAssertEqual(fit.droppedRows, fixture.dropped_rows, label)
            XCTAssertEqual(fit.rank, fixture.rank, label)
            XCTAssertEqual(Double(fit.dfResidual), fixture.df_resid, label)
            assertClose(fit.sigmaSquared ?? .nan, fixture.scale, "\(label) σ²")
            assertClose(fit.rSquared ?? .nan, fixture.rsquared, "\(label) R²")
            assertClose(fit.adjustedRSquared ?? .nan, fixture.rsquared_adj, "\(label) adjusted R²")
            assertClose(fit.fStatistic ?? .nan, fixture.fvalue, "\(label) F")
            assertClose(fit.fPValue ?? .nan, fixture.f_pvalue, "\(label) p(F)")
            for coefficient in fit.coefficients {
                let name = coefficient.term
                let where_ = "\(label) \(name)"
                guard let estimate = fixture.params[name] else {
                    XCTFail("\(where_): no such statsmodels column")
                    continue
                }
                assertClose(coefficient.estimate, estimate, "\(where_) estimate")
                guard coefficient.estimable else { continue }
                assertClose(coefficient.standardError ?? .nan, fixture.bse[name]!, "\(where_) SE")
                assertClose(coefficient.t ?? .nan, fixture.tvalues[name]!, "\(where_) t")
                assertClose(coefficient.p ?? .nan, fixture.pvalues[name]!, "\(where_) p")
                assertClose(coefficient.ciLow ?? .nan, fixture.conf_int_low[name]!, "\(where_) CI low")
                assertClose(coefficient.ciHigh ?? .nan, fixture.conf_int_high[name]!, "\(where_) CI high")
            }
            let aliased = fit.coefficients.filter { !$0.estimable }.map(\.term)
            XCTAssertEqual(aliased.isEmpty, fixture.rank == fixture.columns.count, "\(label) aliased \(aliased)")
        }
    }
}
