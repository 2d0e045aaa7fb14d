import Plot
import Support

/// `convolution`: how a condition's regressor is made, in three panels over
/// one time axis (`SharedXPanels`): the condition's events (a boxcar for
/// events with a duration, sticks for impulses), the canonical HRF as the
/// response to the first event shown, and their convolution: the regressor
/// at microtime resolution with its values at the scans marked, which are
/// the design column the fit uses (`FMRIAnalysis`, as SPM samples it).
enum ConvolutionFigure: FigureKindDefinition {
    static let name = "convolution"
    static let summary = "a condition's events (boxcar or sticks), the canonical HRF and the regressor it makes, sampled at the scans, stacked over one time axis"

    static let condition = FigureOptionKey.text(
        "condition", absent: "the first condition", "the condition whose regressor is built")
    static let options: [any FigureOptionDeclaring] = [condition, TimeWindow.fromOption, TimeWindow.toOption]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    /// The condition the spec names, or the first.
    static func chosenCondition(_ context: FigureContext, _ analysis: FMRIAnalysis) throws -> String {
        guard let name = context.value(Self.condition) else { return analysis.conditions[0] }
        guard analysis.conditions.contains(name) else {
            throw context.fail("'condition' is '\(name)', which is not one of the events' conditions ("
                               + analysis.conditions.joined(separator: ", ") + ")",
                               suggestion: NearestWord.hint(for: name, among: analysis.conditions))
        }
        return name
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let analysis = try context.fmriAnalysis()
        let name = try chosenCondition(context, analysis)
        let window = try TimeWindow(context, analysis: analysis)
        let events = analysis.events.filter { $0.condition == name && window.contains($0.onset) }
        guard let first = events.first else {
            let onsets = analysis.events.filter { $0.condition == name }.map(\.onset)
            throw context.fail("condition '\(name)' has no event between " + FMRIText.seconds(window.from) + " and " + FMRIText.seconds(window.to)
                               + ", so there is nothing to convolve",
                               suggestion: "its first event is at " + FMRIText.seconds(onsets.min() ?? 0) + "; set 'from' and 'to' around it, or choose another 'condition'")
        }
        let theme = Theme.textbook
        let colour = theme.color(analysis.conditions.firstIndex(of: name) ?? 0)

        // Events: sticks for impulses, a boxcar for events that last.
        var eventsChart = Chart(title: "Events: " + FMRIText.tex(name), y: Axis("Height", include: [0]))
        let top = max(1, events.map(\.amplitude).max() ?? 1)
        eventsChart.y.ticks = [0, top]
        if events.allSatisfy({ $0.duration == 0 }) {
            eventsChart.marks = [.segments(events.map { Segment($0.onset, 0, $0.onset, $0.amplitude) }, color: colour, width: 2)]
        } else {
            var path = [Point(window.from, 0)]
            for e in events.sorted(by: { $0.onset < $1.onset }) {
                path += [Point(e.onset, 0), Point(e.onset, e.amplitude), Point(min(e.onset + e.duration, window.to), e.amplitude),
                         Point(min(e.onset + e.duration, window.to), 0)]
            }
            path.append(Point(window.to, 0))
            eventsChart.marks = [.polyline(path, color: colour, width: 2)]
        }
        eventsChart.legend = .hidden

        // The response to the first event shown, on the same clock.
        let h = analysis.basisCurves[0]
        let scale = 1 / (h.max() ?? 1)
        let start = first.onset
        let kernel = h.indices.map { Point(start + Double($0) * analysis.basisStep, h[$0] * scale) }.filter { window.contains($0.x) }
        var hrfChart = Chart(title: "HRF: the response to one event at " + FMRIText.seconds(start), y: Axis("Response", include: [0]))
        hrfChart.marks = [.rule(y: 0, color: Color.grey, width: 0.8), .polyline(kernel, color: Color.ink, width: 2)]
        hrfChart.legend = .hidden

        // The convolution, and its values at the scans.
        let fine = analysis.microtimeRegressors[analysis.conditions.firstIndex(of: name)!]
        let line = fine.indices.map { Point(Double($0) * analysis.microtimeStep, fine[$0]) }.filter { window.contains($0.x) }
        let column = analysis.column(of: name)!
        let scans = window.scans(analysis)
        var regressorChart = Chart(title: "Regressor: events ∗ HRF, at the scans",
                                   y: Axis("Regressor", include: [0]))
        regressorChart.marks = [
            .polyline(line, color: colour, width: 1.6, label: "at microtime (TR/16)"),
            .points(x: scans.map { analysis.times[$0] }, y: scans.map { analysis.columns[column][$0] }, color: Color.ink,
                    radius: scans.count > 150 ? 2 : 3, label: "at each scan, TR = " + FMRIText.seconds(analysis.tr)),
        ]
        regressorChart.legend = .below

        var size = context.size
        if context.value(CommonFigureOptions.height) == nil { size.height = max(560, 0.95 * size.width) + (context.title == nil ? 0 : 40) }
        var axis = window.axis
        if let label = context.value(CommonFigureOptions.xLabel) { axis.title = label }
        var figure = SharedXPanels([eventsChart, hrfChart, regressorChart], x: axis, size: size, weights: [1.2, 1.3, 1.6],
                             title: context.title)
        if context.value(CommonFigureOptions.height) == nil { figure.size.height = max(size.height, try figure.fittingHeight()) }
        return figure
    }

    /// "Condition face from 0 to 300 s: 2 events of 22.5 s (a boxcar), the
    /// canonical HRF from the first event at 52.5 s, and the regressor they
    /// make, peaking at 0.98 and sampled at 120 scans."
    static func describe(_ context: FigureContext) throws -> String {
        let analysis = try context.fmriAnalysis()
        let name = try chosenCondition(context, analysis)
        let window = try TimeWindow(context, analysis: analysis)
        let events = analysis.events.filter { $0.condition == name && window.contains($0.onset) }
        let column = analysis.column(of: name)!
        let scans = window.scans(analysis)
        let peak = scans.map { analysis.columns[column][$0] }.max() ?? 0
        let kind = events.allSatisfy { $0.duration == 0 } ? "impulses, drawn as sticks"
            : "lasting " + FigureDescription.list(Array(Set(events.map { FMRIText.seconds($0.duration) })).sorted()) + ", drawn as a boxcar"
        return "Condition \(name) from " + FMRIText.seconds(window.from) + " to " + FMRIText.seconds(window.to) + ": "
            + FigureDescription.count(events.count, "event") + " (\(kind)); below, the canonical HRF drawn from the first event"
            + (events.first.map { " at " + FMRIText.seconds($0.onset) } ?? "")
            + "; at the bottom, their convolution, the regressor, with its values at "
            + FigureDescription.count(scans.count, "scan") + " marked (largest " + FMRIText.number(peak) + ")."
    }
}

extension FigureKind {
    public static let convolution = FigureKind(ConvolutionFigure.self)
}
