import Foundation
import XCTest
@testable import Lessons

/// The option tables of docs/lesson-spec.md are written from the kinds'
/// definitions; these tests fail while the two differ, and hold the
/// definitions to what the tables and the spec reader rely on.
final class FigureKindCatalogueTests: XCTestCase {
    static var specReference: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/lesson-spec.md")
    }

    func testTheSpecReferenceHoldsTheGeneratedTables() throws {
        let document = try String(contentsOf: Self.specReference, encoding: .utf8)
        let rewritten = try XCTUnwrap(FigureKindCatalogue.rewritten(document), "docs/lesson-spec.md lost its options markers")
        XCTAssertTrue(rewritten == document,
                      "docs/lesson-spec.md differs from the figure kinds' definitions; run `glmviz generate-option-docs`")
    }

    func testEveryKindIsListedWithEachOfItsOptions() {
        let tables = FigureKindCatalogue.markdownTables()
        for kind in FigureKind.allCases {
            XCTAssertTrue(tables.contains("| `\(kind.rawValue)` |"), "\(kind) is not in the table of kinds")
            for option in kind.definition.options {
                XCTAssertTrue(tables.contains("| `\(option.name)` |"), "\(kind)'s '\(option.name)' has no row")
            }
        }
    }

    func testRewritingNeedsBothMarkersInOrder() {
        XCTAssertNil(FigureKindCatalogue.rewritten("no markers here"))
        XCTAssertNil(FigureKindCatalogue.rewritten("\(FigureKindCatalogue.endMarker)\n\(FigureKindCatalogue.beginMarker)"))
        let once = FigureKindCatalogue.rewritten("a\n\(FigureKindCatalogue.beginMarker)\nold\n\(FigureKindCatalogue.endMarker)\nb")
        XCTAssertEqual(once.flatMap(FigureKindCatalogue.rewritten), once, "rewriting twice changes the document")
        XCTAssertFalse(once?.contains("\nold\n") ?? true)
    }

    func testKindNamesAndOptionNamesAreUnique() {
        XCTAssertEqual(Set(FigureKind.names).count, FigureKind.names.count)
        for kind in FigureKind.allCases {
            let names = kind.options.map(\.name)
            XCTAssertEqual(Set(names).count, names.count, "\(kind) declares an option twice (perhaps a common one)")
            for option in kind.options {
                XCTAssertFalse(option.documentation.isEmpty, "\(kind)'s '\(option.name)' is undocumented")
                XCTAssertFalse(option.documentation.contains("\n"), "\(kind)'s '\(option.name)' takes more than a line")
            }
        }
    }

    func testAKindIsFoundByItsName() {
        for kind in FigureKind.allCases { XCTAssertEqual(FigureKind(rawValue: kind.rawValue), kind) }
        XCTAssertNil(FigureKind(rawValue: "histogram"))
        XCTAssertEqual(FigureKind.allCases.filter(\.animates), [.probabilityModel, .regressionPlane])
    }
}
