import Foundation

/// The C locale, made once and only ever read.
nonisolated(unsafe) private let posixLocale = newlocale(LC_NUMERIC_MASK, "C", nil)

extension String {
    /// `String(format:)` with a decimal point whatever locale the host process
    /// has set. On Linux, Foundation's formatting follows the C library's current
    /// locale, so a program that calls `setlocale` for German would otherwise get
    /// "1,5" in labels, tables and LaTeX. The C locale is set for this thread
    /// only, for the duration of the call. GLM, Plot and Lessons all print
    /// numbers, so this lives here once rather than in each of them.
    public init(posixFormat format: String, _ arguments: CVarArg...) {
        guard let posixLocale else {
            self.init(format: format, arguments: arguments)
            return
        }
        let previous = uselocale(posixLocale)
        defer { uselocale(previous) }
        self.init(format: format, arguments: arguments)
    }
}
