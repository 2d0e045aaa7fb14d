import XCTest
@testable import Lessons

/// The fMRI parts of a spec: a `timeseries` data source, an `events` block
/// in its four forms, and a model written as an fMRI design. Every refusal
/// names the file, line and column.
final class FMRISpecTests: XCTestCase {
    static let valid = """
        title: Events
        data:
          timeseries: {csv: bold.csv, column: bold, tr: 2.5}
        events:
          - {condition: face, onset: 0, duration: 22.5}
          - {condition: house, onset: 45, duration: 22.5, amplitude: 2}
          - {condition: face, onset: 90}
        models:
          glm:
            fmri: {hrf: canonical+temporal, drift: 128, confounds: [rot_x], noise: ar1}
        figures:
          table:
            kind: coefficient-table
        """

    func error(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        InlineSpec.refusal(yaml, file: file, line: line)?.description
    }

    func testAValidSpecKeepsEveryValue() throws {
        let spec = try InlineSpec.parse(Self.valid)
        let series = try XCTUnwrap(spec.data?.timeseries)
        XCTAssertEqual(series.source, .csv("bold.csv"))
        XCTAssertEqual(series.column, "bold")
        XCTAssertEqual(series.tr, 2.5)
        XCTAssertEqual(series.times(count: 3), [0, 2.5, 5])
        guard case .inline(let events)? = spec.events?.source else { return XCTFail("expected inline events") }
        XCTAssertEqual(events.map(\.condition), ["face", "house", "face"])
        XCTAssertEqual(events.map(\.onset), [0, 45, 90])
        XCTAssertEqual(events.map(\.duration), [22.5, 22.5, 0])
        XCTAssertEqual(events.map(\.amplitude), [1, 2, 1])
        XCTAssertEqual(events[1].location.line, 6)
        let fmri = try XCTUnwrap(spec.models.first?.fmri)
        XCTAssertEqual(fmri.basis, .canonicalTemporal)
        XCTAssertEqual(fmri.driftCutoff, 128)
        XCTAssertEqual(fmri.confounds, ["rot_x"])
        XCTAssertEqual(fmri.noise, .ar1)
        XCTAssertEqual(spec.inputFiles, ["bold.csv"])
    }

    func testEventFilesAndCodes() throws {
        let fsl = try InlineSpec.parse(Self.valid.replacingOccurrences(of: """
            events:
              - {condition: face, onset: 0, duration: 22.5}
              - {condition: house, onset: 45, duration: 22.5, amplitude: 2}
              - {condition: face, onset: 90}
            """, with: """
            events:
              fsl: {face: onsets/cond008.txt, house: onsets/cond001.txt}
            """))
        XCTAssertEqual(fsl.events?.files.map(\.condition), ["face", "house"])
        XCTAssertEqual(fsl.inputFiles, ["bold.csv", "onsets/cond008.txt", "onsets/cond001.txt"])
        let codes = try InlineSpec.parse(Self.valid.replacingOccurrences(of: "  - {condition: face, onset: 0, duration: 22.5}\n  - {condition: house, onset: 45, duration: 22.5, amplitude: 2}\n  - {condition: face, onset: 90}",
                                                                           with: "  codes: {column: events, duration: 2, names: {1: motion}}"))
        guard case .codes(let c)? = codes.events?.source else { return XCTFail("expected codes") }
        XCTAssertEqual([c.condition(1), c.condition(2)], ["motion", "events_2"])
    }

    func testRefusalsNameTheSpot() {
        func replacing(_ old: String, _ new: String) -> String {
            XCTAssertTrue(Self.valid.contains(old), old)
            return Self.valid.replacingOccurrences(of: old, with: new)
        }
        XCTAssertEqual(error(replacing("tr: 2.5", "tr: 2500")),
                       "demo.yaml:3:49: 'tr' (seconds between scans) must be between 0.01 and 60, found 2500 — TR is in seconds: 2 for 2 s, not 2000")
        XCTAssertEqual(error(replacing("{csv: bold.csv, column: bold, tr: 2.5}", "{column: bold, tr: 2.5}")),
                       "demo.yaml:3:15: 'timeseries' needs exactly one of 'builtin' and 'csv' (the table that holds the series) — e.g. timeseries: {csv: bold.csv, column: bold, tr: 2}")
        XCTAssertEqual(error(replacing("onset: 45,", "onset: -4,")),
                       "demo.yaml:6:31: an event's onset is seconds from the first scan, 0 or more, found -4")
        XCTAssertEqual(error(replacing("{condition: face, onset: 90}", "{condition: face, onst: 90}")),
                       "demo.yaml:7:23: unknown key 'onst' in an event (condition, onset, duration, amplitude) — did you mean 'onset'?")
        XCTAssertEqual(error(replacing("condition: house", "condition: 2house")),
                       "demo.yaml:6:17: condition '2house' is not a name a contrast can use: letters, digits, '_' and '.', starting with a letter — e.g. 'face' or 'house_1'")
        XCTAssertEqual(error(replacing("hrf: canonical+temporal", "hrf: canonical+temporl")),
                       "demo.yaml:10:17: 'hrf' is one of 'canonical', 'canonical+temporal', 'canonical+temporal+dispersion', found 'canonical+temporl' — did you mean 'canonical+temporal'?")
        XCTAssertEqual(error(replacing("noise: ar1", "noise: ar2")),
                       "demo.yaml:10:76: 'noise' is 'ols' (independent errors) or 'ar1' (AR(1), prewhitened), found 'ar2' — did you mean 'ar1'?")
        XCTAssertEqual(error(replacing("  - {condition: face, onset: 0, duration: 22.5}\n  - {condition: house, onset: 45, duration: 22.5, amplitude: 2}\n  - {condition: face, onset: 90}\n", "")
                                .replacingOccurrences(of: "events:\n", with: "")),
                       "demo.yaml:6:11: model 'glm' is an fMRI design but the lesson has no 'events' — add an 'events:' block (a list of events, fsl files, a bids file or codes)")
        XCTAssertEqual(error(replacing("timeseries: {csv: bold.csv, column: bold, tr: 2.5}", "csv: bold.csv")),
                       "demo.yaml:9:3: model 'glm' is an fMRI design, so its data must be a time series or volumes — write data: {timeseries: {csv: bold.csv, column: bold, tr: 2}}")
    }
}
