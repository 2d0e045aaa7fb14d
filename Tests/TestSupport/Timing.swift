import Dispatch

/// Times two pieces of work fairly on a shared machine, for tests that check
/// how cost grows with input size.
public enum Timing {
    /// Seconds of the fastest of `rounds` runs of each of `first` and `second`,
    /// run in turn so that other work on the machine slows both alike.
    public static func fastest(_ first: () -> Void, _ second: () -> Void, rounds: Int = 7) -> (Double, Double) {
        var best = (Double.infinity, Double.infinity)
        func time(_ body: () -> Void) -> Double {
            let started = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
        for _ in 0..<rounds {
            best.0 = min(best.0, time(first))
            best.1 = min(best.1, time(second))
        }
        return best
    }
}
