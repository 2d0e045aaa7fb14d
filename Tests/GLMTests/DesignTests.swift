import XCTest

@testable import GLM

/// Column names and coding are checked against R's `colnames(model.matrix(f, d))`
/// for the same data (R 4.x, treatment contrasts).
final class DesignTests: XCTestCase {
    private let frame = try! Frame([
        "y": .numeric([1, 2, 3, 4, 5, 6, 7, 8]),
        "age": .numeric([30, 41, 52, 36, 47, 58, 33, 44]),
        "group": .categorical(["placebo", "drugA", "drugB", "placebo", "drugA", "drugB", "drugA", "placebo"]),
        "sex": .categorical(["F", "M", "F", "M", "F", "M", "M", "F"]),
    ])

    func testTreatmentCodingWithFirstSortedLevelAsReference() throws {
        let d = try Design("y ~ age + group", frame: frame)
        XCTAssertEqual(d.columnNames, ["(Intercept)", "age", "groupdrugB", "groupplacebo"])
        XCTAssertEqual(d.columnTerms, ["(Intercept)", "age", "group", "group"])
        XCTAssertEqual(d.referenceLevels["group"], "drugA")
        XCTAssertEqual(d.x.column(2), [0, 0, 1, 0, 0, 1, 0, 0])
        XCTAssertEqual(d.x.column(3), [1, 0, 0, 1, 0, 0, 0, 1])
        XCTAssertEqual(d.x.column(0), [Double](repeating: 1, count: 8))
        XCTAssertEqual(d.y, [1, 2, 3, 4, 5, 6, 7, 8])
    }

    func testNamedReferenceLevel() throws {
        let d = try Design("y ~ age * group", frame: frame, referenceLevels: ["group": "placebo"])
        XCTAssertEqual(
            d.columnNames,
            ["(Intercept)", "age", "groupdrugA", "groupdrugB", "age:groupdrugA", "age:groupdrugB"])
        XCTAssertEqual(d.x.column(4), [0, 41, 0, 0, 47, 0, 33, 0])
    }

    func testUnknownReferenceNamesTheLevels() {
        XCTAssertThrowsError(try Design("y ~ group", frame: frame, referenceLevels: ["group": "placeboo"])) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.message, "\"placeboo\" is not a level of \"group\"; its levels are \"drugA\", \"drugB\", \"placebo\"")
            XCTAssertEqual(d?.suggestion, "did you mean \"placebo\"?")
        }
    }

    func testCategoricalInteractionVariesFirstFactorFastest() throws {
        let d = try Design("y ~ group * sex", frame: frame)
        XCTAssertEqual(
            d.columnNames,
            ["(Intercept)", "groupdrugB", "groupplacebo", "sexM", "groupdrugB:sexM", "groupplacebo:sexM"])
        XCTAssertEqual(d.columnTerms.last, "group:sex")
        XCTAssertEqual(d.x.column(5), [0, 0, 0, 1, 0, 0, 0, 0])
    }

    func testFullDummySetWhenMarginIsAbsent() throws {
        // No intercept: the first categorical main effect gets every level, the next drops its reference.
        XCTAssertEqual(
            try Design("y ~ 0 + group + sex", frame: frame).columnNames,
            ["groupdrugA", "groupdrugB", "groupplacebo", "sexM"])
        // A slope per group without a common slope: R's age:groupdrugA, age:groupdrugB, age:groupplacebo.
        XCTAssertEqual(
            try Design("y ~ age:group", frame: frame).columnNames,
            ["(Intercept)", "age:groupdrugA", "age:groupdrugB", "age:groupplacebo"])
        // y ~ group + group:sex: sex is nested within group, so group is coded in full inside the interaction.
        XCTAssertEqual(
            try Design("y ~ group + group:sex", frame: frame).columnNames,
            ["(Intercept)", "groupdrugB", "groupplacebo", "groupdrugA:sexM", "groupdrugB:sexM", "groupplacebo:sexM"])
    }

    func testPowersAndBackticks() throws {
        let spaced = try Frame(["work hours": .numeric([3, 5, 9]), "lot size": .numeric([1, 2, 3])])
        let d = try Design("`work hours` ~ `lot size` + I(`lot size`^2)", frame: spaced)
        XCTAssertEqual(d.columnNames, ["(Intercept)", "`lot size`", "I(`lot size`^2)"])
        XCTAssertEqual(d.x.column(2), [1, 4, 9])
        XCTAssertEqual(d.responseName, "`work hours`")
    }

    func testListwiseDeletionCountsDroppedRows() throws {
        let holes = try Frame([
            "y": .numeric([1, .nan, 3, 4, 5]),
            "x": .numeric([1, 2, .nan, 4, 5]),
            "g": .categorical(["a", "b", "a", nil, "b"]),
            "unused": .numeric([.nan, .nan, .nan, .nan, .nan]),
        ])
        let d = try Design("y ~ x + g", frame: holes)
        XCTAssertEqual(d.rowsUsed, [0, 4])
        XCTAssertEqual(d.droppedRows, 3)
        XCTAssertEqual(try Design("y ~ x", frame: holes).droppedRows, 2)
        // log of a negative number is NaN and drops the row, as R's na.omit does.
        let negative = try Frame(["y": .numeric([1, 2, 3]), "x": .numeric([1, -1, 4])])
        XCTAssertEqual(try Design("y ~ log(x)", frame: negative).rowsUsed, [0, 2])
    }

    func testUnusedLevelsAreDroppedLikeR() throws {
        let holes = try Frame(["y": .numeric([1, 2, .nan, 4]), "g": .categorical(["a", "b", "c", "a"])])
        XCTAssertEqual(try Design("y ~ g", frame: holes).columnNames, ["(Intercept)", "gb"])
    }

    func testUnknownColumnSuggestsNearestWithCaret() {
        XCTAssertThrowsError(try Design("y ~ agee + group", frame: frame)) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.excerpt?.offset, 4)
            XCTAssertEqual(d?.excerpt?.length, 4)
            XCTAssertEqual(d?.suggestion, "did you mean \"age\"?")
            XCTAssertEqual(d?.exitCode, 65)
        }
    }

    func testDotMeansEveryOtherColumn() throws {
        let d = try Design("y ~ .", frame: frame)
        XCTAssertEqual(d.columnNames, ["(Intercept)", "age", "groupdrugB", "groupplacebo", "sexM"])
        XCTAssertEqual(
            try Design("y ~ . - sex", frame: frame).columnNames, ["(Intercept)", "age", "groupdrugB", "groupplacebo"])
        // age:age is age, which then makes group and sex take contrasts within age.
        XCTAssertEqual(
            try Design("y ~ age:.", frame: frame).columnNames,
            ["(Intercept)", "age", "age:groupdrugB", "age:groupplacebo", "age:sexM"])
    }

    func testEmptyModelIsAnError() {
        XCTAssertThrowsError(try Design("y ~ 0", frame: frame)) { error in
            XCTAssertEqual((error as? Diagnostic)?.suggestion, "use y ~ 1 to fit the mean alone")
        }
        XCTAssertEqual(try Design("y ~ 1", frame: frame).columnNames, ["(Intercept)"])
    }

    func testCategoricalWhereNumberIsNeeded() {
        XCTAssertThrowsError(try Design("group ~ age", frame: frame)) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.contains("must be numeric") ?? false)
        }
        XCTAssertThrowsError(try Design("y ~ I(group^2)", frame: frame))
    }

    func testRowsForTheFittedDataReproduceX() throws {
        let d = try Design("y ~ age * group + I(age^2) + sex", frame: frame, referenceLevels: ["sex": "M"])
        XCTAssertEqual(try d.rows(for: frame), d.x)
    }

    func testRowsForNewDataUseTheSameCoding() throws {
        let d = try Design("y ~ age * group + I(age^2)", frame: frame, referenceLevels: ["group": "placebo"])
        let grid = try Frame(["age": .numeric([20, 60]), "group": .categorical(["drugB", "placebo"])])
        let rows = try d.rows(for: grid)
        XCTAssertEqual(rows.columns, d.columnNames.count)
        XCTAssertEqual(d.columnNames, [
            "(Intercept)", "age", "groupdrugA", "groupdrugB", "I(age^2)", "age:groupdrugA", "age:groupdrugB",
        ])
        XCTAssertEqual(rows.row(0), [1, 20, 0, 1, 400, 0, 20])
        XCTAssertEqual(rows.row(1), [1, 60, 0, 0, 3600, 0, 0])
        let unseen = try Frame(["age": .numeric([20]), "group": .categorical(["drugC"])])
        XCTAssertThrowsError(try d.rows(for: unseen))
    }
}
