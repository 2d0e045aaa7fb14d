import Foundation

/// One run's events named the way a command line names them: a BIDS
/// `events.tsv`, a folder of FSL three-column files `<condition>.txt` (the
/// OpenfMRI layout with conditions renamed), or FSL files separated by commas,
/// each file's name (without `.txt`) being its condition.
public enum FMRIEventSource {
    public static func read(_ source: String) throws -> EventTable {
        var isDirectory: ObjCBool = false
        if source.hasSuffix(".tsv") { return try EventTable.readBIDS(path: source) }
        if FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: source)) ?? [])
                .filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
            guard !names.isEmpty else {
                throw Diagnostic(
                    .missingFile, "is a folder with no FSL event files (<condition>.txt) in it",
                    location: .init(file: source),
                    suggestion: "give a folder of three-column files named after their conditions, or a BIDS events.tsv")
            }
            return try table(names.map { (source as NSString).appendingPathComponent($0) })
        }
        return try table(source.split(separator: ",").map(String.init))
    }

    private static func table(_ paths: [String]) throws -> EventTable {
        var table = EventTable()
        for path in paths {
            let condition = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            table.append(contentsOf: try EventTable.readFSL(path: path, condition: condition))
        }
        return table
    }
}
