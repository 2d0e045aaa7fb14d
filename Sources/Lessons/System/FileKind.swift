import Foundation

/// What a path names, found before anything is read from it. A spec or CSV path
/// can name a folder, a pipe that never ends, a device, a kernel file that
/// refuses to be read, or a loop of symbolic links; each gets its own message
/// instead of a blanket "not found".
public enum FileKind: Equatable, Sendable {
    case regularFile
    case folder
    case namedPipe
    case socket
    case device
    /// A file of /proc, /sys and the like: listed as regular but made by the
    /// kernel on each read (`/proc/self/mem` cannot be read at all).
    case kernelFile
    case missing
    /// A symbolic link that leads back to itself.
    case symbolicLinkLoop
    /// Past PATH_MAX or NAME_MAX; the text says which.
    case tooLong(String)
    /// Anything else stat(2) refuses (permission denied, …), with its errno.
    case inaccessible(Int32)

    /// Looks at `path`, following symbolic links.
    public static func of(_ path: String) -> FileKind {
        if let problem = PathLimits.problem(with: path) { return .tooLong(problem) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return .missing
            case ELOOP: return .symbolicLinkLoop
            case ENAMETOOLONG:
                return .tooLong("the path is too long for the file system (\(SystemErrorText.words(errno: ENAMETOOLONG)))")
            case let code: return .inaccessible(code)
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFIFO: return .namedPipe
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        case S_IFREG: return isKernelFileSystem(path) ? .kernelFile : .regularFile
        default: return .device
        }
    }

    /// How a message names a path of this kind that is not a regular file:
    /// "'x' is <phrase>".
    public var phrase: String {
        switch self {
        case .regularFile: return "a regular file"
        case .folder: return "a folder"
        case .namedPipe: return "a named pipe, not a regular file"
        case .socket: return "a socket, not a regular file"
        case .device: return "a device (a special file), not a regular file"
        case .kernelFile: return "a special file made by the kernel (as under /proc or /sys), not a regular file"
        case .missing: return "missing"
        case .symbolicLinkLoop: return "a symbolic-link loop (the links lead back to each other and never reach a file)"
        case .tooLong(let problem): return "unusable: \(problem)"
        case .inaccessible(let code): return "not readable (\(SystemErrorText.words(errno: code)))"
        }
    }

    /// procfs, sysfs and their relatives: their files report a size of 0 or a
    /// fake size, and some (`/proc/self/mem`) fail on the first read. Told
    /// apart by device: a file on the same file system as /proc or /sys.
    static func isKernelFileSystem(_ path: String) -> Bool {
        var file = stat()
        guard stat(path, &file) == 0 else { return false }
        return ["/proc", "/sys"].contains { root in
            var mount = stat()
            return stat(root, &mount) == 0 && mount.st_dev == file.st_dev
        }
    }
}
