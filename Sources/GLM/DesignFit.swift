extension Design {
    /// Fits the model: the least-squares fit of `y` on `x`, carrying the column names,
    /// the intercept (for centred R² and the overall F) and the rows dropped for
    /// missing values into the fit's report.
    public func fit(confidenceLevel: Double = 0.95, strategy: LeastSquares.Strategy = .automatic) throws -> Fit {
        try Fit(
            x: x, y: y, columnNames: columnNames, hasIntercept: hasIntercept, droppedRows: droppedRows,
            confidenceLevel: confidenceLevel, strategy: strategy)
    }
}
