/// A lesson's data as named columns in order: numbers, or labels of a
/// categorical predictor (with their level order). The common currency between
/// data sources (built-in, CSV, inline, generated) and the model fit.
public struct DataTable: Sendable, Equatable {
    public enum Column: Sendable, Equatable {
        case numeric([Double])
        /// Labels per row plus the level order (first appearance unless the spec says otherwise).
        case categorical(labels: [String], levels: [String])

        public var count: Int {
            switch self {
            case .numeric(let v): return v.count
            case .categorical(let labels, _): return labels.count
            }
        }
    }

    public private(set) var names: [String] = []
    public private(set) var columns: [Column] = []

    public init() {}

    public var rowCount: Int { columns.first?.count ?? 0 }

    public subscript(name: String) -> Column? {
        names.firstIndex(of: name).map { columns[$0] }
    }

    public func numbers(_ name: String) -> [Double]? {
        if case .numeric(let v)? = self[name] { return v }
        return nil
    }

    /// Appends (or replaces) a column; all columns must have the same length.
    public mutating func set(_ name: String, _ column: Column) {
        precondition(columns.isEmpty || column.count == rowCount || names == [name], "column length mismatch")
        if let index = names.firstIndex(of: name) {
            columns[index] = column
        } else {
            names.append(name)
            columns.append(column)
        }
    }

    /// Levels in order of first appearance: what a reader of the data expects
    /// to see first, and stable regardless of locale.
    public static func levelsInOrder(_ labels: [String]) -> [String] {
        var seen = Set<String>()
        return labels.filter { seen.insert($0).inserted }
    }
}
