import XCTest
final class GLMSmokeTests: XCTestCase { func testNothing() {} }
