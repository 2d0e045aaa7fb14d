import XCTest
final class PlotSmokeTests: XCTestCase { func testNothing() {} }
