import XCTest

@testable import GLM

/// Design matrices against patsy's (statsmodels' formula engine): same columns under
/// R's names, identical values, same rows dropped.
final class StatsmodelsDesignTests: XCTestCase {
    func testDesignsMatchPatsy() throws {
        let fixtures = try StatsmodelsFixtures.load()
        XCTAssertEqual(fixtures.cases.count, 8)
        for fixture in fixtures.cases {
            let design = try StatsmodelsFixtures.design(for: fixture)
            XCTAssertEqual(Set(design.columnNames), Set(fixture.columns), fixture.name)
            XCTAssertEqual(design.columnNames.count, fixture.columns.count, fixture.name)
            XCTAssertEqual(design.droppedRows, fixture.dropped_rows, fixture.name)
            XCTAssertEqual(design.y, fixture.y, fixture.name)
            XCTAssertEqual(design.x.rows, fixture.nobs, fixture.name)
            for (k, name) in fixture.columns.enumerated() {
                guard let j = design.columnNames.firstIndex(of: name) else { continue }
                XCTAssertEqual(design.x.column(j), fixture.x.map { $0[k] }, "\(fixture.name): column \(name)")
            }
        }
    }
}
