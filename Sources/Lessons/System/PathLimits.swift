import Foundation

/// Linux's limits on paths, checked before a path reaches the file system: past
/// them Foundation reports "The specified URL type isn't supported", which
/// does not say that the path is simply too long.
public enum PathLimits {
    /// PATH_MAX counts the terminating NUL, so a path may have 4095 bytes.
    public static let maximumPathBytes = Int(PATH_MAX) - 1
    /// NAME_MAX: the longest single file or folder name.
    public static let maximumNameBytes = Int(NAME_MAX)

    /// What is wrong with `path` in words, or nil when it is within the limits.
    public static func problem(with path: String) -> String? {
        let bytes = path.utf8.count
        if bytes > maximumPathBytes {
            return "the path is \(bytes) bytes long; Linux allows at most \(maximumPathBytes) (PATH_MAX)"
        }
        for name in path.split(separator: "/") where name.utf8.count > maximumNameBytes {
            return "the name '\(name.prefix(24))…' is \(name.utf8.count) bytes long; Linux allows at most \(maximumNameBytes) bytes per name (NAME_MAX)"
        }
        return nil
    }
}
