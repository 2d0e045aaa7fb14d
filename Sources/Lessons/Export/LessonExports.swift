import Foundation
import Plot

/// The files a course author pastes or includes beside the images: a MyST
/// figure directive for every figure, and LaTeX for the numbers a figure shows
/// as a matrix or a table.
enum LessonExports {
    /// File name → contents, in the spec's figure order.
    static func files(for lesson: PreparedLesson, drawings: [any Figure],
                      formats: [OutputFormat], linkPrefix: String? = nil) throws -> [(String, Data)] {
        var files: [(String, Data)] = []
        for (figure, drawing) in zip(lesson.spec.figures, drawings) {
            let model = lesson.model(for: figure)
            if let image = imageFile(for: figure, formats: formats) {
                // The animation's frames may be wider than the still (room to turn).
                var width = drawing.size.width
                if image.hasSuffix(".gif"), let frame = try FigureAnimation.make(figure, model: model)?.frames.first {
                    width = frame.size.width
                }
                let snippet = MySTFigure(image: BookFolder.link(image, lesson: lesson.spec.name, prefix: linkPrefix),
                                         name: figure.referenceName, width: Int(width.rounded()),
                                         caption: figure.caption, alt: try figure.altText(model: model))
                files.append(("\(figure.id).myst.md", Data(snippet.text.utf8)))
            }
            for export in try figure.kind.definition.exports(FigureContext(figure: figure, model: model)) {
                files.append(("\(figure.id).\(export.fileExtension)", Data(export.text.utf8)))
            }
        }
        return files
    }

    /// The image a course page shows for `figure`: the animation when one is
    /// written, else the first of PNG, SVG, PDF the lesson writes.
    static func imageFile(for figure: FigureSpec, formats: [OutputFormat]) -> String? {
        if figure.kind.animates, formats.contains(.gif) { return "\(figure.id).gif" }
        for format in [OutputFormat.png, .svg, .pdf] where formats.contains(format) {
            return "\(figure.id).\(format.rawValue)"
        }
        return nil
    }
}
