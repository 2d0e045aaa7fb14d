import Foundation

/// `output/manifest.json`: what each lesson's committed outputs were made from
/// and what they contain, so a check can tell a stale render (spec changed,
/// outputs not) from a hand-edited file, and a reader can see the numbers
/// behind each figure without opening `fits.json`.
///
/// Encoded with sorted keys and no timestamps, so rendering the same lessons
/// twice gives the same bytes.
public struct OutputManifest: Codable, Equatable, Sendable {
    /// Bumped when the layout changes incompatibly.
    public static let currentSchema = 1
    public static let fileName = "manifest.json"

    public var schema: Int
    /// Lesson name → what its folder holds.
    public var lessons: [String: LessonRecord]

    public init(lessons: [String: LessonRecord] = [:]) {
        schema = Self.currentSchema
        self.lessons = lessons
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}

/// One lesson's entry in the manifest.
public struct LessonRecord: Codable, Equatable, Sendable {
    /// `SpecFingerprint` of the spec and its data when the outputs were written.
    public var specSHA256: String
    public var glmvizVersion: String
    /// The formats written, so a check re-renders the same set.
    public var formats: [String]
    /// SHA-256 of `fits.json`.
    public var fitsSHA256: String
    /// Figure id → its files and numbers.
    public var figures: [String: FigureRecord]

    enum CodingKeys: String, CodingKey {
        case specSHA256 = "spec_sha256", glmvizVersion = "glmviz_version", formats
        case fitsSHA256 = "fits_sha256", figures
    }

    /// Every output file of the lesson with its SHA-256.
    public var fileHashes: [String: String] {
        var hashes = ["fits.json": fitsSHA256]
        for figure in figures.values { hashes.merge(figure.files) { first, _ in first } }
        return hashes
    }

    /// The figure a file belongs to, when it belongs to one.
    public func figure(forFile name: String) -> String? {
        if let figure = figures.first(where: { $0.value.files[name] != nil })?.key { return figure }
        // Exports beside the images (`<figure-id>.myst.md`, `.tex`) are not
        // hashed per figure; their name starts with the figure's id.
        return figures.keys.filter { name.hasPrefix($0 + ".") }.max { $0.count < $1.count }
    }
}

/// One figure's entry: where it came from and what it shows.
public struct FigureRecord: Codable, Equatable, Sendable {
    public var kind: String
    public var model: String
    /// File name → SHA-256, one per format.
    public var files: [String: String]
    public var statistics: ModelStatistics
}

/// The fitted numbers a figure illustrates: enough to see at a glance in a
/// diff of the manifest that a figure's story changed. Undefined values are null.
public struct ModelStatistics: Codable, Equatable, Sendable {
    public struct Term: Codable, Equatable, Sendable {
        public var term: String
        public var estimate: Double?
        public var stdError: Double?

        enum CodingKeys: String, CodingKey { case term, estimate, stdError = "std_error" }
    }

    public var coefficients: [Term]
    public var sigma: Double?
    public var rSquared: Double?
    public var dfResidual: Int
    public var dfModel: Int
    public var n: Int

    enum CodingKeys: String, CodingKey {
        case coefficients, sigma, rSquared = "r_squared", dfResidual = "df_residual", dfModel = "df_model", n
    }
}
