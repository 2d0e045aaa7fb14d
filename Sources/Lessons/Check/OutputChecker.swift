import Dispatch
import Foundation

/// Re-renders lessons into a scratch folder and compares the result with the
/// committed outputs: every figure, `fits.json`, the manifest's record of both,
/// and files that should or should not be there.
public struct OutputChecker: Sendable {
    /// The committed outputs (`output/`).
    public var outputRoot: URL
    public var options: CheckOptions

    public init(outputRoot: URL, options: CheckOptions = CheckOptions()) {
        self.outputRoot = outputRoot
        self.options = options
    }

    /// Checks the named lessons, or every lesson in `catalogue` when `names` is
    /// nil; only a full check reports orphaned lesson folders and manifest
    /// entries, since a partial one cannot know which lessons exist.
    /// Fresh renders go to `scratch`, which must be an empty or missing folder.
    public func check(names: [String]?, catalogue: LessonCatalogue, scratch: URL) -> CheckResult {
        var result = CheckResult(freshRoot: scratch)
        // A render killed part-way is finished or undone first, so the check
        // sees the outputs of one whole render, never half of one.
        if OutputRecovery.exists(outputRoot) {
            try? OutputRootLock.withExclusiveLock(on: outputRoot) { OutputRecovery.repair(root: outputRoot) }
        }
        let store = ManifestStore(root: outputRoot)
        var committed: OutputManifest?
        if FileManager.default.fileExists(atPath: store.url.path) {
            do { committed = try store.read() } catch {
                result.problems.append(CheckProblem(.manifest, lesson: "", file: OutputManifest.fileName,
                                                    message: SystemErrorText.words(for: error, path: store.url.path)))
            }
        } else {
            result.problems.append(CheckProblem(.manifest, lesson: "", file: OutputManifest.fileName,
                                                message: "is missing; render with 'glmviz lesson --all' and commit it"))
        }

        let requested = names ?? catalogue.names
        let renders = render(requested, catalogue: catalogue, committed: committed, scratch: scratch)
        let fresh = (try? ManifestStore(root: scratch).read()) ?? OutputManifest()
        for render in renders {
            switch render {
            case .failure(let error):
                result.errors.append(error)
            case .success(let (rendered, source)):
                result.lessons.append(rendered.name)
                compareLesson(rendered, source: source, committed: committed, fresh: fresh, into: &result)
            }
        }
        if names == nil {
            findOrphanedLessons(known: Set(requested).union(result.lessons), committed: committed, into: &result)
        }
        return result
    }

    /// Renders each lesson in the formats its spec asks for, in parallel. The
    /// spec, not the manifest, is the truth: outputs rendered with
    /// `--format svg` lack the PNG the course shows, and must fail.
    private func render(_ names: [String], catalogue: LessonCatalogue, committed: OutputManifest?,
                        scratch: URL) -> [Result<(RenderedLesson, LessonSource), LessonError>] {
        let slots = ResultSlots<(RenderedLesson, LessonSource)>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            do {
                let source = try catalogue.source(for: names[index])
                let renderer = LessonRenderer(outputRoot: scratch, snippetsFor: outputRoot)
                slots.set(index, .success((try renderer.render(source), source)))
            } catch let error as LessonError {
                slots.set(index, .failure(error))
            } catch {
                slots.set(index, .failure(LessonError(.badSpec, file: names[index], message: SystemErrorText.words(for: error))))
            }
        }
        return slots.values
    }

    private func compareLesson(_ rendered: RenderedLesson, source: LessonSource, committed: OutputManifest?,
                               fresh: OutputManifest, into result: inout CheckResult) {
        let lesson = rendered.name
        let freshRecord = fresh.lessons[lesson]
        let committedRecord = committed?.lessons[lesson]
        let committedDirectory = outputRoot.appendingPathComponent(lesson, isDirectory: true)
        // A figure that is not clean fails the check even when it is committed as is.
        for record in rendered.layouts {
            for line in record.violationLines {
                result.problems.append(CheckProblem(.layout, lesson: lesson, figures: [record.figure],
                                                    file: "\(lesson)/\(record.figure)", message: line))
            }
        }
        func problem(_ kind: CheckProblem.Kind, _ file: String, _ message: String, figures: [String]? = nil) {
            let shown = figures ?? [freshRecord?.figure(forFile: file) ?? committedRecord?.figure(forFile: file)]
                .compactMap { $0 }
            result.problems.append(CheckProblem(kind, lesson: lesson, figures: shown,
                                                file: file.isEmpty ? lesson : "\(lesson)/\(file)", message: message))
        }

        guard let present = Self.visibleEntries(of: committedDirectory) else {
            problem(.missing, "", "no committed outputs; render with 'glmviz lesson \(lesson)' and commit them")
            return
        }
        if committed != nil && committedRecord == nil {
            problem(.manifest, "", "manifest.json has no entry for this lesson; re-render it with 'glmviz lesson \(lesson)'")
        }
        if let committedRecord, let freshRecord, committedRecord.specSHA256 != freshRecord.specSHA256 {
            problem(.stale, "", "\(source.file) or its data changed since these outputs were rendered "
                    + "(manifest spec hash \(committedRecord.specSHA256.prefix(12)), now \(freshRecord.specSHA256.prefix(12))); "
                    + "re-render with 'glmviz lesson \(lesson)'")
        }

        let expected = Set(rendered.files)
        for file in rendered.files where !present.contains(file) {
            problem(.missing, file, "not committed, but the spec makes it; re-render with 'glmviz lesson \(lesson)'")
        }
        let formats = (try? source.parse().formats) ?? []
        for file in present.sorted() where !expected.contains(file) {
            let suffix = (file as NSString).pathExtension.lowercased()
            if let format = OutputFormat(rawValue: suffix), !formats.contains(format) {
                problem(.orphaned, file, "the spec's formats are \(formats.map(\.rawValue).joined(separator: ", ")), not \(suffix) "
                        + "(it was rendered with --format); delete it, or add \(suffix) to the spec's 'formats'")
            } else {
                problem(.orphaned, file, "no figure of the lesson makes this file any more; delete it")
            }
        }
        for file in rendered.files where present.contains(file) {
            let committedURL = committedDirectory.appendingPathComponent(file)
            guard let old = FileManager.default.contents(atPath: committedURL.path),
                  let new = FileManager.default.contents(atPath: rendered.directory.appendingPathComponent(file).path) else {
                problem(.unreadable, file, "cannot be read")
                continue
            }
            result.filesCompared += 1
            if file == "fits.json" {
                if old == new { result.filesIdentical += 1 }
                if !compareFits(old, new, record: freshRecord, problem: problem, changes: { result.fitsChanges[lesson] = $0 }) { continue }
            } else {
                let figure = freshRecord?.figure(forFile: file) ?? String(file.prefix { $0 != "." })
                switch compareFigure(old, new, file: file, figure: figure) {
                case .identical:
                    result.filesIdentical += 1
                case .equivalent:
                    break
                case .differs(let message, let images):
                    problem(.differs, file, message)
                    if !images.isEmpty { result.diffImages[lesson, default: [:]].merge(images) { $1 } }
                    continue
                case .unreadable(let message):
                    problem(.unreadable, file, message)
                    continue
                }
            }
            if let recorded = committedRecord?.fileHashes[file], recorded != ContentHash.sha256(old) {
                problem(.manifest, file, "its SHA-256 is not the one manifest.json records, so it was changed after "
                        + "rendering; re-render with 'glmviz lesson \(lesson)'")
            }
        }
    }

    private func compareFigure(_ old: Data, _ new: Data, file: String, figure: String) -> FileVerdict {
        switch (file as NSString).pathExtension.lowercased() {
        case "png": return ImageComparison.comparePNG(committed: old, fresh: new, figure: figure, options: options)
        case "gif": return ImageComparison.compareGIF(committed: old, fresh: new, figure: figure, options: options)
        case "svg": return old == new ? .identical : VectorComparison.compareSVG(committed: old, fresh: new)
        case "pdf": return old == new ? .identical : VectorComparison.comparePDF(committed: old, fresh: new)
        default: return old == new ? .identical : .differs(Self.firstDifferingLine(old, new))
        }
    }

    /// Where two text files part: "line 3 differs: committed “…”, fresh “…”",
    /// so a changed caption in a MyST snippet is seen without opening both.
    static func firstDifferingLine(_ old: Data, _ new: Data) -> String {
        guard let a = String(data: old, encoding: .utf8), let b = String(data: new, encoding: .utf8) else {
            return "differs from the fresh render"
        }
        let before = a.split(separator: "\n", omittingEmptySubsequences: false)
        let after = b.split(separator: "\n", omittingEmptySubsequences: false)
        // A long line is shown from a little before where the two part, so the
        // difference is in view: "…the fitted line ŷ = 62.37 …".
        func shown(_ line: Substring?, from start: Int) -> String {
            guard let line else { return "(no such line)" }
            let characters = Array(line)
            let first = max(0, min(start, characters.count) - 30)
            let last = min(characters.count, first + 90)
            return "“" + (first > 0 ? "…" : "") + String(characters[first..<last]) + (last < characters.count ? "…" : "") + "”"
        }
        for index in 0..<max(before.count, after.count) {
            let x = index < before.count ? before[index] : nil
            let y = index < after.count ? after[index] : nil
            guard x != y else { continue }
            let start = zip(Array(x ?? ""), Array(y ?? "")).prefix { $0 == $1 }.count
            return "line \(index + 1) differs: committed \(shown(x, from: start)), fresh \(shown(y, from: start))"
        }
        return "differs from the fresh render"
    }

    /// One problem per model that changed, naming its first differing key path
    /// and the figures drawn from it.
    /// Returns whether the numbers match.
    private func compareFits(_ old: Data, _ new: Data, record: LessonRecord?,
                             problem: (CheckProblem.Kind, String, String, [String]?) -> Void,
                             changes: ([String]) -> Void) -> Bool {
        guard old != new else { return true }
        let differences: [FitsComparison.Difference]
        do {
            differences = try FitsComparison.differences(committed: old, fresh: new,
                                                          relativeTolerance: options.relativeTolerance)
        } catch {
            problem(.unreadable, "fits.json", "is not valid JSON: \(ManifestStore.describe(error)); re-render it", nil)
            return false
        }
        changes(differences.map { "model '\($0.model)'" + ($0.path.isEmpty ? "" : " \($0.path)") + " \($0.detail)" })
        var byModel: [String: [FitsComparison.Difference]] = [:]
        for difference in differences { byModel[difference.model, default: []].append(difference) }
        for model in byModel.keys.sorted() {
            let list = byModel[model]!
            let figures = (record?.figures ?? [:]).filter { $0.value.model == model }.keys.sorted()
            let first = list[0]
            let place = first.path.isEmpty ? "model '\(model)'" : "model '\(model)' \(first.path)"
            let more = list.count > 1 ? " (and \(list.count - 1) more difference\(list.count > 2 ? "s" : ""))" : ""
            problem(.differs, "fits.json", "\(place) \(first.detail)\(more)", figures)
        }
        return differences.isEmpty
    }

    /// Lesson folders and top-level files no checked lesson accounts for, and
    /// manifest entries for lessons that no longer exist.
    private func findOrphanedLessons(known: Set<String>, committed: OutputManifest?, into result: inout CheckResult) {
        for entry in (Self.visibleEntries(of: outputRoot) ?? []).sorted()
        where entry != OutputManifest.fileName && entry != HTMLGallery.fileName && !known.contains(entry) {
            result.problems.append(CheckProblem(.orphaned, lesson: entry, file: entry,
                                                message: "no lesson makes this any more; delete it"))
        }
        for lesson in (committed.map { Array($0.lessons.keys) } ?? []).sorted() where !known.contains(lesson) {
            result.problems.append(CheckProblem(.manifest, lesson: lesson, file: OutputManifest.fileName,
                                                message: "has an entry for '\(lesson)', which is no longer a lesson; "
                                                    + "delete the entry or re-render with 'glmviz lesson --all'"))
        }
    }

    /// Names in `directory` other than hidden ones (staging folders, editor
    /// files), or nil when it is not a folder.
    static func visibleEntries(of directory: URL) -> Set<String>? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return nil }
        return Set(names.filter { !$0.hasPrefix(".") })
    }
}
