import Foundation

/// `glmviz check --update LESSON/FIGURE`: accepts one figure's fresh render and
/// keeps everything else of the lesson as committed, so a reviewer who has
/// looked at one changed figure can accept that one alone.
///
/// The lesson is rendered whole into a scratch folder (a figure's files depend
/// on the spec as a whole), then the committed folder is rewritten, through the
/// same transaction as `glmviz lesson`, with that figure's files (its images
/// and the exports beside them) from the fresh render and every other file as
/// it was. `fits.json` and the manifest's spec fingerprint stay committed until
/// every file matches the fresh render, so `glmviz check` goes on reporting the
/// figures not yet accepted; once the last one is, the lesson's record is the
/// fresh one and the check passes.
public enum FigureUpdate {
    /// Whether `argument` names a figure (`lesson/figure`) rather than a lesson
    /// or a spec path: one `/`, no `.yaml`/`.yml`, and a lesson of that name.
    public static func split(_ argument: String, catalogue: LessonCatalogue) -> (lesson: String, figure: String)? {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              !argument.hasSuffix(".yaml"), !argument.hasSuffix(".yml"),
              catalogue.availableNames.contains(parts[0]) else { return nil }
        return (parts[0], parts[1])
    }

    /// Accepts `figure` of `lesson`; returns the files rewritten from the fresh render.
    public static func accept(lesson name: String, figure: String, catalogue: LessonCatalogue, outputRoot: URL,
                              scratch: URL) throws -> [String] {
        let source = try catalogue.source(for: name)
        let spec = try source.parse()
        guard spec.figures.contains(where: { $0.id == figure }) else {
            throw LessonError(.missingInput, file: source.file, message: "lesson '\(spec.name)' has no figure '\(figure)'",
                              suggestion: NearestWord.hint(for: figure, among: spec.figures.map(\.id)))
        }
        guard let committed = try ManifestStore(root: outputRoot).read().lessons[spec.name] else {
            throw LessonError(.missingInput, file: outputRoot.appendingPathComponent(spec.name).path,
                              message: "lesson '\(spec.name)' has no committed outputs to update one figure of",
                              suggestion: "render the whole lesson with 'glmviz check --update \(spec.name)'")
        }
        let rendered = try LessonRenderer(outputRoot: scratch, snippetsFor: outputRoot).render(source)
        guard let fresh = try ManifestStore(root: scratch).read().lessons[spec.name] else {
            throw LessonError(.cannotCreateOutput, file: scratch.path, message: "the fresh render wrote no manifest entry")
        }
        let committedFolder = outputRoot.appendingPathComponent(spec.name, isDirectory: true)
        let present = OutputChecker.visibleEntries(of: committedFolder) ?? []
        func isFigures(_ file: String) -> Bool {
            (fresh.figure(forFile: file) ?? committed.figure(forFile: file)) == figure
        }
        let taken = rendered.files.filter(isFigures)
        let kept = present.filter { !isFigures($0) }.sorted()
        var record = committed
        record.figures[figure] = fresh.figures[figure]
        var files: [(String, Data)] = []
        var matchesFresh = Set(kept + taken) == Set(rendered.files)
        for file in kept {
            let data = try contents(committedFolder.appendingPathComponent(file))
            if matchesFresh, data != (try? Data(contentsOf: rendered.directory.appendingPathComponent(file))) {
                matchesFresh = false
            }
            files.append((file, data))
        }
        for file in taken { files.append((file, try contents(rendered.directory.appendingPathComponent(file)))) }
        if matchesFresh { record = fresh }

        let directory = try OutputDirectory(root: outputRoot, name: spec.name)
        do {
            for (file, data) in files { try directory.write(data, to: file) }
            try directory.commit(files: files.map(\.0), record: record)
        } catch {
            directory.discard()
            throw error
        }
        return taken
    }

    private static func contents(_ url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw LessonError(.cannotCreateOutput, file: url.path, message: "cannot read it: \(SystemErrorText.words(for: error, path: url.path))")
        }
    }
}
