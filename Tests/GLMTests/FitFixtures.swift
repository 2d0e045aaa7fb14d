import Foundation

/// Locations of the committed test fixtures: `toluca.csv` is the Toluca Company data
/// of Kutner et al., *Applied Linear Statistical Models*, Table 1.1 (a copy of the
/// project's shared data); `nist/` holds the NIST StRD sets (see its README).
enum FitFixtures {
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static var nist: URL { directory.appendingPathComponent("nist") }

    /// Columns of a small numeric CSV with a header row.
    static func numericColumns(_ name: String) throws -> [String: [Double]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        var columns = [String: [Double]]()
        for line in lines {
            for (name, cell) in zip(header, line.split(separator: ",")) {
                columns[name, default: []].append(Double(cell)!)
            }
        }
        return columns
    }
}
