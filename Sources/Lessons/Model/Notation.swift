import Support

/// The symbols every figure of a lesson writes, chosen once per lesson so that
/// one figure does not say Ŷ and X while the next says y and x.
///
/// The default is the chapter's: lower-case yᵢ and xᵢ for observations and
/// variables, ŷ for the fitted value, β̂ⱼ for estimates, E(y) for the mean.
/// `case: upper` gives Kutner's Y, X, Ŷ and E(Y); `estimates: b` gives the
/// b₀, b₁ of many applied texts; `p-values: apa` writes p as APA style does
/// (p = .038, p < .001). Every symbol is TeX for the label language.
public struct Notation: Sendable, Equatable {
    public enum LetterCase: String, Sendable, CaseIterable { case lower, upper }
    public enum Estimates: String, Sendable, CaseIterable {
        case betaHat = "beta-hat"
        case b
    }

    public var letterCase: LetterCase = .lower
    public var estimates: Estimates = .betaHat
    /// Significant digits of a number standing alone in a figure's label (an
    /// equation's coefficients, β̂ beside its arrow, σ̂): 4 by default, 2 to 8.
    /// Tables print each estimate to its standard error's precision instead.
    public var digits = NumberFormat.labelDigits
    public static let digitRange = 2...8
    /// Decimals fixed for the quantities of coefficient tables (see `TableDecimals`).
    public var decimals = TableDecimals()
    /// How p-values are written: with a leading zero as R and Kutner do, or APA's.
    public var pValues: NumberStyle.PValues = .leadingZero

    /// The number style for `output` with this lesson's p-values.
    public func style(_ output: NumberStyle.Output) -> NumberStyle {
        var style = NumberStyle(output: output)
        style.pValues = pValues
        return style
    }

    public init(letterCase: LetterCase = .lower, estimates: Estimates = .betaHat) {
        self.letterCase = letterCase
        self.estimates = estimates
    }

    /// The response, `y` or `Y`.
    public var response: String { letterCase == .lower ? "y" : "Y" }

    /// The fitted value, `\hat{y}` or `\hat{Y}`.
    public var fitted: String { "\\hat{\(response)}" }

    /// The mean of the response at given predictors, `E(y)` or `E(Y)`.
    public var expectation: String { "E(\(response))" }

    /// The predictor: `x`, or `x_{j}` when a model has several.
    public func predictor(_ j: Int? = nil) -> String {
        let letter = letterCase == .lower ? "x" : "X"
        return j.map { "\(letter)_{\($0)}" } ?? letter
    }

    /// The estimate of coefficient `j`: `\hat{\beta}_{j}` or `b_{j}`.
    public func estimate(_ j: Int) -> String { estimate(index: "\(j)") }

    /// The estimate with a symbolic index, `\hat{\beta}_{j}` or `b_{j}`.
    public func estimate(index: String) -> String {
        estimates == .betaHat ? "\\hat{\\beta}_{\(index)}" : "b_{\(index)}"
    }

    /// The symbol for estimates in a table header: `\hat{\beta}` or `b`.
    public var estimateSymbol: String { estimates == .betaHat ? "\\hat{\\beta}" : "b" }

    /// The fitted equation `ŷ = b₀ + b₁x₁ + …` with the numbers already
    /// formatted: `intercept` and each `(sign-and-value, predictor)` term.
    public func fittedEquation(intercept: String, terms: [(String, String)]) -> String {
        ([fitted, "=", intercept] + terms.map { "\($0.0)\($0.1)" }).joined(separator: " ")
    }
}

extension LessonSpec {
    /// Keys of `notation:`.
    static let notationKeys = ["case", "estimates", "p-values", "digits", "decimals"]
}
