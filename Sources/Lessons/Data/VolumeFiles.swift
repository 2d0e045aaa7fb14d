import Foundation
import GLM
import Support

/// NIfTI files a spec names (BOLD runs, a mask, a background), found as its
/// CSV files are (relative to the spec's folder, inside the course root, a
/// regular file) and read by the GLM target's NIfTI reader. Every refusal
/// points at the line and column of the spec that names the file.
enum VolumeFiles {
    /// The `lessons/` folder of the source tree glmviz was built from. A
    /// bundled lesson's text is compiled in, but scanner images (megabytes of
    /// binary) are not: a bundled lesson on volumes reads them from the
    /// `data/` folder beside this one, as its paths (`../data/…`) say.
    static let sourceLessonsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lessons").path

    /// `lesson` with its files found where they are: a spec without a folder
    /// of its own (a bundled lesson) reads them from the source tree's
    /// `lessons/` folder when that exists, else from the working directory.
    static func located(_ lesson: LessonSpec) -> LessonSpec {
        guard lesson.baseDirectory == nil, FileKind.of(sourceLessonsFolder) == .folder else { return lesson }
        var located = lesson
        located.baseDirectory = sourceLessonsFolder
        return located
    }

    static func url(_ path: String, lesson: LessonSpec, location: SourceLocation) throws -> URL {
        let url = try lesson.courseFile(path, what: "NIfTI file", kind: "images", at: location)
        let kind = FileKind.of(url.path)
        switch kind {
        case .regularFile:
            return url
        case .missing:
            throw LessonError(.missingInput, at: location, message: "NIfTI file '\(path)' not found (looked at \(url.path))",
                              suggestion: "paths are relative to the spec's folder; {run} is replaced by each entry of 'runs'")
        case .folder:
            throw LessonError(.badSpec, at: location, message: "NIfTI file '\(path)' is a folder, not an image",
                              suggestion: "point at a .nii or .nii.gz file in it")
        default:
            throw LessonError(.badSpec, at: location, message: "NIfTI file '\(path)' is \(kind.phrase)",
                              suggestion: "point at a .nii or .nii.gz file")
        }
    }

    /// The image at `path`, or the reader's refusal as a lesson error at the spec's line.
    static func read(_ path: String, lesson: LessonSpec, location: SourceLocation) throws -> NIfTIVolume {
        let url = try url(path, lesson: lesson, location: location)
        do {
            var volume = try NIfTIFile.read(url.path)
            volume.source = path
            return volume
        } catch let diagnostic as Diagnostic {
            let category: LessonError.Category = diagnostic.category == .missingFile ? .missingInput : .badData
            throw LessonError(category, at: location, message: "NIfTI file '\(path)' \(diagnostic.message)", suggestion: diagnostic.suggestion)
        }
    }
}
