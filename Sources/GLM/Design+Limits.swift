extension Design {
    /// The most columns a design may have. The fit does work of order n·p² + p³
    /// and keeps several p × p matrices: at the limit a 2 000-row fit takes about
    /// 5 s (release build), far beyond any course model. An ID column slipped into
    /// `y ~ .` (one dummy per row) is refused here instead of running for hours or
    /// exhausting memory.
    public static let maximumColumns = 1_000
    /// The most cells (rows × columns) of the design matrix: 400 MB of doubles,
    /// which the least-squares solver copies once more.
    public static let maximumCells = 50_000_000

    /// Refuses a design that would exceed the limits, before any column is built.
    /// A term gives at most the product of its categorical factors' level counts
    /// (dummy coding may drop a few), so the bound is known from the levels alone.
    static func checkSize(formula: Formula, levels: [String: [String]], rows: Int, source: String?) throws {
        let location = source.map { Diagnostic.Location(file: $0) }
        let suggestion = "a categorical predictor makes one column per level; leave out identifiers and list the predictors instead of '.'"
        var bound = formula.hasIntercept ? 1 : 0
        for term in formula.terms {
            var columns = 1
            for factor in term.factors where columns <= maximumColumns {
                switch factor {
                case .variable(let name): columns *= max(1, levels[name]?.count ?? 1)
                case .categorical(let expression): columns *= max(1, levels[expression.label]?.count ?? 1)
                case .basis(let basis): columns *= basis.suffixes.count
                case .computed: break
                }
            }
            if columns > maximumColumns {
                throw Diagnostic(
                    .badData, "the term \(term.label) would make more than \(maximumColumns) columns; the limit is \(maximumColumns)",
                    location: location, suggestion: suggestion)
            }
            bound += columns
        }
        if bound > maximumColumns {
            throw Diagnostic(
                .badData, "the design would have up to \(bound) columns; the limit is \(maximumColumns)",
                location: location, suggestion: suggestion)
        }
        if rows.multipliedReportingOverflow(by: bound).partialValue > maximumCells {
            throw Diagnostic(
                .badData, "the design would have \(rows) rows × \(bound) columns; the limit is \(maximumCells) cells",
                location: location, suggestion: "fit a sample of the rows, or fewer predictors")
        }
    }
}
