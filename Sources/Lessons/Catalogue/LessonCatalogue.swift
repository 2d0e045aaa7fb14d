import Foundation

/// Finds lessons by name or path. A `lessons/` folder in the working directory
/// takes precedence over the bundled lessons, so an author can override or
/// extend the course without rebuilding glmviz.
public struct LessonCatalogue: Sendable {
    /// The folder searched before the bundled lessons.
    public var localFolder: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        localFolder = URL(fileURLWithPath: workingDirectory).appendingPathComponent("lessons").path
    }

    /// Every lesson name available, local first then bundled, without repeats, sorted.
    public var names: [String] {
        Set(localNames + BundledResources.lessonNames).sorted()
    }

    var localNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: localFolder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    }

    /// Resolves `nameOrPath`: a path when it contains `/` or ends in `.yaml`/`.yml`,
    /// otherwise a lesson name looked up locally and then among the bundled ones.
    public func source(for nameOrPath: String) throws -> LessonSource {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return try Self.readFile(nameOrPath)
        }
        let local = URL(fileURLWithPath: localFolder).appendingPathComponent("\(nameOrPath).yaml").path
        if FileManager.default.fileExists(atPath: local) {
            return try Self.readFile(local, displayName: "lessons/\(nameOrPath).yaml")
        }
        if let text = BundledResources.lessonText(named: nameOrPath) {
            return LessonSource(name: nameOrPath, file: "\(nameOrPath).yaml (built in)", text: text,
                                baseDirectory: nil, isBundled: true)
        }
        let suggestion = NearestWord.suggestion(for: nameOrPath, among: names).map { "did you mean '\($0)'?" }
            ?? "run 'glmviz list' to see the lessons"
        throw LessonError(.missingInput, file: nameOrPath, message: "no lesson named '\(nameOrPath)'",
                          suggestion: suggestion)
    }

    static func readFile(_ path: String, displayName: String? = nil) throws -> LessonSource {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: url.path) else {
            throw LessonError(.missingInput, file: path, message: "lesson spec not found")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(.badSpec, file: displayName ?? path, line: 1, column: 1,
                              message: "the spec is not UTF-8 text", suggestion: "re-save it as UTF-8")
        }
        var name = url.lastPathComponent
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        return LessonSource(name: name, file: displayName ?? path, text: text,
                            baseDirectory: url.deletingLastPathComponent().path, isBundled: false)
    }
}
