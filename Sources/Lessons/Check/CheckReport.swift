import Foundation

/// The two faces of a check's result: lines for a person reading a CI log, and
/// a JSON document for a machine.
extension CheckResult {
    /// One line per problem or spec error, then a one-line summary.
    /// `outputRoot` is how the committed folder is named in each line.
    public func text(outputRoot: String) -> String {
        var lines = errors.map(\.description)
        lines += problems.map { $0.line(outputRoot: outputRoot) }
        let lessonCount = "\(lessons.count) lesson\(lessons.count == 1 ? "" : "s")"
        let fileCount = "\(filesCompared) file\(filesCompared == 1 ? "" : "s") compared, \(filesIdentical) byte-identical"
        if passed {
            lines.append("glmviz check: \(outputRoot) is fresh (\(lessonCount), \(fileCount))")
        } else {
            let count = problems.count + errors.count
            lines.append("glmviz check: \(count) problem\(count == 1 ? "" : "s") in \(outputRoot) (\(lessonCount), \(fileCount))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"passed", "lessons", "files_compared", "files_identical", "problems", "errors"}`,
    /// keys sorted so the document is stable.
    public func json() throws -> Data {
        struct SpecError: Encodable {
            let file: String, line: Int?, column: Int?, message: String, suggestion: String?, exitStatus: Int32
            enum CodingKeys: String, CodingKey {
                case file, line, column, message, suggestion, exitStatus = "exit_status"
            }
        }
        struct Document: Encodable {
            let passed: Bool, lessons: [String], filesCompared: Int, filesIdentical: Int
            let problems: [CheckProblem], errors: [SpecError]
            enum CodingKeys: String, CodingKey {
                case passed, lessons, filesCompared = "files_compared", filesIdentical = "files_identical", problems, errors
            }
        }
        let document = Document(
            passed: passed, lessons: lessons, filesCompared: filesCompared, filesIdentical: filesIdentical,
            problems: problems,
            errors: errors.map {
                SpecError(file: $0.file, line: $0.line, column: $0.column, message: $0.message,
                          suggestion: $0.suggestion, exitStatus: $0.exitStatus)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document) + Data("\n".utf8)
    }
}
