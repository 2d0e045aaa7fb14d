import ArgumentParser
import Lessons

/// Exit statuses of `glmviz`, after BSD sysexits so scripts and CI can tell a
/// bad spec from a missing file from an unwritable output folder.
enum ExitStatus {
    static let usage = ExitCode(2)
    static let dataError = ExitCode(65)
    static let missingInput = ExitCode(66)
    static let cannotCreateOutput = ExitCode(73)

    static func code(for category: LessonError.Category) -> ExitCode {
        switch category {
        case .badSpec, .badData: return dataError
        case .missingInput: return missingInput
        case .cannotCreateOutput: return cannotCreateOutput
        }
    }
}
