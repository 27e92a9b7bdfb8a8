/// How many times a call is tried and how long to wait between tries: capped exponential backoff with
/// full jitter, as botocore's standard mode (`rand(0,1) × min(base × 2^(attempt−1), cap)`).
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included (botocore's legacy default is 5).
    public var maxAttempts: Int
    /// The first delay's upper bound, in seconds.
    public var baseDelay: Double
    /// The largest delay, in seconds.
    public var maxDelay: Double
    /// A number in 0..<1 (the jitter); tests make it fixed.
    public var random: @Sendable () -> Double

    /// Creates a policy.
    public init(
        maxAttempts: Int = 5, baseDelay: Double = 1, maxDelay: Double = 20,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
    }

    /// The default policy, with `AWS_MAX_ATTEMPTS` honoured when it is a positive number.
    public static func standard(environment: AWSEnvironment) -> RetryPolicy {
        RetryPolicy(maxAttempts: environment["AWS_MAX_ATTEMPTS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 5)
    }

    /// The wait, in seconds, after failed attempt number `attempt` (1-based).
    public func delay(afterAttempt attempt: Int) -> Double {
        let exponent = min(max(attempt - 1, 0), 30)
        return random() * min(baseDelay * Double(1 << exponent), maxDelay)
    }
}
