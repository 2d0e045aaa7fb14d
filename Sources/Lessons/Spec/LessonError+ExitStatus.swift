/// Exit statuses of `glmviz lesson` and `glmviz list`, after BSD sysexits so
/// scripts and CI can tell a bad spec from a missing file from an unwritable
/// output folder. They are part of the command line's contract: never renumber.
public enum LessonExitStatus {
    public static let success: Int32 = 0
    public static let usage: Int32 = 2
    /// EX_DATAERR: the spec or its data is wrong.
    public static let badInput: Int32 = 65
    /// EX_NOINPUT: a named lesson or data file does not exist.
    public static let missingInput: Int32 = 66
    /// EX_CANTCREAT: an output file or folder cannot be written.
    public static let cannotCreateOutput: Int32 = 73
}

extension LessonError {
    public var exitStatus: Int32 {
        switch category {
        case .badSpec, .badData: return LessonExitStatus.badInput
        case .missingInput: return LessonExitStatus.missingInput
        case .cannotCreateOutput: return LessonExitStatus.cannotCreateOutput
        }
    }
}
