/// One run (session) of an fMRI experiment: its events, its scan timing and any
/// nuisance regressors measured at its scans (e.g. the six motion parameters).
public struct FMRIRun: Sendable {
    public var events: EventTable
    public var timing: ScanTiming
    public var confounds: [(name: String, values: [Double])]

    public init(events: EventTable, timing: ScanTiming, confounds: [(name: String, values: [Double])] = []) {
        self.events = events
        self.timing = timing
        self.confounds = confounds
    }
}

/// How event amplitudes enter the design.
public enum AmplitudeModel: Sendable, Equatable {
    /// Each event's height is its amplitude (nilearn's `modulation`; FSL's weight).
    case height
    /// SPM's parametric modulation: the condition's column uses height 1, and a
    /// second column `<condition>_modulation` has the amplitudes centred on their mean.
    case parametric
}

/// The choices behind an fMRI design, SPM's defaults unless changed.
public struct FMRIDesignOptions: Sendable, Equatable {
    public var basis: HRFBasis = .canonical()
    public var drift: DriftModel = .cosine()
    public var amplitudes: AmplitudeModel = .height
    /// The conditions to model and their column order; nil takes every condition
    /// in the order the events give them.
    public var conditions: [String]? = nil

    public init(
        basis: HRFBasis = .canonical(), drift: DriftModel = .cosine(), amplitudes: AmplitudeModel = .height,
        conditions: [String]? = nil
    ) {
        self.basis = basis
        self.drift = drift
        self.amplitudes = amplitudes
        self.conditions = conditions
    }
}

/// What a design column models, for labels, colours and contrasts.
public enum FMRIColumnRole: Sendable, Equatable {
    /// Basis function `basisIndex` (0 = the HRF itself) of a condition.
    case condition(String, basisIndex: Int)
    /// SPM's parametric modulator of a condition.
    case modulation(String)
    /// Drift column k (1-based).
    case drift(Int)
    case confound(String)
    case constant
}

/// One named column of an fMRI design.
public struct FMRIDesignColumn: Sendable, Equatable {
    public let name: String
    public let role: FMRIColumnRole
    /// The 0-based run the column belongs to.
    public let run: Int
}

/// A first-level fMRI design matrix: per run, each condition's events convolved
/// with the HRF basis and read at the scans, then confounds, drift and a constant,
/// with runs stacked block-diagonally as SPM stacks sessions.
///
/// Columns are named for people and contrasts: `face`, `face_derivative`,
/// `face_dispersion`, `face_fir_1`, `face_modulation`, the confound's own name,
/// `drift_1` …, `constant`. With several runs every name gets a `run<k>_` prefix
/// (`run2_face`), and a contrast naming the bare condition averages over runs.
public struct FMRIDesign: Sendable {
    /// n × p, rows are the scans of run 1, then run 2, ….
    public let x: Matrix
    public let columns: [FMRIDesignColumn]
    public var columnNames: [String] { columns.map(\.name) }
    /// The modelled conditions, in column order.
    public let conditions: [String]
    /// The design rows of each run.
    public let runRows: [Range<Int>]
    public let runs: [FMRIRun]
    public let options: FMRIDesignOptions

    /// Builds the design; throws a `Diagnostic` when a confound has the wrong length,
    /// a named condition has no events, or a run has no scans left for its columns.
    public init(runs: [FMRIRun], options: FMRIDesignOptions = .init()) throws {
        guard !runs.isEmpty else { throw Diagnostic(.usage, "no runs given; a design needs at least one run of scans") }
        try FMRIDesign.check(runs: runs, options: options)
        var all = EventTable()
        for run in runs { all.append(contentsOf: run.events) }
        let conditions = options.conditions ?? all.conditions
        for name in conditions where all.events(of: name).isEmpty {
            throw Diagnostic(
                .badData, "condition \"\(name)\" has no events",
                suggestion: DiagnosticSuggestion.hint(for: name, in: all.conditions, kind: "condition"))
        }
        let multi = runs.count > 1
        let totalRows = runs.reduce(0) { $0 + $1.timing.scanCount }
        var columnValues: [[Double]] = []
        var columns: [FMRIDesignColumn] = []
        var runRows: [Range<Int>] = []
        var start = 0
        for (r, run) in runs.enumerated() {
            let n = run.timing.scanCount
            let rows = start..<(start + n)
            runRows.append(rows)
            func add(_ name: String, _ role: FMRIColumnRole, _ values: [Double]) {
                var full = [Double](repeating: 0, count: totalRows)
                for (i, v) in values.enumerated() { full[start + i] = v }
                columnValues.append(full)
                columns.append(FMRIDesignColumn(name: multi ? "run\(r + 1)_\(name)" : name, role: role, run: r))
            }
            let basis = options.basis.functions(
                microtimeStep: run.timing.microtimeStep, microtimeResolution: run.timing.microtimeResolution)
            for condition in conditions {
                let events = run.events.events(of: condition)
                if events.isEmpty { continue }
                let heights: [Double]? = options.amplitudes == .parametric ? events.map { _ in 1 } : nil
                let regressors = FMRIRegressor.regressors(events, basis: basis, timing: run.timing, heights: heights)
                for (k, values) in regressors.enumerated() {
                    add(condition + options.basis.columnSuffixes[k], .condition(condition, basisIndex: k), values)
                }
                if options.amplitudes == .parametric {
                    let centred = FMRIRegressor.centredAmplitudes(events)
                    if centred.contains(where: { $0 != 0 }) {
                        let values = FMRIRegressor.regressors(
                            events, basis: Array(basis.prefix(1)), timing: run.timing, heights: centred)[0]
                        add(condition + "_modulation", .modulation(condition), values)
                    }
                }
            }
            for confound in run.confounds {
                guard confound.values.count == n else {
                    throw Diagnostic(
                        .badData,
                        "confound \"\(confound.name)\" has \(confound.values.count) values but run \(r + 1) has \(n) scans",
                        suggestion: "give one value per scan of the run")
                }
                if let bad = confound.values.firstIndex(where: { !$0.isFinite }) {
                    throw Diagnostic(
                        .badData, "confound \"\(confound.name)\" is not a finite number at scan \(bad + 1) of run \(r + 1)",
                        suggestion: "replace missing motion values, e.g. by the previous scan's")
                }
                add(confound.name, .confound(confound.name), confound.values)
            }
            for (k, values) in options.drift.columns(timing: run.timing).enumerated() {
                add("drift_\(k + 1)", .drift(k + 1), values)
            }
            add("constant", .constant, [Double](repeating: 1, count: n))
            start += n
        }
        var seen = Set<String>()
        for column in columns where !seen.insert(column.name).inserted {
            throw Diagnostic(
                .badData, "two design columns are both named \"\(column.name)\"",
                suggestion: "rename the confound or condition so that every column name is unique")
        }
        self.x = Matrix(columns: columnValues)
        self.columns = columns
        self.conditions = conditions
        self.runRows = runRows
        self.runs = runs
        self.options = options
    }

    /// The indices of the columns modelling `condition` with basis function
    /// `basisIndex` (one per run that has the condition).
    public func columnIndices(condition: String, basisIndex: Int = 0) -> [Int] {
        columns.indices.filter { columns[$0].role == .condition(condition, basisIndex: basisIndex) }
    }

    /// Ordinary least squares of `y` (one value per scan, runs in order) on this design.
    public func fit(_ y: [Double]) throws -> Fit {
        guard y.count == x.rows else {
            throw Diagnostic(
                .badData, "the time series has \(y.count) values but the design has \(x.rows) scans",
                suggestion: "give one value per scan, runs one after another")
        }
        return try Fit(x: x, y: y, columnNames: columnNames, hasIntercept: true)
    }
}

extension FMRIDesign {
    /// This design as a formula-world `Design` with response `y` (see
    /// `Design.init(columns:response:responseName:)`), for the tools written for those.
    public func design(response y: [Double], responseName: String = "bold") throws -> Design {
        try Design(
            columns: columns.indices.map { (name: columns[$0].name, values: x.column($0)) }, response: y,
            responseName: responseName)
    }
}
