import ArgumentParser
import Foundation
import Lessons

/// Checks shared by the commands' `validate()`: a path given as an empty string
/// (an unset shell variable, as in `--out "$OUT"`) would otherwise mean the
/// current folder, and glmviz would write into it or read from it.
enum OptionChecks {
    /// Refuses an empty `value`; `name` is how the message names it (`--out`,
    /// `the lesson name`), `what` says what to give instead.
    static func nonEmpty(_ value: String, _ name: String, what: String, shellExample: String) throws {
        guard value.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        throw ValidationError(
            "\(name) is empty; give \(what) (an unset shell variable, as in \(shellExample), is the usual cause)")
    }

    /// An output folder past Linux's path limits, refused before anything is
    /// written (Foundation would say only "The file name is invalid" or "The
    /// specified URL type isn't supported"); exit 73 like any output that
    /// cannot be created.
    static func checkLength(ofOutput path: String, option: String) throws(LessonError) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let problem = PathLimits.problem(with: absolute) else { return }
        throw LessonError(.cannotCreateOutput, file: path, message: "cannot create the folder: \(problem)",
                          suggestion: "choose a shorter path with \(option)")
    }
}
