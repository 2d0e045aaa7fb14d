import Foundation

/// Where the MyST snippets point their images so that they build unedited.
///
/// Sphinx reads an image path that starts with `/` from the top of the book's
/// source folder, whichever page it appears in. A snippet whose image is
/// `/figures/simple-regression/simple-reg.png` therefore builds the same when
/// it is pasted into any chapter, and when it is pulled in with `{include}`
/// (with or without `:relative-images:`, which rewrites Markdown images but not
/// a `{figure}` directive's argument). A bare `simple-reg.png`, relative to
/// the snippet, builds in none of these ways once the snippet is included.
///
/// The book is the nearest folder at or above the output root with Jupyter
/// Book's `_config.yml` or Sphinx's `conf.py`. Outside a book the snippets keep
/// bare names, which is all a snippet can say without one.
enum BookFolder {
    /// `/` plus the output root's path inside the book (`/figures`), or nil
    /// when the output root is not inside a book.
    static func linkPrefix(forOutputRoot outputRoot: URL) -> String? {
        let root = outputRoot.standardizedFileURL
        var folder = root
        let manager = FileManager.default
        while true {
            if manager.fileExists(atPath: folder.appendingPathComponent("_config.yml").path)
                || manager.fileExists(atPath: folder.appendingPathComponent("conf.py").path) {
                let book = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
                let inside = root.path == folder.path ? "" : String(root.path.dropFirst(book.count))
                return "/" + inside
            }
            if manager.fileExists(atPath: folder.appendingPathComponent(".git").path) { return nil }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The image path a snippet of `lesson` writes for `file`.
    static func link(_ file: String, lesson: String, prefix: String?) -> String {
        guard let prefix else { return file }
        return (prefix.hasSuffix("/") ? prefix : prefix + "/") + lesson + "/" + file
    }
}
