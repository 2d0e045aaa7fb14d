import CRmath

// Thin wrappers over R's standalone math library, so every density, tail area and
// quantile in glmviz is the one R prints. Nothing here is computed by hand.
//
// Arguments outside a distribution's domain (a negative standard deviation, zero
// degrees of freedom, a probability outside [0, 1]) give `NaN`, as in R.

/// The normal distribution 𝒩(mean, sd²).
public struct NormalDistribution: Sendable, Equatable {
    public let mean: Double
    public let standardDeviation: Double

    public init(mean: Double = 0, standardDeviation: Double = 1) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Density at `x` (R's `dnorm`).
    public func density(_ x: Double) -> Double {
        dnorm4(x, mean, standardDeviation, 0)
    }

    /// P(X ≤ x) (R's `pnorm`).
    public func cdf(_ x: Double) -> Double {
        pnorm5(x, mean, standardDeviation, 1, 0)
    }

    /// P(X > x), computed directly so far-tail areas keep their digits.
    public func survival(_ x: Double) -> Double {
        pnorm5(x, mean, standardDeviation, 0, 0)
    }

    /// The `p` quantile (R's `qnorm`).
    public func quantile(_ p: Double) -> Double {
        qnorm5(p, mean, standardDeviation, 1, 0)
    }
}

/// Student's t distribution with `degreesOfFreedom` degrees of freedom.
public struct StudentTDistribution: Sendable, Equatable {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// Density at `x` (R's `dt`).
    public func density(_ x: Double) -> Double {
        dt(x, degreesOfFreedom, 0)
    }

    /// P(T ≤ t) (R's `pt`).
    public func cdf(_ t: Double) -> Double {
        pt(t, degreesOfFreedom, 1, 0)
    }

    /// P(T > t), computed directly so far-tail areas keep their digits.
    public func survival(_ t: Double) -> Double {
        pt(t, degreesOfFreedom, 0, 0)
    }

    /// Two-sided p-value P(|T| ≥ |t|), as R's `summary.lm` reports it.
    public func twoSidedPValue(_ t: Double) -> Double {
        2 * pt(-Swift.abs(t), degreesOfFreedom, 1, 0)
    }

    /// The `p` quantile (R's `qt`).
    public func quantile(_ p: Double) -> Double {
        qt(p, degreesOfFreedom, 1, 0)
    }
}

/// The F distribution with `numerator` and `denominator` degrees of freedom.
public struct FDistribution: Sendable, Equatable {
    public let numeratorDegreesOfFreedom: Double
    public let denominatorDegreesOfFreedom: Double

    public init(numerator: Double, denominator: Double) {
        numeratorDegreesOfFreedom = numerator
        denominatorDegreesOfFreedom = denominator
    }

    /// Density at `x` (R's `df`).
    public func density(_ x: Double) -> Double {
        CRmath.df(x, numeratorDegreesOfFreedom, denominatorDegreesOfFreedom, 0)
    }

    /// P(F ≤ x) (R's `pf`).
    public func cdf(_ x: Double) -> Double {
        pf(x, numeratorDegreesOfFreedom, denominatorDegreesOfFreedom, 1, 0)
    }

    /// P(F > x): the p-value of an F test, computed directly (not 1 − cdf) so small
    /// p-values keep their digits.
    public func survival(_ x: Double) -> Double {
        pf(x, numeratorDegreesOfFreedom, denominatorDegreesOfFreedom, 0, 0)
    }

    /// The `p` quantile (R's `qf`).
    public func quantile(_ p: Double) -> Double {
        qf(p, numeratorDegreesOfFreedom, denominatorDegreesOfFreedom, 1, 0)
    }
}
