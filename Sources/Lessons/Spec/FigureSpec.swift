/// One figure of a lesson: its id (also its file name), kind, model, options and caption.
public struct FigureSpec: Sendable {
    public var id: String
    public var kind: FigureKind
    /// Name of the model the figure illustrates.
    public var model: String?
    public var options: [String: FigureOption]
    public var caption: String?
    /// The label a book cross-references the figure by (`name:`); the id when
    /// the spec gives none.
    public var name: String?
    public var location: SourceLocation

    /// What the MyST snippet's `:name:` says: `name`, else the id.
    public var referenceName: String { name ?? id }

    /// The value of `option`, or its default when the spec leaves it out. Options
    /// are read only through their declarations, so a default is never repeated
    /// where it is used.
    public func value<Value>(_ option: FigureOptionKey<Value>) -> Value {
        assert(kind.options.contains { $0.name == option.name },
               "\(kind.rawValue) reads option '\(option.name)', which it does not declare")
        return option.value(in: options)
    }
}
