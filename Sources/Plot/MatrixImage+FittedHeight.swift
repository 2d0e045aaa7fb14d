extension MatrixImage {
    /// The height at which the matrix's content ends, for a figure that should be
    /// as tall as its square cells, labels and notes make it rather than a guessed
    /// height that leaves a band of white or squeezes the grid (an orthogonality
    /// matrix whose column names are long). Laid out once on a canvas as tall as
    /// any figure may be, where cells take their natural height; the bottom of the
    /// lowest text (the notes come last) plus the margin is the answer. At most
    /// `limit`, and never less than `minimum`.
    public func fittedHeight(minimum: Double = 200, limit: Double = 4000) throws -> Double {
        var tall = self
        tall.size.height = limit
        let bottom = try tall.layout().textBoxes.map(\.rect.maxY).max() ?? minimum
        return min(limit, max(minimum, (bottom + theme.margin).rounded(.up) + 1))
    }
}
