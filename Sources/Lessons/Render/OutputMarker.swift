import Foundation

/// The hidden file glmviz leaves in every lesson folder it writes, naming the
/// lesson and every file it put there. It is the proof of ownership that lets
/// a later render replace the folder: a folder without it (or holding a file
/// it does not list) is someone else's, and glmviz refuses to touch it.
///
/// Its bytes depend only on the lesson's name and file names, so rendering the
/// same spec twice writes the same marker and committed outputs stay stable.
struct OutputMarker: Codable, Equatable {
    static let fileName = ".glmviz-output.json"
    /// Files an operating system drops into folders it shows; replacing them loses nothing.
    static let systemFiles: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini"]

    var generator = "glmviz"
    var lesson: String
    var files: [String]

    init(lesson: String, files: [String]) {
        self.lesson = lesson
        self.files = files.sorted()
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and arrays of strings cannot fail.
        return (try? encoder.encode(self)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    /// The marker in `folder`, or nil when there is none or it is not glmviz's.
    static func read(in folder: URL) -> OutputMarker? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let marker = try? JSONDecoder().decode(OutputMarker.self, from: data),
              marker.generator == "glmviz" else { return nil }
        return marker
    }
}
