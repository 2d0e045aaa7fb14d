import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A test hook for the output transaction, in the spirit of SQLite's: setting
/// `GLMVIZ_TEST_FAULT=STEP:ACTION` makes a run stop at one named step of
/// `OutputTransaction.commit`, so tests can prove that a kill or an I/O error
/// at every step leaves outputs and manifest agreeing. ACTION is `kill` (the
/// process sends itself SIGKILL, as `kill -9` or an out-of-memory kill would),
/// `fail` (the step throws, as a full disk would) or `pause-MS` (every step
/// sleeps that long, so a test can kill the process at a random moment inside
/// the transaction; STEP is then `any`). Unset, it costs one environment look-up.
enum FaultInjection {
    enum Step: String, CaseIterable {
        case manifestStaged = "manifest-staged", journalWritten = "journal-written"
        case previousRetired = "previous-retired", folderSwapped = "folder-swapped"
        case manifestCommitted = "manifest-committed", previousRemoved = "previous-removed"
    }

    struct InjectedFailure: Error, CustomStringConvertible {
        var step: Step
        var description: String { "injected failure at step \(step.rawValue)" }
    }

    private static let setting: (step: String, action: String)? = {
        guard let value = ProcessInfo.processInfo.environment["GLMVIZ_TEST_FAULT"],
              let colon = value.firstIndex(of: ":") else { return nil }
        return (String(value[..<colon]), String(value[value.index(after: colon)...]))
    }()

    static func reach(_ step: Step) throws {
        guard let setting else { return }
        if setting.action.hasPrefix("pause-"), let milliseconds = UInt32(setting.action.dropFirst(6)) {
            usleep(milliseconds * 1000)
            return
        }
        guard setting.step == step.rawValue else { return }
        switch setting.action {
        case "kill": kill(getpid(), SIGKILL)
        case "fail": throw InjectedFailure(step: step)
        default: return
        }
    }
}
