@testable import Plot
import XCTest

final class SVGNormalizerTests: XCTestCase {
    func testIdsAreRenumberedInOrderOfFirstAppearance() {
        let raw = ##"<symbol id="glyph7-2"/><clipPath id="clip13"/><use xlink:href="#glyph7-2"/><g clip-path="url(#clip13)"/><use xlink:href="#glyph7-5"/>"##
        let expected = ##"<symbol id="glyph1"/><clipPath id="clip2"/><use xlink:href="#glyph1"/><g clip-path="url(#clip2)"/><use xlink:href="#glyph3"/>"##
        XCTAssertEqual(String(decoding: SVGNormalizer.normalize(Array(raw.utf8)), as: UTF8.self), expected)
    }

    func testTwoCountersGiveTheSameOutput() {
        let first = ##"<symbol id="glyph0-1"/><use href="#glyph0-1"/>"##
        let second = ##"<symbol id="glyph4-1"/><use href="#glyph4-1"/>"##
        XCTAssertEqual(SVGNormalizer.normalize(Array(first.utf8)), SVGNormalizer.normalize(Array(second.utf8)))
    }
}
