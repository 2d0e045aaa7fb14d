/// The output formats a figure renders to.
public enum ImageFormat: String, CaseIterable, Sendable {
    case png, svg, pdf

    /// The format named by a file's extension, if it is one of ours.
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }
}
