import GLM

/// Builds the `FMRIAnalysis` of a model written as an fMRI design, and the
/// fitted model around it: the series and its events from the spec, the
/// design from the GLM target (`FMRIDesign`: SPM's microtime convolution,
/// cosine drift, confounds, constant), the OLS fit, and with `noise: ar1`
/// the fit after AR(1) prewhitening (`AR1Prewhitening`, nilearn's model).
enum FMRIAnalysisBuilder {
    /// The design's columns as series, and what each stands for in the
    /// figures: further basis functions and modulators draw as derivatives.
    static func columnsAndRoles(_ design: FMRIDesign) -> (columns: [[Double]], roles: [FMRIAnalysis.Role]) {
        let columns = (0..<design.x.columns).map { j in (0..<design.x.rows).map { design.x[$0, j] } }
        let roles: [FMRIAnalysis.Role] = design.columns.map { column in
            switch column.role {
            case .condition(let c, let k): return k == 0 ? .condition(c) : .derivative(c)
            case .modulation(let c): return .derivative(c)
            case .drift: return .drift
            case .confound: return .confound
            case .constant: return .constant
            }
        }
        return (columns, roles)
    }

    /// Spacing of the HRF curves the `hrf` figure draws.
    static let curveStep = 0.05

    static func fittedModel(_ model: ModelSpec, in lesson: LessonSpec) throws -> FittedModel {
        guard let fmri = model.fmri, let series = lesson.dataSpec(for: model).timeseries, let eventsSpec = lesson.events else {
            throw LessonError(.badSpec, at: model.location, message: "model '\(model.name)' is not an fMRI design with a time series and events")
        }
        let frame = try DataResolver.frame(for: model, in: lesson)
        let raw = frame[series.column]!.numericValues!
        var signal = raw
        if fmri.scaling == .percent {
            do {
                signal = try PercentSignal.scaled(raw)
            } catch let diagnostic as Diagnostic {
                throw LessonError(.badData, at: series.columnLocation,
                                  message: "model '\(model.name)' cannot scale '\(series.column)' to percent signal change: \(diagnostic.message)",
                                  suggestion: "scale: none fits the series as it is")
            }
        }
        let events = try EventsResolver.events(eventsSpec, frame: frame, series: series, lesson: lesson)
        do {
            let (analysis, whitened) = try analyse(signal: signal, name: series.column, tr: series.tr, events: events,
                                                   frame: frame, fmri: fmri, model: model)
            return try FittedModel(fmriSpec: model, analysis: analysis, whitened: whitened, labels: lesson.labels, notation: lesson.notation)
        } catch let diagnostic as Diagnostic {
            throw LessonError(diagnostic, model: model)
        } catch let error as FitError {
            throw LessonError(.badData, at: model.location, message: "model '\(model.name)' cannot be fitted: \(error)")
        }
    }

    static func basis(_ choice: FMRIModelSpec.Basis) -> HRFBasis {
        switch choice {
        case .canonical: return .canonical()
        case .canonicalTemporal: return .canonicalWithTemporalDerivative()
        case .canonicalTemporalDispersion: return .canonicalWithDerivatives()
        }
    }

    static func analyse(signal: [Double], name: String, tr: Double, events: [FMRIAnalysis.Event], frame: Frame,
                        fmri: FMRIModelSpec, model: ModelSpec) throws -> (FMRIAnalysis, (signal: [Double], columns: [[Double]])?) {
        let timing = try ScanTiming(tr: tr, scans: signal.count)
        let table = EventTable(events.map { FMRIEvent(condition: $0.condition, onset: $0.onset, duration: $0.duration, amplitude: $0.amplitude) })
        var confounds: [(name: String, values: [Double])] = []
        for column in fmri.confounds {
            guard let values = frame[column]?.numericValues else {
                throw LessonError(.badSpec, at: fmri.location,
                                  message: "model '\(model.name)': confound '\(column)' is not a numeric column of the series' table",
                                  suggestion: NearestWord.suggestion(for: column, among: frame.names).map { "did you mean '\($0)'?" }
                                      ?? "its columns are \(frame.names.joined(separator: ", "))")
            }
            confounds.append((column, values))
        }
        let options = FMRIDesignOptions(basis: basis(fmri.basis),
                                        drift: fmri.driftCutoff.map { .cosine(cutoff: $0) } ?? DriftModel.none)
        let design = try FMRIDesign(runs: [FMRIRun(events: table, timing: timing, confounds: confounds)], options: options)
        guard design.x.columns < signal.count else {
            throw LessonError(.badData, at: model.location,
                              message: "model '\(model.name)' has \(design.x.columns) design columns for \(signal.count) scans; a fit needs more scans than columns",
                              suggestion: "use a longer series, fewer confounds, or a longer drift cut-off")
        }
        let (columns, roles) = FMRIAnalysisBuilder.columnsAndRoles(design)
        // AR(1) as nilearn's `ar1` model fits it (the GLM target's
        // `AR1Prewhitening`: ρ̂ truncated to 0.01, the first scan kept).
        let ols: Fit
        var rho = 0.0, used = 0.0
        var whitened: (signal: [Double], columns: [[Double]])?
        var prewhitened: FMRIAnalysis.Estimates?
        if fmri.noise == .ar1 {
            let result = try design.fitAR1(signal)
            ols = result.ordinary
            rho = result.estimatedCoefficient
            used = result.coefficient
            let wx = result.whitenedDesign
            whitened = (result.whitenedResponse, (0..<wx.columns).map { j in (0..<wx.rows).map { wx[$0, j] } })
            prewhitened = estimates(result.whitened)
        } else {
            ols = try design.fit(signal)
            rho = AR1Prewhitening.yuleWalkerLag1(ols.residuals)
        }
        // The HRF figure's curves, and each condition's canonical regressor
        // before sampling, from time 0 (the design's grid starts 32 bins earlier).
        let curves = basis(.canonicalTemporalDispersion).functions(microtimeStep: curveStep, microtimeResolution: timing.microtimeResolution)
        let kernel = design.options.basis.functions(microtimeStep: timing.microtimeStep, microtimeResolution: timing.microtimeResolution)[0]
        let micro = design.conditions.map { condition in
            Array(FMRIRegressor.convolve(FMRIRegressor.stimulus(table.events(of: condition), timing: timing), with: kernel)
                .dropFirst(FMRIRegressor.microtimeOffset))
        }
        let analysis = FMRIAnalysis(
            seriesName: name, signal: signal, tr: tr, times: timing.frameTimes, events: events, conditions: design.conditions,
            columnNames: design.columnNames, columns: columns, roles: roles, basisStep: curveStep, basisCurves: curves,
            microtimeStep: timing.microtimeStep, microtimeRegressors: micro, ols: estimates(ols), prewhitened: prewhitened,
            ar1: rho, ar1Used: used, scaling: fmri.scaling, contrasts: [])
        return (analysis, whitened)
    }

    static func estimates(_ fit: Fit) -> FMRIAnalysis.Estimates {
        FMRIAnalysis.Estimates(beta: fit.coefficients.map(\.estimate), standardErrors: fit.coefficients.map { $0.standardError ?? .nan },
                               t: fit.coefficients.map { $0.t ?? .nan }, residualDF: fit.dfResidual, residuals: fit.residuals)
    }
}
