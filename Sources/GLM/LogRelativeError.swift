import Foundation

/// Log relative error, the accuracy measure of McCullough (1998) used for the NIST
/// StRD: roughly the number of significant digits an estimate shares with the
/// certified value.
public enum LogRelativeError {
    /// Digits the certified values carry; an exact match scores this.
    public static let certifiedDigits = 15.0

    /// −log₁₀(|est − cert| / |cert|), or −log₁₀|est| when cert = 0, capped at
    /// `certifiedDigits`. A non-finite estimate scores 0.
    public static func of(_ estimate: Double, certified: Double) -> Double {
        guard estimate.isFinite else { return 0 }
        let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
        if error == 0 { return certifiedDigits }
        return min(-log10(error), certifiedDigits)
    }

    /// The smallest LRE over paired values.
    public static func minimum(_ estimates: [Double], certified: [Double]) -> Double {
        zip(estimates, certified).map { of($0, certified: $1) }.min() ?? certifiedDigits
    }
}
