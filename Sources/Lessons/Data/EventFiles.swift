import Foundation
import GLM

/// Event files a spec names (FSL three-column, BIDS `events.tsv`), found as
/// its CSV files are (relative to the spec's folder, inside the course
/// root, a regular file) and read by the GLM target's readers, whose
/// messages name the file, line and column.
enum EventFiles {
    static func fsl(_ file: EventFile, lesson: LessonSpec) throws -> [FMRIAnalysis.Event] {
        let url = try located(file, lesson: lesson)
        return try read(file) { try EventTable.readFSL(path: url.path, condition: file.condition ?? "events") }
    }

    static func bids(_ file: EventFile, lesson: LessonSpec) throws -> [FMRIAnalysis.Event] {
        let url = try located(file, lesson: lesson)
        return try read(file) { try EventTable.readBIDS(path: url.path) }
    }

    /// The file's URL, refused as a CSV path is (outside the course root,
    /// missing, a folder or device) with the spec's line and column.
    static func located(_ file: EventFile, lesson: LessonSpec) throws -> URL {
        let url = try lesson.courseFile(file.path, what: "event file", kind: "event files", at: file.location)
        _ = try DataResolver.readCSV(at: url, path: file.path, location: file.location)
        return url
    }

    /// Runs a reader, its `Diagnostic` (which names the file, line and column) as a lesson error.
    static func read(_ file: EventFile, _ reader: () throws -> EventTable) throws -> [FMRIAnalysis.Event] {
        do {
            return try reader().events.map { FMRIAnalysis.Event(condition: $0.condition, onset: $0.onset, duration: $0.duration, amplitude: $0.amplitude) }
        } catch let diagnostic as Diagnostic {
            let category: LessonError.Category = diagnostic.category == .missingFile ? .missingInput : .badData
            guard let place = diagnostic.location, place.file != nil else {
                throw LessonError(category, at: file.location, message: "event file '\(file.path)': \(diagnostic.message)",
                                  suggestion: diagnostic.suggestion)
            }
            throw LessonError(category, file: file.path, line: place.line, column: place.column,
                              message: diagnostic.message, suggestion: diagnostic.suggestion)
        }
    }
}
