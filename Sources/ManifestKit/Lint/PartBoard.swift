/// Hands the parts of a file to worker threads in order, at most `window` ahead of the merge, and their
/// results back to the merging thread in order.
final class PartBoard<Result>: @unchecked Sendable {
    private let condition = Condition()
    // Guarded by `condition`.
    private var results: [Int: Result] = [:]
    private var next = 0
    private var merged = 0
    private var cancelled = false
    private let count: Int
    private let window: Int

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next part to check, once the window allows it; nil when there are none or the run stopped.
    func claim() -> Int? {
        condition.withLock {
            while !cancelled && next < count && next - merged >= window { condition.wait() }
            guard !cancelled, next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Posts the result of part `index`.
    func post(_ result: Result, at index: Int) {
        condition.withLock {
            results[index] = result
            condition.broadcast()
        }
    }

    /// The result of part `index`, once posted.
    func take(_ index: Int) -> Result {
        condition.withLock {
            while true {
                if let result = results.removeValue(forKey: index) {
                    merged = index + 1
                    condition.broadcast()
                    return result
                }
                condition.wait()
            }
        }
    }

    /// Stops handing out parts.
    func cancel() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
    }
}
