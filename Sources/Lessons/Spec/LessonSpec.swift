import GLM
/// A lesson spec after validation: everything needed to render a lesson, with
/// the source location of each value kept for later error messages.
public struct LessonSpec: Sendable {
    /// The lesson's name: the spec's file name without `.yaml`.
    public var name: String
    public var title: String
    /// The data every model uses unless it names its own.
    public var data: DataSpec?
    /// Models in the order the spec lists them (figures and `fits.json` keep it).
    public var models: [ModelSpec]
    /// Figures in the order the spec lists them.
    public var figures: [FigureSpec]
    /// Formats every figure is written in.
    public var formats: [OutputFormat]
    /// PNG pixels per display pixel. A figure's `width` is the width at which
    /// the course shows it, in CSS pixels; its PNG is drawn `density` times as
    /// many pixels wide, so it stays sharp on high-density screens and text
    /// sizes stay the ones chosen for that display width. One density for
    /// every PNG of the lesson, so figures side by side are drawn alike.
    public var density: Double = LessonSpec.defaultDensity
    public static let defaultDensity = 2.0
    public static let densities: ClosedRange<Double> = 1...4
    /// The symbols every figure writes (`notation:`); the chapter's by default.
    public var notation = Notation()
    /// The `labels:` entries: display text for data and design columns.
    public var labels: [DisplayLabel] = []
    /// Directory that relative data paths are resolved against (nil for bundled lessons).
    public var baseDirectory: String?
    /// The stimulus events of an fMRI lesson (`events:`).
    public var events: EventsSpec?
    /// The file name used in messages.
    public var file: String
    /// Whether CSV paths may leave the course root (see `CourseRoot`); off unless
    /// the user asks, because specs are untrusted input.
    public var allowsPathsOutsideCourseRoot = false

    /// The data a model is fitted to: its own, else the lesson's.
    public func dataSpec(for model: ModelSpec) -> DataSpec {
        model.data ?? data!
    }

    public func model(named name: String) -> ModelSpec? {
        models.first { $0.name == name }
    }
}

/// A named model: a formula in R notation plus choices about categorical coding.
public struct ModelSpec: Sendable {
    public var name: String
    public var formula: String
    /// Where each character of the formula is in the spec, so a formula error can
    /// name the spec's line and column.
    public var formulaSource: FormulaSource
    /// Where the formula's first character is (inside quotes, on the first content
    /// line of a block scalar), or where its value starts when that is not known.
    public var formulaLocation: SourceLocation { formulaSource.location(ofCharacter: 0) ?? formulaSource.start }
    /// Column → level used as the reference (coded 0 in every dummy column).
    public var referenceLevels: [String: String]
    /// Column → order of levels; dummy columns follow this order.
    public var levelOrder: [String: [String]]
    /// Data for this model alone, overriding the lesson's (so one lesson can
    /// show designs built from different tables).
    public var data: DataSpec?
    public var location: SourceLocation
    /// Column → coding of a categorical predictor other than treatment (R's
    /// `contrasts =`): sum, Helmert or polynomial.
    public var codings: [String: ContrastCoding] = [:]
    /// The fMRI design the model is built from instead of `formula` (which
    /// then only names the series and the events, for messages).
    public var fmri: FMRIModelSpec?
}

/// The output file formats a figure can be written in. `gif` is written only
/// for figures whose kind animates (see `FigureKind.animates`); other figures
/// of the lesson skip it.
public enum OutputFormat: String, CaseIterable, Sendable, Comparable {
    case png, svg, pdf, gif

    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// PNG for slides, SVG for the web; PDF only when asked for.
    public static let defaults: [OutputFormat] = [.png, .svg]
}

/// One `labels:` entry: a data column (`work_hours`) or a design column in R's
/// name (`bloodAB`, `(Intercept)`), and the text a reader sees for it.
public struct DisplayLabel: Sendable, Equatable {
    public var key: String
    public var text: String
    public var location: SourceLocation
}
