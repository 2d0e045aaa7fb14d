import Plot

extension LessonRenderer {
    /// The GIF of an animated figure, one pixel per display pixel: its `width`
    /// is the width the course shows it at, like the still's, but a GIF's bytes
    /// grow with the square of its density (a turning plane at density 2 passes
    /// 6 MB), and 256 colours gain little from more pixels.
    func gifData(_ figure: FigureSpec, model: FittedModel, still: any Figure) throws -> [UInt8] {
        guard let animation = try FigureAnimation.make(figure, model: model) else {
            throw LessonError(.badSpec, at: figure.location,
                              message: "figure '\(figure.id)' (\(figure.kind.rawValue)) has no frames to animate")
        }
        return try animation.gifData(scale: 1)
    }
}
