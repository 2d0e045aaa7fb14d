/// One figure of a lesson: its id (also its file name), kind, model, options and caption.
public struct FigureSpec: Sendable {
    public var id: String
    public var kind: FigureKind
    /// Name of the model the figure illustrates.
    public var model: String?
    public var options: [String: FigureOption]
    public var caption: String?
    public var location: SourceLocation

    public func number(_ key: String) -> Double? {
        switch options[key] {
        case .number(let v): return v
        case .integer(let v): return Double(v)
        default: return nil
        }
    }

    public func integer(_ key: String) -> Int? {
        if case .integer(let v) = options[key] { return v }
        return nil
    }

    public func flag(_ key: String) -> Bool? {
        if case .bool(let v) = options[key] { return v }
        return nil
    }

    public func text(_ key: String) -> String? {
        if case .string(let v) = options[key] { return v }
        return nil
    }

    public func numbers(_ key: String) -> [Double]? {
        if case .numbers(let v) = options[key] { return v }
        return nil
    }

    public func words(_ key: String) -> [String] {
        if case .strings(let v) = options[key] { return v }
        return []
    }
}
