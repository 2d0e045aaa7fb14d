/// What each design column is made of, for a reader who names columns in
/// words instead of R's run-together names (`bloodAB`, `age:groupdrugA`).
extension Design {
    /// One factor of a design column.
    public enum ColumnPart: Sendable, Equatable {
        /// A numeric variable or expression, by the label R prints (`lotsize`, `I(x^2)`),
        /// with the data column it reads when it is a plain variable.
        case numeric(label: String, variable: String?)
        /// The indicator of one level of a categorical variable.
        case level(variable: String, level: String)
    }

    /// The value column `j` takes for a row whose `variable` is `level`, when
    /// the column codes that variable alone: 1 or 0 for a treatment dummy, the
    /// contrast weight for sum, Helmert or polynomial coding; nil otherwise.
    public func codedValue(column j: Int, variable: String, level: String) -> Double? {
        guard components[j].count == 1 else { return nil }
        switch components[j][0] {
        case .indicator(let v, let l) where v == variable: return l == level ? 1 : 0
        case .coded(let v, let levels, let weights, _) where v == variable:
            return levels.firstIndex(of: level).map { weights[$0] }
        default: return nil
        }
    }

    /// The factors of column `j`, in the order its R name joins them; empty for
    /// the intercept.
    public func columnParts(_ j: Int) -> [ColumnPart] {
        components[j].map { component in
            switch component {
            case .numeric(let factor):
                if case .variable(let name) = factor { return .numeric(label: factor.label, variable: name) }
                return .numeric(label: factor.label, variable: nil)
            case .indicator(let variable, let level):
                return .level(variable: variable, level: level)
            case .coded(let variable, _, _, let suffix):
                return .numeric(label: variable + suffix, variable: nil)
            case .basis(let basis, let column, _):
                return .numeric(label: basis.label + basis.suffixes[column], variable: nil)
            }
        }
    }
}
