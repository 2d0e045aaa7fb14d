import Plot
import Support

/// What the fMRI figure kinds share: the analysis of the figure's model, a
/// time window over a long series, and numbers as their labels print them.
extension FigureContext {
    /// The fMRI analysis of the figure's model, or a refusal naming the kind
    /// when the model is a formula model.
    func fmriAnalysis() throws -> FMRIAnalysis {
        guard let analysis = model.fmri else {
            throw fail("\(figure.kind.rawValue) draws an fMRI model; model '\(model.spec.name)' is a formula",
                       suggestion: "use a model written as 'fmri:' with a 'timeseries' for data and an 'events:' block")
        }
        return analysis
    }
}

/// The seconds of a series a time-course figure shows: `from`–`to` when the
/// spec gives them, else the whole run up to `defaultSpan` seconds (a 6 720 s
/// series drawn whole is a smear; its first minutes show every piece).
struct TimeWindow {
    var from: Double
    var to: Double

    static let defaultSpan = 320.0

    static let fromOption = FigureOptionKey.optionalNumber(
        "from", in: 0...1_000_000, absent: "0", "first second shown (time-course figures show a window of a long series)")
    static let toOption = FigureOptionKey.optionalNumber(
        "to", in: 0...1_000_000, absent: "the run's end, at most 320 s after `from`", "last second shown")

    init(_ context: FigureContext, analysis: FMRIAnalysis) throws {
        // The last scan's time: past it there is nothing drawn.
        let end = analysis.times.last ?? 0
        from = context.value(Self.fromOption) ?? 0
        to = context.value(Self.toOption) ?? min(end, from + Self.defaultSpan)
        guard from < end || (from == 0 && end == 0) else {
            throw context.fail("'from' (" + NumberFormat.label(from).text(.unicode) + " s) is past the series' end ("
                               + NumberFormat.label(end).text(.unicode) + " s)",
                               suggestion: "choose 'from' below " + NumberFormat.label(end).text(.unicode))
        }
        guard to > from else {
            throw context.fail("'to' (" + NumberFormat.label(to).text(.unicode) + " s) must come after 'from' ("
                               + NumberFormat.label(from).text(.unicode) + " s)")
        }
        to = min(to, end)
    }

    func contains(_ t: Double) -> Bool { t >= from && t <= to }

    /// The scans inside the window.
    func scans(_ analysis: FMRIAnalysis) -> [Int] { analysis.times.indices.filter { contains(analysis.times[$0]) } }

    var axis: Axis {
        var axis = Axis("Time (s)", domain: from...to)
        axis.padding = 0
        return axis
    }
}

enum FMRIText {
    /// A number as a label prints it.
    static func number(_ value: Double) -> String { NumberFormat.label(value).text(.unicode) }
    /// Seconds as a label prints them (no trailing zeros): peak times, onsets, TR.
    static func seconds(_ value: Double) -> String { NumberFormat.label(value).text(.unicode) + " s" }
    /// A condition's name as TeX text (underscores are not subscripts).
    static func tex(_ name: String) -> String { CoefficientTableFigure.texEscaped(name) }
}
