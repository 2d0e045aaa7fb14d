import Plot

extension LessonRenderer {
    /// The GIF of an animated figure, drawn at the still's PNG density so both
    /// are the same width on a slide.
    func gifData(_ figure: FigureSpec, model: FittedModel, still: any Figure) throws -> [UInt8] {
        guard let animation = try FigureAnimation.make(figure, model: model) else {
            throw LessonError(.badSpec, at: figure.location,
                              message: "figure '\(figure.id)' (\(figure.kind.rawValue)) has no frames to animate")
        }
        return try animation.gifData(scale: pngScale(for: still))
    }
}
