/// How often `DescribeDataset` is asked while an update runs: quickly at first, then less often, since
/// small updates finish in seconds and large ones in minutes.
public struct PollPolicy: Sendable {
    /// The first wait, in seconds.
    public var initialInterval: Double
    /// The longest wait between two polls, in seconds.
    public var maxInterval: Double
    /// How much each wait grows.
    public var growth: Double
    /// How long to wait in all before giving up, in seconds.
    public var timeout: Double

    /// Creates a policy; the defaults wait 1 s, then up to 10 s, for at most 6 hours.
    public init(initialInterval: Double = 1, maxInterval: Double = 10, growth: Double = 1.5, timeout: Double = 21_600) {
        self.initialInterval = initialInterval
        self.maxInterval = maxInterval
        self.growth = growth
        self.timeout = timeout
    }

    /// The wait after `polls` polls.
    public func interval(afterPolls polls: Int) -> Double {
        var interval = initialInterval
        for _ in 0..<min(polls, 64) where interval < maxInterval { interval *= growth }
        return min(interval, maxInterval)
    }
}
