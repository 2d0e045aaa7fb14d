import Foundation

/// Whether a column is used as a number or as a set of category labels.
public enum ColumnKind: String, Sendable, Equatable {
    case numeric
    case categorical
}

/// One variable of a `Frame`: numbers (missing as NaN) or category codes.
///
/// Categorical values are stored as small integer codes into `levels` because designs
/// only ever need "which level is this row", and a million repeated strings would be
/// slow to compare and costly to hold.
public struct Column: Sendable, Equatable {
    public enum Storage: Sendable, Equatable {
        /// Values, with missing cells as NaN (the CSV reader maps empty, `NA` and `NaN` there).
        case numeric([Double])
        /// `codes[i]` indexes `levels`, or is -1 when row `i` is missing.
        /// `levels` are in R's order (see `Column.sortLevels`).
        case categorical(codes: [Int32], levels: [String])
    }

    public let storage: Storage

    public init(storage: Storage) {
        self.storage = storage
    }

    /// A numeric column; NaN marks a missing value.
    public static func numeric(_ values: [Double]) -> Column {
        Column(storage: .numeric(values))
    }

    /// A numeric column; nil marks a missing value.
    public static func numeric(_ values: [Double?]) -> Column {
        Column(storage: .numeric(values.map { $0 ?? .nan }))
    }

    /// A categorical column from labels; nil marks a missing value. Levels are the
    /// distinct labels in R's sort order.
    public static func categorical(_ values: [String?]) -> Column {
        let levels = sortLevels(Array(Set(values.compactMap { $0 })))
        var index: [String: Int32] = [:]
        for (i, level) in levels.enumerated() { index[level] = Int32(i) }
        let codes = values.map { $0.map { index[$0]! } ?? -1 }
        return Column(storage: .categorical(codes: codes, levels: levels))
    }

    /// Equal when of the same kind with the same values, a missing value matching
    /// only a missing value (NaN compares equal to NaN here).
    public static func == (lhs: Column, rhs: Column) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.numeric(let a), .numeric(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        case (.categorical(let codesA, let levelsA), .categorical(let codesB, let levelsB)):
            return codesA == codesB && levelsA == levelsB
        default:
            return false
        }
    }

    public var count: Int {
        switch storage {
        case .numeric(let values): return values.count
        case .categorical(let codes, _): return codes.count
        }
    }

    public var kind: ColumnKind {
        switch storage {
        case .numeric: return .numeric
        case .categorical: return .categorical
        }
    }

    /// The numbers of a numeric column (NaN where missing); nil for a categorical one.
    public var numericValues: [Double]? {
        if case .numeric(let values) = storage { return values }
        return nil
    }

    /// The level order of a categorical column; nil for a numeric one.
    public var levels: [String]? {
        if case .categorical(_, let levels) = storage { return levels }
        return nil
    }

    public func isMissing(_ row: Int) -> Bool {
        switch storage {
        case .numeric(let values): return values[row].isNaN
        case .categorical(let codes, _): return codes[row] < 0
        }
    }

    /// The label of row `row` in a categorical column (nil when missing or numeric).
    public func label(at row: Int) -> String? {
        guard case .categorical(let codes, let levels) = storage, codes[row] >= 0 else { return nil }
        return levels[Int(codes[row])]
    }

    /// Sorts level labels the way R's `factor()` does for the labels users typically
    /// have, so the default reference level is the one R would choose:
    /// - when every label reads as a number (a 0/1 or 1/2/3 code forced categorical),
    ///   numerically, as `factor()` does on a numeric vector;
    /// - otherwise alphabetically ignoring case, with lowercase before uppercase on a
    ///   tie, as R sorts ASCII names in an English UTF-8 locale (`"a" < "B" < "b"`).
    ///   R in the C locale would put every uppercase name first; patsy/statsmodels sort
    ///   by code point. For letters and digits in one case all three agree; names
    ///   that differ in punctuation (`drug_a`, `druga`) may sort differently from a
    ///   locale's collation, so name the reference level when it matters.
    public static func sortLevels(_ labels: [String]) -> [String] {
        let numbers = labels.map { Double($0.trimmingCharacters(in: .whitespaces)) }
        if !labels.isEmpty, numbers.allSatisfy({ $0 != nil }) {
            return zip(labels, numbers).sorted { a, b in
                a.1! != b.1! ? a.1! < b.1! : a.0 < b.0
            }.map(\.0)
        }
        return labels.sorted(by: levelPrecedes)
    }

    static func levelPrecedes(_ a: String, _ b: String) -> Bool {
        let foldedA = a.lowercased(), foldedB = b.lowercased()
        if foldedA != foldedB { return foldedA.unicodeScalars.lexicographicallyPrecedes(foldedB.unicodeScalars) }
        // Same letters: lowercase first at the first position where case differs.
        for (x, y) in zip(a.unicodeScalars, b.unicodeScalars) where x != y {
            return x.properties.isLowercase
        }
        return a.unicodeScalars.count < b.unicodeScalars.count
    }
}
