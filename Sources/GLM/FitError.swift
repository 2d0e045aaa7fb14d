/// Input a fit cannot be computed from. Each message says what was wrong and what
/// would fix it; CLI and lesson code print it as is.
public enum FitError: Error, Equatable, CustomStringConvertible {
    case noObservations
    case columnNameCount(names: Int, columns: Int)
    case responseLength(rows: Int, responseCount: Int)
    case nonFiniteDesign(row: Int, column: String)
    case nonFiniteResponse(row: Int)
    case invalidDroppedRows(Int)
    case invalidConfidenceLevel(Double)
    case numerical(String)
    case coefficientOutOfRange(column: String)
    case residualScaleOutOfRange

    public var description: String {
        switch self {
        case .noObservations:
            return "no observations to fit (0 rows); check that the data are not all missing"
        case let .columnNameCount(names, columns):
            return "\(names) column names were given for a design with \(columns) columns; give one name per column"
        case let .responseLength(rows, count):
            return "the design has \(rows) rows but the response has \(count) values; they must match"
        case let .nonFiniteDesign(row, column):
            return "design column '\(column)' is not a finite number in row \(row + 1); drop or fix that observation"
        case let .nonFiniteResponse(row):
            return "the response is not a finite number in row \(row + 1); drop or fix that observation"
        case let .invalidDroppedRows(count):
            return "dropped row count \(count) is negative"
        case let .invalidConfidenceLevel(level):
            return "confidence level \(level) must lie strictly between 0 and 1 (e.g. 0.95)"
        case let .numerical(message):
            return message
        case let .coefficientOutOfRange(column):
            return "the estimate for '\(column)' is beyond the range of a double (magnitude above 1.8e308): the response and '\(column)' differ in scale by more than about 300 orders of magnitude; rescale one of them (change units, e.g. divide by a power of ten) so that their scales are closer"
        case .residualScaleOutOfRange:
            return "the residual standard deviation is beyond the range of a double (above 1.8e308): rescale the response (change units, e.g. divide by a power of ten)"

        }
    }
}
