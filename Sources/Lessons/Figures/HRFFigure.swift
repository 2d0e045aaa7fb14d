import Plot
import Support

/// `hrf`: SPM's canonical haemodynamic response to a brief event, with the
/// temporal and dispersion derivatives SPM adds to let the fit shift the
/// response in time and widen it. The peak and the undershoot are marked
/// with their times, the two numbers a student should take away: the BOLD
/// response peaks about 5 s after the neurons fire and dips below baseline
/// at about 15 s. Curves are `FMRIAnalysis.basisCurves` (the GLM target's
/// `spm_hrf` and `spm_get_bf`), all scaled by one factor so the canonical
/// peak reads 1.
enum HRFFigure: FigureKindDefinition {
    static let name = "hrf"
    static let summary = "SPM's canonical HRF with its temporal and dispersion derivatives, peak and undershoot marked with their times"

    static let derivatives = FigureOptionKey.flag(
        "derivatives", default: true, "draw the temporal and dispersion derivatives beside the canonical HRF")
    static let options: [any FigureOptionDeclaring] = [derivatives]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    /// The canonical curve's peak and undershoot, in seconds and in the
    /// figure's units (peak = 1).
    struct Landmarks {
        var peakTime: Double
        var undershootTime: Double
        var undershootDepth: Double
    }

    static func landmarks(_ analysis: FMRIAnalysis) -> Landmarks {
        let h = analysis.basisCurves[0]
        let peak = h.indices.max { h[$0] < h[$1] } ?? 0
        let after = h[peak...]
        let trough = after.indices.min { h[$0] < h[$1] } ?? peak
        let scale = h[peak] == 0 ? 1 : h[peak]
        return Landmarks(peakTime: Double(peak) * analysis.basisStep, undershootTime: Double(trough) * analysis.basisStep,
                         undershootDepth: h[trough] / scale)
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let analysis = try context.fmriAnalysis()
        let h = analysis.basisCurves[0]
        let scale = 1 / (h.max() ?? 1)
        let t = h.indices.map { Double($0) * analysis.basisStep }
        let marks = landmarks(analysis)
        var size = context.size
        if context.value(CommonFigureOptions.height) == nil { size.height = max(360, 0.62 * size.width) }
        var chart = Chart(size: size, title: context.title,
                          x: Axis(context.value(CommonFigureOptions.xLabel) ?? "Time after the event (s)"),
                          y: Axis(context.value(CommonFigureOptions.yLabel) ?? "Response (peak = 1)", include: [0]))
        var lines: [Mark] = [.rule(y: 0, color: Color.grey, width: 0.8)]
        if context.value(Self.derivatives) {
            let names = ["Temporal derivative", "Dispersion derivative"]
            for (index, curve) in analysis.basisCurves.dropFirst().prefix(2).enumerated() {
                lines.append(.polyline(x: t, y: curve.map { $0 * scale }, color: chart.theme.color(index + 1), width: 1.8,
                                       dash: index == 0 ? [6, 4] : [2, 3], label: names[index]))
            }
        }
        lines.append(.polyline(x: t, y: h.map { $0 * scale }, color: chart.theme.color(0), width: 2.6, label: "Canonical HRF"))
        lines.append(.points([Point(marks.peakTime, 1), Point(marks.undershootTime, marks.undershootDepth)],
                             color: Color.ink, radius: 4))
        lines.append(.text("peak " + FMRIText.seconds(marks.peakTime), at: Point(marks.peakTime, 1), anchor: .left, offset: Point(10, 0)))
        lines.append(.text("undershoot " + FMRIText.seconds(marks.undershootTime),
                           at: Point(marks.undershootTime, marks.undershootDepth), anchor: .top, offset: Point(0, 10)))
        chart.marks = lines
        chart.legend = .inside([.topRight, .bottomRight])
        return chart
    }

    /// "SPM's canonical HRF over 32 s: it peaks at 5.0 s and dips below zero
    /// to −0.17 of its peak at 15.7 s; drawn with its temporal and dispersion
    /// derivatives."
    static func describe(_ context: FigureContext) throws -> String {
        let analysis = try context.fmriAnalysis()
        let marks = landmarks(analysis)
        let span = Double(analysis.basisCurves[0].count - 1) * analysis.basisStep
        return "SPM's canonical haemodynamic response over " + FMRIText.number(span.rounded()) + " s after an event: it peaks at "
            + FMRIText.seconds(marks.peakTime) + " and undershoots to " + FMRIText.number(marks.undershootDepth)
            + " of its peak at " + FMRIText.seconds(marks.undershootTime)
            + (context.value(Self.derivatives) ? "; drawn with its temporal and dispersion derivatives, which let a fit move the response earlier or later and make it wider." : ".")
    }
}

extension FigureKind {
    public static let hrf = FigureKind(HRFFigure.self)
}
