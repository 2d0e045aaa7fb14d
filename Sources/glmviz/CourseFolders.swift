import Foundation
import Lessons

/// The folders a command uses when the user names none: inside a course they
/// are the course's (`output/` and `check-report/` beside `lessons/`, from any
/// subfolder), outside one the working directory's. A folder the user names is
/// taken as given, relative to the working directory.
enum CourseFolders {
    /// `given`, else the course's folder from `inCourse`, else `fallback` in the
    /// working directory; shown relative to the working directory when inside it.
    static func path(_ given: String?, course: Course?, inCourse: (Course) -> URL, fallback: String) -> String {
        if let given { return given }
        guard let course else { return fallback }
        return LessonCatalogue.shown(inCourse(course).path)
    }

    /// The output root: `--out`, else the course's (`course.yaml`'s `output`,
    /// else `output/` at its top), else `output` here. A `course.yaml` that
    /// cannot be read is refused as a spec is.
    static func output(_ given: String?, catalogue: LessonCatalogue) throws -> String {
        let settings = try catalogue.course?.settings() ?? CourseSettings()
        return path(given, course: catalogue.course, inCourse: { $0.defaultOutput(settings) }, fallback: "output")
    }
}

/// Rewrites OUT/index.html for every lesson with outputs under OUT, as
/// `glmviz lesson` and `glmviz check --update` both do after rendering.
enum GalleryUpdate {
    static func write(out: String, names: [String], catalogue: LessonCatalogue) throws {
        let root = URL(fileURLWithPath: out)
        let rendered = names.compactMap { try? catalogue.source(for: $0).parse() }
        try HTMLGallery(root: root, lessons: HTMLGallery.lessons(in: root, catalogue: catalogue, adding: rendered)).write()
    }
}
