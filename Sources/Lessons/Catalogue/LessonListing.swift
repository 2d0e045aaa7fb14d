/// One line of `glmviz list`: a lesson's name, where it comes from, and its
/// title (or why its spec cannot be read).
public struct LessonListing: Sendable {
    public var name: String
    public var origin: String
    public var title: Result<String, LessonError>

    /// Every lesson the catalogue can see, sorted by name.
    public static func all(in catalogue: LessonCatalogue) -> [LessonListing] {
        catalogue.availableNames.map { name in
            do {
                let source = try catalogue.source(for: name)
                let origin = source.isBundled ? "built in" : source.file
                do {
                    return LessonListing(name: name, origin: origin, title: .success(try source.parse().title))
                } catch let error as LessonError {
                    return LessonListing(name: name, origin: origin, title: .failure(error))
                }
            } catch let error as LessonError {
                return LessonListing(name: name, origin: "?", title: .failure(error))
            } catch {
                return LessonListing(name: name, origin: "?", title: .failure(
                    LessonError(.badSpec, file: name, message: SystemErrorText.words(for: error))))
            }
        }
    }
}
