import Foundation
import GLM

/// A lesson with its data loaded and every model fitted: the checked state
/// from which figures and `fits.json` are made.
public struct PreparedLesson: Sendable {
    public let spec: LessonSpec
    /// Fitted models in the spec's order.
    public let models: [FittedModel]

    public init(_ spec: LessonSpec) throws {
        self.spec = spec
        models = try spec.models.map { model in
            if model.fmri != nil, spec.dataSpec(for: model).volumes != nil { return try VolumeAnalysisBuilder.fittedModel(model, in: spec) }
            if model.fmri != nil { return try FMRIAnalysisBuilder.fittedModel(model, in: spec) }
            return try FittedModel(spec: model, frame: DataResolver.frame(for: model, in: spec), labels: spec.labels,
                                   notation: spec.notation)
        }
        try spec.checkLabels(against: models)
    }

    func model(for figure: FigureSpec) -> FittedModel {
        models.first { $0.spec.name == figure.model } ?? models[0]
    }

    /// `fits.json`: an object keyed by model name, each value shaped like the
    /// output of `glmviz fit --json`. Keys sorted so the file is byte-stable.
    public func fitsJSON() throws -> Data {
        let reports = Dictionary(uniqueKeysWithValues: models.map { model in
            (model.spec.name, ModelFitReport(report: FitReport(model.fit),
                                             fmri: model.fmri.map { FMRIFitReport($0, noise: model.spec.fmri?.noise ?? .ols) },
                                             volume: model.volume.map { volume in
                                                 VolumeFitReport(volume, figures: spec.figures.filter { self.model(for: $0).spec.name == model.spec.name })
                                             }))
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(reports) + Data("\n".utf8)
        } catch {
            throw LessonError(.badData, file: spec.file, message: "the fitted numbers cannot be written as JSON: \(SystemErrorText.words(for: error))")
        }
    }
}
