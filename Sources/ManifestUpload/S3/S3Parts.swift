import Dispatch
import Synchronization

/// Runs the parts of a large read or write on several threads: each thread takes the next part until
/// there are none, or one has failed (then no new part starts, and the first failure is thrown).
enum S3Parts {
    /// Calls `body` with each index below `count`, on up to `concurrency` threads.
    static func run(
        _ count: Int, concurrency: Int, _ body: @Sendable (_ index: Int) throws(S3Error) -> Void
    ) throws(S3Error) {
        let state = Mutex((next: 0, failure: S3Error?.none))
        DispatchQueue.concurrentPerform(iterations: max(1, min(concurrency, count))) { _ in
            while true {
                let claimed: Int? = state.withLock { state in
                    guard state.failure == nil, state.next < count else { return nil }
                    state.next += 1
                    return state.next - 1
                }
                guard let index = claimed else { return }
                do throws(S3Error) {
                    try body(index)
                } catch {
                    state.withLock { $0.failure = $0.failure ?? error }
                }
            }
        }
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }
}
