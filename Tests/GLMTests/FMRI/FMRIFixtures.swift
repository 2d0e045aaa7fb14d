import Foundation

/// The committed fMRI fixtures (see Fixtures/fmri/PROVENANCE.md): SPM's own
/// kernels and designs, the nitime series and Haxby run-1 onsets.
enum FMRIFixtures {
    static var directory: URL { FitFixtures.directory.appendingPathComponent("fmri") }

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// The nitime series: BOLD values and the event code (0–6) at each 2-s scan.
    static func nitime() throws -> (bold: [Double], codes: [Int]) {
        let text = try String(contentsOfFile: path("event_related_fmri.csv"), encoding: .utf8)
        var bold: [Double] = [], codes: [Int] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",")
            bold.append(Double(cells[0])!)
            codes.append(Int(Double(cells[1])!))
        }
        return (bold, codes)
    }

    /// Largest |a − b| / max(1, |b|) over two equal-length series.
    static func maxError(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "lengths \(a.count) and \(b.count) differ")
        return zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
    }
}
