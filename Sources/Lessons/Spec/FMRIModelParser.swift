import Support

/// Reads a model written as an fMRI design (`fmri:` in place of `formula:`)
/// and checks that the lesson gives it what it is built from: a time series
/// as its data and an `events:` block.
enum FMRIModelParser {
    static func parse(_ model: SpecMapping, fmri node: SpecNode, name: String, keyNode: SpecNode,
                      lines: [[Unicode.Scalar]]) throws -> ModelSpec {
        try model.allowOnly(["fmri", "data"])
        var spec = FMRIModelSpec(location: node.location)
        if case .mapping = node.node {
            let map = try node.mapping("'fmri' (hrf, drift, confounds, noise, scale)")
            try map.allowOnly(["hrf", "drift", "confounds", "noise", "scale"])
            if let scale = map["scale"] {
                let word = try scale.string("'scale'")
                guard let chosen = FMRIModelSpec.Scaling(rawValue: word) else {
                    throw scale.fail("'scale' is 'none' (the series as it is) or 'percent' (percent signal change about its mean), found '\(word)'",
                                     suggestion: NearestWord.hint(for: word, among: FMRIModelSpec.Scaling.allCases.map(\.rawValue)))
                }
                spec.scaling = chosen
            }
            if let hrf = map["hrf"] {
                let word = try hrf.string("'hrf'")
                guard let basis = FMRIModelSpec.Basis(rawValue: word) else {
                    throw hrf.fail("'hrf' is one of " + FMRIModelSpec.Basis.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                                   + ", found '\(word)'",
                                   suggestion: NearestWord.hint(for: word, among: FMRIModelSpec.Basis.allCases.map(\.rawValue)))
                }
                spec.basis = basis
            }
            if let drift = map["drift"] {
                if case .scalar(let s) = drift.node, s.string == "none" {
                    spec.driftCutoff = nil
                } else {
                    let cutoff = try drift.double("'drift' (the high-pass cut-off in seconds, or none)")
                    guard FMRIModelSpec.cutoffRange.contains(cutoff) else {
                        throw drift.fail("'drift' is the high-pass cut-off in seconds, from "
                                         + String(posixFormat: "%g", FMRIModelSpec.cutoffRange.lowerBound) + " to "
                                         + String(posixFormat: "%g", FMRIModelSpec.cutoffRange.upperBound) + ", found "
                                         + String(posixFormat: "%g", cutoff),
                                         suggestion: "SPM's default is 128; write 'none' for no drift columns")
                    }
                    spec.driftCutoff = cutoff
                }
            }
            if let confounds = map["confounds"] { spec.confounds = try confounds.strings("'confounds' (columns of the series' table)") }
            if let noise = map["noise"] {
                let word = try noise.string("'noise'")
                guard let chosen = FMRIModelSpec.Noise(rawValue: word) else {
                    throw noise.fail("'noise' is 'ols' (independent errors) or 'ar1' (AR(1), prewhitened), found '\(word)'",
                                     suggestion: NearestWord.hint(for: word, among: FMRIModelSpec.Noise.allCases.map(\.rawValue)))
                }
                spec.noise = chosen
            }
        } else {
            // `fmri: {}` written as `fmri: spm` or `fmri: default` takes every default.
            let word = try node.string("'fmri' (a mapping of hrf, drift, confounds, noise)")
            guard word == "default" else {
                throw node.fail("expected 'fmri' to be a mapping (hrf, drift, confounds, noise) or 'default', found '\(word)'")
            }
        }
        return ModelSpec(name: name, formula: "fMRI design", formulaSource: FormulaSource(node: node.node, lines: lines, file: node.file),
                         referenceLevels: [:], levelOrder: [:], data: try model["data"].map(LessonSpecParser.parseData),
                         location: keyNode.location, fmri: spec)
    }

    /// Every fMRI model has a time series for data and the lesson has events.
    static func check(models: [ModelSpec], lessonData: DataSpec?, events: EventsSpec?, eventsNode: SpecNode?) throws {
        for model in models {
            guard let fmri = model.fmri else { continue }
            let data = model.data ?? lessonData
            guard data?.timeseries != nil || data?.volumes != nil else {
                throw LessonError(.badSpec, at: model.location,
                                  message: "model '\(model.name)' is an fMRI design, so its data must be a time series or volumes",
                                  suggestion: "write data: {timeseries: {csv: bold.csv, column: bold, tr: 2}}")
            }
            guard events != nil else {
                throw LessonError(.badSpec, at: fmri.location,
                                  message: "model '\(model.name)' is an fMRI design but the lesson has no 'events'",
                                  suggestion: "add an 'events:' block (a list of events, fsl files, a bids file or codes)")
            }
        }
    }
}
