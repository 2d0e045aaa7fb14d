/// A kind of figure a lesson can ask for. Everything about a kind (its options,
/// how it is drawn, whether it animates, what it exports) is in its definition,
/// one file per kind; this is the handle a spec and the renderer hold.
public struct FigureKind: Sendable, Hashable, RawRepresentable, CaseIterable, CustomStringConvertible {
    let definition: any FigureKindDefinition.Type

    init(_ definition: any FigureKindDefinition.Type) {
        self.definition = definition
    }

    /// The kind a spec names, if it is registered.
    public init?(rawValue: String) {
        guard let kind = FigureKindRegistry.kinds.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = kind
    }

    /// The name a spec writes after `kind:`.
    public var rawValue: String { definition.name }
    public var description: String { rawValue }

    public static var allCases: [FigureKind] { FigureKindRegistry.kinds }
    public static var names: [String] { allCases.map(\.rawValue) }

    /// Whether the kind can be written as an animated GIF. A lesson that asks
    /// for `gif` writes one for each such figure and skips the others.
    public var animates: Bool { definition.animation != nil }

    /// Every option the kind accepts: the common ones, its own, and the
    /// animation options when it animates, in the order the docs list them.
    var options: [any FigureOptionDeclaring] {
        CommonFigureOptions.all + definition.options + (animates ? AnimationOptions.all : [])
    }

    public static func == (a: FigureKind, b: FigureKind) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
