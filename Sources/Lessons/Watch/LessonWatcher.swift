import Foundation

/// Re-renders a lesson whenever its spec or data changes, for an author
/// editing a figure with the output open beside the editor.
///
/// Polling modification times every half second is portable and cheap for the
/// handful of files a lesson has; a change is acted on once the files have
/// stopped changing for one more poll (an editor's save can take several
/// writes), so one save gives one render.
public struct LessonWatcher {
    /// Finds the lesson's source again on every change (its files may move in and out of existence).
    public var source: () throws -> LessonSource
    /// Renders the lesson; its result is reported, a failure never stops the watch.
    public var render: () -> Result<RenderedLesson, LessonError>
    public var interval: TimeInterval = 0.5

    public init(source: @escaping () throws -> LessonSource,
                render: @escaping () -> Result<RenderedLesson, LessonError>) {
        self.source = source
        self.render = render
    }

    /// What happened after one render, for the caller to print.
    public enum Event {
        case rendered(RenderedLesson, changed: [String])
        case failed(LessonError, changed: [String])
    }

    /// The files to watch, refusing a bundled lesson (there is nothing on disk to edit).
    public func watchedFiles() throws -> WatchedFiles {
        let current = try source()
        guard !current.isBundled else {
            throw LessonError(.missingInput, file: current.file,
                              message: "'\(current.name)' is a bundled lesson, so there is no file to watch",
                              suggestion: "copy it to lessons/\(current.name).yaml (glmviz uses that copy first) and watch that")
        }
        return WatchedFiles(current)
    }

    /// Renders once, then polls until `shouldStop` returns true (checked every
    /// `interval`), calling `report` after every render.
    public func run(report: (Event) -> Void, shouldStop: () -> Bool = { false }) throws {
        var files = try watchedFiles()
        var stamps = files.snapshot()
        report(event(changed: []))
        var pending: [String]? = nil
        while !shouldStop() {
            Thread.sleep(forTimeInterval: interval)
            let now = files.snapshot()
            if now != stamps {
                let changed = files.paths.filter { now[$0] != stamps[$0] }
                pending = Array(Set((pending ?? []) + changed)).sorted()
                stamps = now
                continue
            }
            guard let changed = pending else { continue }
            pending = nil
            report(event(changed: changed))
            // The spec may now name other data files.
            if let updated = try? watchedFiles(), updated != files {
                files = updated
                stamps = files.snapshot()
            }
        }
    }

    private func event(changed: [String]) -> Event {
        switch render() {
        case .success(let rendered): return .rendered(rendered, changed: changed)
        case .failure(let error): return .failed(error, changed: changed)
        }
    }
}
