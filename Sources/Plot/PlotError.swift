/// Errors from rendering and file output, each naming what failed and where.
public enum PlotError: Error, CustomStringConvertible, Equatable, Sendable {
    case cairo(operation: String, status: String)
    case io(path: String, message: String)
    case unsupportedFormat(path: String)
    case invalidPNG(String)
    case invalidData(String)
    /// Coordinates on `axis` that cannot be drawn (see `SceneScales`).
    case undrawable(axis: String, reason: String)

    public var description: String {
        switch self {
        case .cairo(let op, let status): return "cairo failed while \(op): \(status)"
        case .io(let path, let message): return "cannot write \(path): \(message)"
        case .unsupportedFormat(let path):
            return "cannot tell the image format of \(path): use the extension .png, .svg or .pdf"
        case .invalidPNG(let why): return "not a readable PNG: \(why)"
        case .invalidData(let why): return why
        case .undrawable(_, let reason): return reason
        }
    }
}
