import Foundation
import Plot

/// Where one rendered figure put its text, and what is wrong with it: what
/// `glmviz lesson` warns about, `glmviz check` fails on and `--layout-report`
/// writes, so a layout can be judged without reading the drawing code.
public struct FigureLayoutRecord: Sendable {
    public var lesson: String
    public var figure: String
    public var layout: FigureLayout
    public var violations: [LayoutViolation]

    public init(lesson: String, figure: String, layout: FigureLayout) {
        self.lesson = lesson
        self.figure = figure
        self.layout = layout
        self.violations = layout.violations()
    }

    /// `lesson L, figure F: tick label "10" overlaps annotation "β̂₀ = 42"`, one per violation.
    public var violationLines: [String] {
        violations.map { "lesson \(lesson), figure \(figure): \($0)" }
    }

    /// The record as a JSON object: lesson, figure, width, height, every text
    /// item with role, text and bbox [x0, y0, x1, y1] (pixels at density 1,
    /// origin top left), the data marks and axis lines text was checked against,
    /// and the violations in words.
    var jsonObject: [String: Any] {
        func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }
        func bbox(_ r: Rect) -> [Double] { [r.minX, r.minY, r.maxX, r.maxY].map(round) }
        let items: [[String: Any]] = layout.textBoxes.map { box in
            var item: [String: Any] = ["role": box.role.rawValue, "text": box.plainText, "bbox": bbox(box.rect)]
            if let data = box.item { item["item"] = data }
            return item
        }
        let checked: [[String: Any]] = layout.obstacles.filter { $0.role == .dataMark || $0.role == .axisLine }.map { obstacle in
            var entry: [String: Any] = ["role": obstacle.role.rawValue]
            switch obstacle.shape {
            case .rect(let r): entry["bbox"] = bbox(r)
            case .segment(let a, let b): entry["segment"] = [a.x, a.y, b.x, b.y].map(round)
            }
            if let data = obstacle.item { entry["item"] = data }
            return entry
        }
        return ["lesson": lesson, "figure": figure, "width": layout.size.width, "height": layout.size.height,
                "items": items, "marks": checked, "violations": violations.map(\.description)]
    }

    /// The JSON array `glmviz lesson --layout-report FILE` writes, one object per
    /// figure in render order.
    public static func json(_ records: [FigureLayoutRecord]) throws -> Data {
        try JSONSerialization.data(withJSONObject: records.map(\.jsonObject), options: [.prettyPrinted, .sortedKeys])
    }
}

extension PreparedLesson {
    /// The layout of every figure of the lesson, from the scene each figure
    /// was drawn into once (the same layout every format and density paints).
    func layoutRecords(_ figures: [(FigureSpec, FigureScene)]) -> [FigureLayoutRecord] {
        figures.map { figure, scene in
            FigureLayoutRecord(lesson: spec.name, figure: figure.id, layout: scene.layout)
        }
    }
}
