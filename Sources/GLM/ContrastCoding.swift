import Foundation

/// How a categorical variable with k levels becomes k − 1 design columns when its
/// term needs contrasts: R's `contr.treatment`, `contr.sum`, `contr.helmert` and
/// `contr.poly`, with the column names R gives them.
public enum ContrastCoding: String, Hashable, Sendable, CaseIterable {
    case treatment, sum, helmert, poly

    /// The R function that makes this coding (`contr.sum`).
    public var rName: String { "contr." + rawValue }

    /// Reads `contr.sum`, `sum`, `contr.treatment`, … (the spellings R's `C()` and
    /// `contrasts =` accept).
    public init?(rName text: String) {
        let bare = text.hasPrefix("contr.") ? String(text.dropFirst(6)) : text
        self.init(rawValue: bare)
    }

    /// The k × (k − 1) contrast matrix, one row per level (reference first), as
    /// R's function returns it.
    public func matrix(levels k: Int) -> [[Double]] {
        let columns = max(k - 1, 0)
        var rows = [[Double]](repeating: [Double](repeating: 0, count: columns), count: k)
        switch self {
        case .treatment:
            for j in 0..<columns { rows[j + 1][j] = 1 }
        case .sum:
            for j in 0..<columns {
                rows[j][j] = 1
                rows[k - 1][j] = -1
            }
        case .helmert:
            for j in 0..<columns {
                for i in 0...j { rows[i][j] = -1 }
                rows[j + 1][j] = Double(j + 1)
            }
        case .poly:
            let basis = OrthogonalPolynomial(fitting: (1...max(k, 1)).map(Double.init), degree: columns)
            let values = basis.columns(at: (1...max(k, 1)).map(Double.init))
            // contr.poly scales each column to unit length.
            for j in 0..<columns {
                let norm = values[j].reduce(0) { $0 + $1 * $1 }.squareRoot()
                for i in 0..<k { rows[i][j] = values[j][i] / norm }
            }
        }
        return rows
    }

    /// What R appends to the variable's name for column j (0-based): the level for
    /// treatment coding by default (`Speciesversicolor`), the column number for
    /// sum and Helmert coding and for treatment coding set with `C()`
    /// (`C(Species, contr.sum)1`), `.L`, `.Q`, `.C`, `^4`, … for polynomial coding.
    public func suffix(column j: Int, levels: [String], levelNames: Bool) -> String {
        switch self {
        case .treatment: return levelNames ? levels[j + 1] : String(j + 2)
        case .sum, .helmert: return String(j + 1)
        case .poly:
            switch j {
            case 0: return ".L"
            case 1: return ".Q"
            case 2: return ".C"
            default: return "^\(j + 1)"
            }
        }
    }
}
