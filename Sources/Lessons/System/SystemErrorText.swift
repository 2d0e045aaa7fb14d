import Foundation

/// Turns an error from the file system into words a course author can act on.
///
/// Foundation describes its file errors as "NSCocoaErrorDomain Code=642" or
/// "The specified URL type isn't supported"; neither says that the disk is
/// read-only or the path too long. Every message that reports a failed read or
/// write goes through here, so the cause is always named the same way.
public enum SystemErrorText {
    /// The C library's description of `code` (e.g. "Read-only file system").
    public static func words(errno code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The cause of `error` in words: glmviz's own errors as they describe
    /// themselves, POSIX and Foundation file errors by their errno, the rest by
    /// what the error code means. `path`, when known, lets an over-long path be
    /// named as such.
    public static func words(for error: Error, path: String? = nil) -> String {
        if let lesson = error as? LessonError { return lesson.message }
        if let path, let problem = PathLimits.problem(with: path) { return problem }
        if let posix = error as? POSIXError { return words(errno: posix.code.rawValue) }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return words(errno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return words(errno: Int32(underlying.code))
        }
        if nsError.domain == NSCocoaErrorDomain { return cocoaWords(nsError.code) }
        if error is DecodingError { return "the file is not in the expected format" }
        if error is EncodingError { return "the value cannot be written (a number that is not finite?)" }
        // glmviz's own error types (`Diagnostic`, `FitError`) describe themselves in words.
        if !nsError.domain.hasPrefix("NS") { return String(describing: error) }
        return "an unexpected system error (\(nsError.domain) \(nsError.code))"
    }

    /// Foundation's file error codes (CocoaError.Code) in words.
    static func cocoaWords(_ code: Int) -> String {
        switch CocoaError.Code(rawValue: code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return words(errno: ENOENT)
        case .fileReadNoPermission, .fileWriteNoPermission: return words(errno: EACCES)
        case .fileWriteVolumeReadOnly: return words(errno: EROFS)
        case .fileWriteOutOfSpace: return words(errno: ENOSPC)
        case .fileWriteFileExists: return words(errno: EEXIST)
        case .fileLocking: return "the file is locked by another program"
        case .fileReadTooLarge: return words(errno: EFBIG)
        case .fileReadInvalidFileName, .fileWriteInvalidFileName:
            return "the name is not a valid file name (too long, or with characters the file system refuses)"
        case .fileReadUnsupportedScheme, .fileWriteUnsupportedScheme:
            return "the path cannot be used (longer than \(PathLimits.maximumPathBytes) bytes, or a name in it longer than \(PathLimits.maximumNameBytes) bytes)"
        case .fileReadCorruptFile: return "the file is damaged or not in the expected format"
        case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding, .fileWriteInapplicableStringEncoding:
            return "the text is not UTF-8"
        default: return "an unexpected file-system error (code \(code))"
        }
    }
}

extension SystemErrorText {
    /// Why the folder `path` cannot be created or written into, in words: a file
    /// standing where a folder is needed is named (Foundation says only "File
    /// exists" or "Not a directory"), otherwise the cause of `error`.
    public static func words(creatingFolder path: String, error: Error) -> String {
        if let problem = PathLimits.problem(with: path) { return problem }
        var ancestor = URL(fileURLWithPath: path).standardizedFileURL
        while ancestor.path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { return "'\(ancestor.path)' is a file, not a folder" }
                break
            }
            ancestor.deleteLastPathComponent()
        }
        return words(for: error, path: path)
    }
}
