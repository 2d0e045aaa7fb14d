/// One option of a figure kind: its name, the values it takes, its default and
/// one line saying what it does. The kind declares it once, the spec reader
/// validates against it, the option tables of docs/lesson-spec.md are written
/// from it, and the drawing code reads the value through it, so the default
/// exists in exactly one place.
public struct FigureOptionKey<Value: Sendable>: FigureOptionDeclaring {
    public let name: String
    let type: FigureOption.ValueType
    let documentation: String
    /// The value when the spec leaves the option out.
    let defaultValue: Value
    /// How the default reads in the docs ("—" when there is none).
    let defaultText: String
    /// Positions in the data's units (a figure that cannot be drawn suggests
    /// keeping them within the data's range).
    let placesData: Bool
    private let convert: @Sendable (FigureOption) -> Value?

    init(_ name: String, _ type: FigureOption.ValueType, default defaultValue: Value, shown defaultText: String,
         _ documentation: String, placesData: Bool = false, convert: @escaping @Sendable (FigureOption) -> Value?) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.defaultText = defaultText
        self.documentation = documentation
        self.placesData = placesData
        self.convert = convert
    }

    /// The value of this option in `options` (already validated by the spec
    /// reader), or the default.
    func value(in options: [String: FigureOption]) -> Value {
        options[name].flatMap(convert) ?? defaultValue
    }
}

/// What the spec reader and the docs need of an option, whatever its value type.
protocol FigureOptionDeclaring: Sendable {
    var name: String { get }
    var type: FigureOption.ValueType { get }
    var documentation: String { get }
    var defaultText: String { get }
    var placesData: Bool { get }
}

// MARK: the kinds of option

extension FigureOptionKey where Value == Double {
    static func number(_ name: String, in range: ClosedRange<Double>, default value: Double,
                       _ documentation: String) -> Self {
        Self(name, .number(range), default: value, shown: FigureOptionKey.shown(value), documentation,
             convert: FigureOptionKey.numberValue)
    }
}

extension FigureOptionKey where Value == Double? {
    /// A number that, when left out, turns a feature off.
    static func optionalNumber(_ name: String, in range: ClosedRange<Double>, absent: String,
                               _ documentation: String) -> Self {
        Self(name, .number(range), default: nil, shown: absent, documentation) {
            FigureOptionKey<Double>.numberValue($0).map { .some($0) }
        }
    }
}

extension FigureOptionKey where Value == Int {
    static func integer(_ name: String, in range: ClosedRange<Int>, default value: Int, _ documentation: String) -> Self {
        Self(name, .integer(range), default: value, shown: "\(value)", documentation) {
            if case .integer(let v) = $0 { return v }
            return nil
        }
    }
}

extension FigureOptionKey where Value == Int? {
    /// A whole number whose default depends on the figure (a size, a count).
    static func optionalInteger(_ name: String, in range: ClosedRange<Int>, absent: String,
                                _ documentation: String) -> Self {
        Self(name, .integer(range), default: nil, shown: absent, documentation) {
            if case .integer(let v) = $0 { return .some(v) }
            return nil
        }
    }

    /// A count, or a word standing for "without end" (read as 0).
    static func countOrForever(_ name: String, in range: ClosedRange<Int>, word: String, absent: String,
                               _ documentation: String) -> Self {
        Self(name, .countOrForever(range, word: word), default: nil, shown: absent, documentation) {
            if case .integer(let v) = $0 { return .some(v) }
            return nil
        }
    }
}

extension FigureOptionKey where Value == Bool {
    static func flag(_ name: String, default value: Bool, _ documentation: String) -> Self {
        Self(name, .bool, default: value, shown: "`\(value)`", documentation) {
            if case .bool(let v) = $0 { return v }
            return nil
        }
    }
}

extension FigureOptionKey where Value == String? {
    /// Free text; when left out the figure chooses (`absent` says what).
    static func text(_ name: String, absent: String, _ documentation: String) -> Self {
        Self(name, .string, default: nil, shown: absent, documentation) {
            if case .string(let v) = $0 { return .some(v) }
            return nil
        }
    }
}

extension FigureOptionKey where Value == String {
    /// One word from `words`.
    static func choice(_ name: String, _ words: [String], default value: String, _ documentation: String) -> Self {
        precondition(words.contains(value), "the default of '\(name)' is not one of its words")
        return Self(name, .choice(words), default: value, shown: "`\(value)`", documentation) {
            if case .string(let v) = $0 { return v }
            return nil
        }
    }
}

extension FigureOptionKey where Value == [String] {
    /// Any of `words`, as a list or a single word; none when left out.
    static func choices(_ name: String, _ words: [String], _ documentation: String) -> Self {
        Self(name, .choices(words), default: [], shown: "none", documentation) {
            if case .strings(let v) = $0 { return v }
            return nil
        }
    }
}

extension FigureOptionKey where Value == [Double]? {
    static func numbers(_ name: String, absent: String, placesData: Bool, _ documentation: String) -> Self {
        Self(name, .numbers, default: nil, shown: absent, documentation, placesData: placesData) {
            if case .numbers(let v) = $0 { return .some(v) }
            return nil
        }
    }
}

extension FigureOptionKey {
    /// A number option's value; the spec reader stores whole numbers given for it as such.
    fileprivate static func numberValue(_ option: FigureOption) -> Double? {
        switch option {
        case .number(let v): return v
        case .integer(let v): return Double(v)
        default: return nil
        }
    }

    /// A default as the docs show it: the shortest decimal, with a true minus sign.
    static func shown(_ value: Double) -> String {
        let plain = value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
        return plain.hasPrefix("-") ? "−" + plain.dropFirst() : plain
    }
}
