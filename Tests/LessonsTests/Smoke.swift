import XCTest
final class LessonsSmokeTests: XCTestCase { func testNothing() {} }
