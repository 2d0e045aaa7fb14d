import Foundation
import GLM

extension LessonRecord {
    /// The record for a lesson just rendered: hashes of the files in `directory`
    /// (the staged folder, before it is swapped into place) and the fitted
    /// numbers behind each figure.
    init(lesson: PreparedLesson, specText: String, formats: [OutputFormat], directory: URL) throws {
        func hash(_ name: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            guard let bytes = FileManager.default.contents(atPath: url.path) else {
                throw LessonError(.cannotCreateOutput, file: url.path, message: "cannot read back a file just written")
            }
            return ContentHash.sha256(bytes)
        }
        var figures: [String: FigureRecord] = [:]
        for figure in lesson.spec.figures {
            let model = lesson.model(for: figure)
            var files: [String: String] = [:]
            // Only kinds that animate write a GIF.
            for format in formats where format != .gif || figure.kind.animates {
                let name = "\(figure.id).\(format.rawValue)"
                files[name] = try hash(name)
            }
            figures[figure.id] = FigureRecord(kind: figure.kind.rawValue, model: model.spec.name, files: files,
                                              statistics: ModelStatistics(model.fit))
        }
        self.init(specSHA256: SpecFingerprint.sha256(of: lesson.spec, text: specText),
                  glmvizVersion: GLMModule.version, formats: formats.map(\.rawValue),
                  fitsSHA256: try hash("fits.json"), figures: figures)
    }
}

extension ModelStatistics {
    init(_ fit: Fit) {
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        coefficients = fit.coefficients.map {
            Term(term: $0.term, estimate: $0.estimable ? finite($0.estimate) : nil,
                 stdError: $0.estimable ? finite($0.standardError) : nil)
        }
        sigma = finite(fit.sigma)
        rSquared = finite(fit.rSquared)
        dfResidual = fit.dfResidual
        dfModel = fit.dfModel
        n = fit.n
    }
}
