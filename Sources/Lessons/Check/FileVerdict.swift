import Plot

/// The outcome of comparing one committed file with its fresh render.
enum FileVerdict {
    /// Byte for byte the same.
    case identical
    /// Different bytes, same content within the tolerances.
    case equivalent
    /// Different content; `message` says how. `diffImages` are named pictures of
    /// the change (file name → image) for the report folder.
    case differs(String, diffImages: [String: RGBAImage] = [:])
    /// The committed file cannot be decoded as its format.
    case unreadable(String)
}
