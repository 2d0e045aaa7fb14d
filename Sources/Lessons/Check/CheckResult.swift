import Foundation
import Plot

/// What `OutputChecker` found: every problem, any spec that could not be
/// rendered, and the fresh renders kept for the report folder.
public struct CheckResult: Sendable {
    /// Lessons rendered and compared, in the order checked.
    public var lessons: [String] = []
    /// Files present in both the committed outputs and the fresh render.
    public var filesCompared = 0
    /// Of those, files whose bytes are identical.
    public var filesIdentical = 0
    public var problems: [CheckProblem] = []
    /// Specs that failed to render; they keep the exit statuses of `glmviz lesson`.
    public var errors: [LessonError] = []
    /// Where the fresh renders are, one folder per lesson.
    public var freshRoot: URL
    /// Every number of `fits.json` that changed, lesson → "model 'm' key is
    /// old, the fresh fit gives new", for the review page.
    public var fitsChanges: [String: [String]] = [:]
    /// Pictures of changed pixels: lesson → file name → image.
    public var diffImages: [String: [String: RGBAImage]] = [:]

    public init(freshRoot: URL) { self.freshRoot = freshRoot }

    public var passed: Bool { problems.isEmpty && errors.isEmpty }

    /// 0 when everything matches, the worst spec error's status when a spec is
    /// broken (65, 66, 73 as for `glmviz lesson`), otherwise 1.
    public var exitStatus: Int32 {
        if let worst = errors.map(\.exitStatus).max() { return worst }
        return problems.isEmpty ? 0 : 1
    }

    /// Lessons with at least one problem, in check order.
    public var lessonsWithProblems: [String] {
        let named = Set(problems.map(\.lesson))
        return lessons.filter(named.contains)
    }
}
