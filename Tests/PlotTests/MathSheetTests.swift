import Foundation
@testable import Plot
import XCTest

/// Renders the test expressions to `.build/math-sheet.png` for looking at.
final class MathSheetTests: XCTestCase {
    static let expressions: [(tex: String, style: MathStyle)] = [
        ("\\frac{a+b}{c}", .display), ("\\sqrt{x}", .display), ("\\sqrt[3]{x^2+y^2}", .display),
        ("x_i^2 + R^2 + e_{ij}", .display), ("\\sum_{i=1}^n x_i", .display), ("\\sum_{i=1}^n x_i", .text),
        ("\\prod_{j=1}^{p} \\beta_j", .display), ("\\int_0^1 f(x)\\,dx", .display),
        ("\\left( \\frac{a}{b} \\right)", .display), ("\\hat{\\beta} + \\bar{Y} + \\tilde{y} + \\widehat{xy}", .display),
        ("\\mathbf{Y} = \\mathbf{X}\\boldsymbol{\\beta} + \\boldsymbol{\\epsilon}", .display),
        ("\\epsilon \\sim \\mathcal{N}(0, \\sigma^2)", .display), ("X'X", .display),
        ("\\underset{\\text{Data}}{\\mathbf{Y}} = \\underset{\\text{Design}}{\\mathbf{X}}\\,\\boldsymbol{\\beta}", .display),
        ("\\begin{bmatrix} 1 & x_1 \\\\ 1 & x_2 \\\\ \\vdots & \\vdots \\\\ 1 & x_n \\end{bmatrix}", .display),
        ("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", .display),
        ("\\hat{\\boldsymbol{\\beta}} = (\\mathbf{X}'\\mathbf{X})^{-1}\\mathbf{X}'\\mathbf{Y}", .display),
        ("\\operatorname{Cov}(\\hat{\\boldsymbol{\\beta}}) = \\hat{\\sigma}^2 (\\mathbf{X}'\\mathbf{X})^{-1}", .display),
        ("\\begin{align} Y_i &= \\beta_0 + \\beta_1 X_i + \\epsilon_i \\\\ \\epsilon_i &\\sim \\mathcal{N}(0, \\sigma^2) \\end{align}", .display),
        ("a \\cdots b \\ldots c \\ddots", .display),
        ("\\left[ \\sum_{i=1}^n \\left( \\frac{x_i - \\bar{x}}{s} \\right)^2 \\right]", .display),
    ]

    /// Each reference expression alone at LaTeX's render scale (600 dpi at
    /// 10 pt: 83.3 px to the em), in `.build/math-renders/<id>.png`, to view
    /// beside `scripts/latex-math-reference --renders`.
    func testWriteRendersOfTheReferenceExpressions() throws {
        let reference: MathReferenceTests.Reference = try MathReferenceTests.load("reference")
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/math-renders")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for e in reference.expressions {
            var sheet = MathSheet(expressions: [(e.tex, e.style == "text" ? .text : .display)])
            sheet.fontSize = 83.3 / 2
            sheet.showsSource = false
            let png = try sheet.pngData(scale: 2)
            // Every expression draws ink (dark pixels), so none is silently empty.
            let image = try RGBAImage(pngData: png)
            let dark = stride(from: 0, to: image.pixels.count, by: 4).filter { image.pixels[$0] < 128 }.count
            XCTAssertGreaterThan(dark, 100, e.id)
            try? Data(png).write(to: folder.appendingPathComponent("\(e.id).png"))
        }
    }

    func testWriteSheet() throws {
        let sheet = MathSheet(expressions: Self.expressions)
        let data = try sheet.pngData(scale: 2)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/math-sheet.png")
        try? Data(data).write(to: url)
        // The sheet is as tall as its rows' boxes say (20 px to the em, 16 px between rows).
        let setter = try MathTypesetter(family: "Latin Modern Math")
        let rows = try Self.expressions.map { try setter.typeset($0.tex, style: $0.style) }
        XCTAssertEqual(sheet.size.height, rows.reduce(20) { $0 + ($1.height + $1.depth) * 20 + 16 }, accuracy: 1e-6)
        XCTAssertEqual(Double(try RGBAImage(pngData: data).height), sheet.size.height * 2, accuracy: 1)
    }
}
