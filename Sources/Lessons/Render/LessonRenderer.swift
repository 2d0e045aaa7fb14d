import Dispatch
import Foundation
import GLM
import Plot

/// Renders lessons: fits every model, builds every figure, then writes the
/// figures and `fits.json` into `OUT/NAME/`, swapping the folder into place
/// only when everything succeeded.
public struct LessonRenderer: Sendable {
    public var outputRoot: URL
    /// Formats to write instead of each spec's own; nil keeps the spec's.
    public var formats: [OutputFormat]?
    /// PNG pixels per display pixel for every figure, instead of each spec's
    /// own `density`; nil keeps the spec's.
    var density: Double?
    /// What the MyST snippets put before `LESSON/IMAGE` (see `BookFolder`),
    /// found from the committed output root; `glmviz check` renders into a
    /// scratch folder and passes the committed root's.
    public var snippetLinkPrefix: String?

    public init(outputRoot: URL, formats: [OutputFormat]? = nil, snippetsFor committedRoot: URL? = nil) {
        self.outputRoot = outputRoot
        self.formats = formats
        self.snippetLinkPrefix = BookFolder.linkPrefix(forOutputRoot: committedRoot ?? outputRoot)
    }

    /// Renders each named lesson (in parallel when there are several), returning
    /// one result per name in the same order.
    public func render(names: [String], from catalogue: LessonCatalogue) -> [Result<RenderedLesson, LessonError>] {
        let results = ResultSlots<RenderedLesson>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let result: Result<RenderedLesson, LessonError>
            do {
                result = .success(try render(try catalogue.source(for: names[index])))
            } catch let error as LessonError {
                result = .failure(error)
            } catch {
                result = .failure(LessonError(.badSpec, file: names[index], message: "\(error)"))
            }
            results.set(index, result)
        }
        return results.values
    }

    /// Renders one lesson.
    public func render(_ source: LessonSource) throws -> RenderedLesson {
        let parsed = try source.parse()
        try OutputOwnership.refuseCollisions(final: outputRoot.appendingPathComponent(parsed.name, isDirectory: true),
                                             spec: parsed, specFile: source.isBundled ? nil : source.file)
        // The transaction checks again under its lock; this spares a long render
        // that could only be refused at the end.
        try OutputOwnership.refuseForeign(outputRoot.appendingPathComponent(parsed.name, isDirectory: true), lesson: parsed.name,
                                          record: try ManifestStore(root: outputRoot).read().lessons[parsed.name])
        let formats = formats ?? parsed.formats
        try Self.refuseFiguresWithoutImages(parsed, formats: formats, fromCommandLine: self.formats != nil)
        let lesson = try PreparedLesson(parsed)
        let spec = lesson.spec
        let figures = try spec.figures.map { figure in
            var drawing = try FigureFactory.make(figure, model: lesson.model(for: figure))
            // The SVG's title and description, in words only the lesson has.
            drawing.accessibility = try figure.accessibility(model: lesson.model(for: figure))
            return (figure, drawing)
        }
        let fitsJSON = try lesson.fitsJSON()
        let exports = try LessonExports.files(for: lesson, drawings: figures.map(\.1), formats: formats,
                                               linkPrefix: snippetLinkPrefix)
        // Each figure is drawn once; its layout record and every format come
        // from that one drawing (see `FigureScene`).
        let scenes = try figures.map { figure, drawing in
            do {
                return try drawing.scene()
            } catch {
                throw LessonError(.badSpec, at: figure.location, message: "figure '\(figure.id)' cannot be drawn: \(error)")
            }
        }
        let layouts = lesson.layoutRecords(zip(figures.map(\.0), scenes).map { ($0, $1) })

        let directory = try OutputDirectory(root: outputRoot, name: spec.name)
        var files: [String] = []
        let record: LessonRecord
        do {
            for ((figure, drawing), scene) in zip(figures, scenes) {
                for format in formats {
                    if format == .gif, !figure.kind.animates { continue }
                    let name = "\(figure.id).\(format.rawValue)"
                    let bytes: [UInt8]
                    do {
                        switch format {
                        case .png: bytes = try scene.png(scale: density ?? spec.density)
                        case .svg: bytes = try scene.svg()
                        case .pdf: bytes = try scene.pdf()
                        case .gif: bytes = try gifData(figure, model: lesson.model(for: figure), still: drawing)
                        }
                    } catch {
                        throw LessonError(.badSpec, at: figure.location,
                                          message: "figure '\(figure.id)' cannot be drawn: \(error)")
                    }
                    try directory.write(Data(bytes), to: name)
                    files.append(name)
                }
            }
            for (name, data) in exports {
                try directory.write(data, to: name)
                files.append(name)
            }
            try directory.write(fitsJSON, to: "fits.json")
            files.append("fits.json")
            record = try LessonRecord(lesson: lesson, specText: source.text, formats: formats,
                                      directory: directory.staging)
            try directory.commit(files: files, record: record)
        } catch {
            directory.discard()
            throw error
        }
        return RenderedLesson(name: spec.name, directory: directory.final, files: files, layouts: layouts)
    }
}

extension LessonRenderer {
    /// A figure whose kind does not animate writes nothing when `gif` is the
    /// only format; that would be a lesson "rendered" without its image.
    static func refuseFiguresWithoutImages(_ spec: LessonSpec, formats: [OutputFormat], fromCommandLine: Bool) throws {
        guard !formats.contains(where: { $0 != .gif }) else { return }
        guard let figure = spec.figures.first(where: { !$0.kind.animates }) else { return }
        let kinds = FigureKind.allCases.filter(\.animates).map(\.rawValue)
        let animated = kinds.count > 1 ? kinds.dropLast().joined(separator: ", ") + " and " + kinds.last! : kinds.joined()
        throw LessonError(.badSpec, at: figure.location,
                          message: "figure '\(figure.id)' (\(figure.kind.rawValue)) does not animate, so the "
                              + "format gif alone gives it no image; only \(animated) figures have a GIF",
                          suggestion: fromCommandLine ? "add png or svg to --format, e.g. --format png,gif"
                              : "add png or svg to the lesson's formats, e.g. formats: [png, gif]")
    }
}

/// What one render produced.
public struct RenderedLesson: Sendable {
    public var name: String
    public var directory: URL
    /// File names inside `directory`, in the order written.
    public var files: [String]
    /// Each figure's layout and its violations, in the spec's order.
    public var layouts: [FigureLayoutRecord] = []
}

/// Result storage written from concurrent iterations, one slot each.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Result<Value, LessonError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Value, LessonError>) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
    }

    var values: [Result<Value, LessonError>] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}
