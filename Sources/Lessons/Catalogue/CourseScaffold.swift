import Foundation
import Support

/// What `glmviz init` writes to start a course repository: a first lesson, a
/// `course.yaml`, the CI job that runs `glmviz check`, and `.gitattributes`
/// marking the rendered images as binary so git never diffs or merges them as
/// text. Nothing that exists is overwritten: `init` in a folder that already
/// has any of these files writes none of them.
public enum CourseScaffold {
    /// Path inside the course → contents, in the order written.
    public static let files: [(String, String)] = [
        ("lessons/simple-regression.yaml", BundledResources.lessonText(named: "simple-regression") ?? ""),
        ("course.yaml", courseSettings),
        (".github/workflows/figures.yml", ciJob),
        (".gitattributes", gitAttributes),
    ]

    static let courseSettings = """
        # This folder is a glmviz course: glmviz finds it from any folder inside.
        # Where rendered figures go, relative to this file (default: output).
        # Inside a Jupyter Book, e.g. book/figures; see docs/course.md.
        # output: book/figures

        """

    static let gitAttributes = """
        # Rendered figures are compared by glmviz check, not by text diffs.
        *.png binary
        *.gif binary
        *.pdf binary
        *.svg -diff

        """

    /// The GitHub Actions job of docs/checking.md (a test keeps the two the same).
    public static let ciJob = """
name: figures
on: [push, pull_request]

jobs:
  check:
    runs-on: ubuntu-latest
    container: swift:6.3-bookworm   # the toolchain glmviz is built with
    env:
      GLMVIZ_REPOSITORY: https://example.org/your-mirror/glmviz.git   # where you get glmviz
      GLMVIZ_REF: main                                                 # a tag or branch
    steps:
      - uses: actions/checkout@v4

      - name: Fetch glmviz
        run: git clone --depth 1 --branch "$GLMVIZ_REF" "$GLMVIZ_REPOSITORY" /opt/glmviz

      - name: Cache the glmviz build
        uses: actions/cache@v4
        with:
          path: /opt/glmviz/.build
          key: glmviz-${{ env.GLMVIZ_REF }}-bookworm

      - name: Build glmviz
        run: |
          /opt/glmviz/scripts/install-deps
          swift build -c release --package-path /opt/glmviz

      - name: Check the committed figures
        run: /opt/glmviz/.build/release/glmviz check

      - name: Keep the report
        if: failure()
        uses: actions/upload-artifact@v4
        with:
          name: check-report
          path: check-report/

"""

    /// Writes every file into `root`, or none: a file that exists is never
    /// replaced, and the error lists every one that does. Returns the paths written.
    public static func write(into root: URL) throws -> [String] {
        let manager = FileManager.default
        let existing = files.map(\.0).filter { manager.fileExists(atPath: root.appendingPathComponent($0).path) }
        guard existing.isEmpty else {
            throw LessonError(.cannotCreateOutput, file: root.path,
                              message: "the course already has \(existing.joined(separator: ", ")); glmviz init writes nothing over an author's files, so it wrote nothing",
                              suggestion: "run it in a new folder, or move those files aside")
        }
        for (path, text) in files {
            let target = root.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.write(Array(text.utf8), to: target)
            } catch {
                throw LessonError(.cannotCreateOutput, file: target.path,
                                  message: "cannot write it: \(SystemErrorText.words(creatingFolder: target.deletingLastPathComponent().path, error: error))")
            }
        }
        return files.map(\.0)
    }
}
