import Plot

extension PreparedLesson {
    /// Every figure of the lesson, built and checked (labels, option values and
    /// drawable scales) but not yet drawn, in the spec's order.
    ///
    /// Public so that a caller can draw a lesson's figures without the output
    /// folder and manifest `LessonRenderer` writes: the render fuzzer draws them in
    /// memory, at small sizes.
    public func drawings() throws -> [(figure: FigureSpec, drawing: any Figure)] {
        try spec.figures.map { figure in (figure, try FigureFactory.make(figure, model: model(for: figure))) }
    }
}
