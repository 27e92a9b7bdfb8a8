/// A failure the test server injects into one call.
package enum Fault: Sendable, Equatable {
    /// 500 `ThrottlingException` (the documented status); nothing is done.
    case throttle
    /// 400 `ProvisionedThroughputExceededException`; nothing is done.
    case throughputExceeded
    /// 500 `InternalServerError` before acting; nothing is done.
    case internalError
    /// The call is carried out, then answered with 500 `InternalServerError`.
    case internalErrorAfterApplying
    /// The connection is closed before the call is carried out.
    case dropBeforeApplying
    /// The call is carried out, then the connection is closed without an answer.
    case dropAfterApplying
    /// `UpdateDatasetEntries` is accepted, but the update ends `UPDATE_FAILED` and applies nothing.
    case updateFailed(String)
    /// The answer comes after the given seconds.
    case slow(Double)
    /// 400 `ResourceInUseException` without acting (another client's update got in first).
    case busy
    /// 200 with a body that is not JSON.
    case garbledAnswer
}
