/// One way the committed outputs disagree with what their specs produce now.
public struct CheckProblem: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// The committed file differs from the fresh render beyond the tolerances.
        case differs
        /// The fresh render has a file the committed outputs lack.
        case missing
        /// A committed file or folder no lesson produces any more.
        case orphaned
        /// The spec or its data changed since the outputs were rendered.
        case stale
        /// `manifest.json` disagrees with the files beside it, or lacks an entry.
        case manifest
        /// A committed file cannot be read as what its extension says.
        case unreadable
        /// A figure's text overlaps text, a data mark or an axis line, or leaves
        /// the canvas (see `FigureLayout.violations()`).
        case layout
    }

    public var kind: Kind
    public var lesson: String
    /// Figures the file shows; for `fits.json`, every figure of the model that differs.
    public var figures: [String]
    /// Path relative to the output root, e.g. `simple-regression/simple-reg.png`.
    public var file: String
    public var message: String

    public init(_ kind: Kind, lesson: String, figures: [String] = [], file: String, message: String) {
        self.kind = kind
        self.lesson = lesson
        self.figures = figures
        self.file = file
        self.message = message
    }

    /// `output/LESSON/FILE (figure ID): what differs`, one line for a CI log.
    public func line(outputRoot: String) -> String {
        let prefix = outputRoot.isEmpty ? file : "\(outputRoot)/\(file)"
        let figureText: String
        switch figures.count {
        case 0: figureText = ""
        case 1: figureText = " (figure \(figures[0]))"
        default: figureText = " (figures \(figures.joined(separator: ", ")))"
        }
        return "\(kind.rawValue): \(prefix)\(figureText): \(message)"
    }
}
