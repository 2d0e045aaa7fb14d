import Foundation
import GLM

/// Finds lessons by name or path. Inside a course (see `Course`, found from
/// the working directory upwards) the course's `lessons/` folder takes
/// precedence over the bundled lessons, so an author can override or extend
/// the course without rebuilding glmviz; the bundled lessons stay available
/// by name.
public struct LessonCatalogue: Sendable {
    /// The course the working directory is in, if any.
    public let course: Course?
    /// The folder searched before the bundled lessons.
    public var localFolder: String
    /// Whether the lessons found may read data outside their course root
    /// (`--allow-outside-root`); see `CourseRoot`.
    public var allowsPathsOutsideCourseRoot = false

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        course = Course.find(from: workingDirectory)
        localFolder = (course?.lessonsFolder ?? URL(fileURLWithPath: workingDirectory).appendingPathComponent("lessons")).path
    }

    /// The lessons `--all`, `check` and the gallery take: a course's own
    /// lessons, or the bundled ones outside a course. A course that keeps its
    /// own lessons must not fail its check for bundled lessons it never rendered.
    public var names: [String] {
        course == nil ? BundledResources.lessonNames.sorted() : localNames.sorted()
    }

    /// Every lesson name that resolves here, local first then bundled, without
    /// repeats, sorted: what `glmviz list` shows and suggestions choose from.
    public var availableNames: [String] {
        Set(localNames + BundledResources.lessonNames).sorted()
    }

    var localNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: localFolder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    }

    /// Resolves `nameOrPath`: a path when it contains `/` or ends in `.yaml`/`.yml`,
    /// otherwise a lesson name looked up locally and then among the bundled ones.
    public func source(for nameOrPath: String) throws -> LessonSource {
        var source = try findSource(for: nameOrPath)
        source.allowsPathsOutsideCourseRoot = allowsPathsOutsideCourseRoot
        return source
    }

    private func findSource(for nameOrPath: String) throws -> LessonSource {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return try Self.readFile(nameOrPath)
        }
        let local = URL(fileURLWithPath: localFolder).appendingPathComponent("\(nameOrPath).yaml").path
        // Anything there (a link loop included) is the author's lesson and gets its own message.
        if FileKind.of(local) != .missing {
            return try Self.readFile(local, displayName: Self.shown(local))
        }
        if let text = BundledResources.lessonText(named: nameOrPath) {
            return LessonSource(name: nameOrPath, file: "\(nameOrPath).yaml (built in)", text: text,
                                baseDirectory: nil, isBundled: true)
        }
        // `glmviz lesson lessons` names the folder of specs, not a lesson.
        if FileKind.of(nameOrPath) == .folder { throw Self.folderError(nameOrPath) }
        let suggestion = NearestWord.suggestion(for: nameOrPath, among: availableNames).map { "did you mean '\($0)'?" }
            ?? "run 'glmviz list' to see the lessons"
        throw LessonError(.missingInput, file: nameOrPath, message: "no lesson named '\(nameOrPath)'",
                          suggestion: suggestion)
    }

    /// `path` as messages show it: relative to the working directory when it
    /// is inside it (`lessons/a.yaml` from the course's top folder, `a.yaml`
    /// from `lessons/`), else in full.
    public static func shown(_ path: String) -> String {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }

    /// A folder given where a spec was expected, with a spec from it to try.
    static func folderError(_ path: String) -> LessonError {
        let specs = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard let first = specs.first else {
            return LessonError(.badSpec, file: path, message: "is a folder, not a lesson spec",
                               suggestion: "give the path of a .yaml spec, or a lesson name from 'glmviz list'")
        }
        let shown = path.hasSuffix("/") ? path + first : (path as NSString).appendingPathComponent(first)
        return LessonError(.badSpec, file: path,
                           message: "is a folder of \(specs.count) lesson spec\(specs.count == 1 ? "" : "s"), not a lesson spec",
                           suggestion: "name one of them, such as '\(shown)'; for every lesson, run 'glmviz lesson --all' (or 'glmviz check' with no name)")
    }

    /// The longest lesson name: NAME_MAX (255) less room for the suffix of
    /// the output folder's staging and retired copies (`.NAME.staging-PID-RANDOM`).
    public static let maximumNameBytes = 200

    static func readFile(_ path: String, displayName: String? = nil) throws -> LessonSource {
        let url = URL(fileURLWithPath: path)
        let shown = displayName ?? path
        switch FileKind.of(path) {
        case .regularFile:
            break
        case .missing:
            throw LessonError(.missingInput, file: path, message: "lesson spec not found")
        case .folder:
            throw folderError(path)
        case .namedPipe, .socket, .device, .kernelFile:
            throw LessonError(.badSpec, file: path, message: "is \(FileKind.of(path).phrase)",
                              suggestion: "give the path of a lesson spec (.yaml)")
        case .symbolicLinkLoop:
            throw LessonError(.missingInput, file: path, message: "is \(FileKind.symbolicLinkLoop.phrase)",
                              suggestion: "point the link at the spec itself (see 'ls -l \(path)')")
        case .tooLong(let problem):
            throw LessonError(.missingInput, file: path, message: "cannot open the lesson spec: \(problem)",
                              suggestion: "use a shorter path")
        case .inaccessible(let code):
            throw LessonError(.missingInput, file: path,
                              message: "cannot open the lesson spec: \(SystemErrorText.words(errno: code))")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LessonError(.missingInput, file: path,
                              message: "cannot read the lesson spec: \(SystemErrorText.words(for: error, path: path))")
        }
        if let utf16 = UTF16Signature.detect(in: data) {
            throw LessonError(.badSpec, file: shown, line: 1, column: 1,
                              message: "the spec is \(utf16.name) text, not UTF-8",
                              suggestion: "re-save it as UTF-8 (e.g. `iconv -f \(utf16.iconvName) -t UTF-8 in.yaml > out.yaml`)")
        }
        guard !data.contains(0) else {
            throw LessonError(.badSpec, file: shown, line: 1, column: 1,
                              message: "the spec is binary, not YAML text")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(.badSpec, file: shown, line: 1, column: 1,
                              message: "the spec is not UTF-8 text", suggestion: "re-save it as UTF-8")
        }
        var name = url.lastPathComponent
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        guard !name.isEmpty, name != ".", name != ".." else {
            throw LessonError(.badSpec, file: displayName ?? path,
                              message: "the file name leaves no usable lesson name (the name becomes the output folder)",
                              suggestion: "rename the spec to something like 'my-lesson.yaml'")
        }
        guard name.utf8.count <= maximumNameBytes else {
            throw LessonError(.badSpec, file: displayName ?? path,
                              message: "the lesson name (the file name without .yaml) is \(name.utf8.count) bytes long; glmviz allows at most \(maximumNameBytes), since it becomes the output folder and the folder's staging copy must stay within the file system's \(PathLimits.maximumNameBytes)-byte limit on names",
                              suggestion: "rename the spec to something shorter")
        }
        return LessonSource(name: name, file: displayName ?? path, text: text,
                            baseDirectory: url.deletingLastPathComponent().path, isBundled: false)
    }
}
