import Synchronization

/// Work items handed out by index to whichever thread asks next, and their results stored by index.
final class ResultSlots<Value: Sendable>: Sendable {
    private struct State {
        var next = 0
        var values: [Value]
    }

    private let state: Mutex<State>
    private let count: Int

    /// Slots for `count` results, each `initial` until stored.
    init(count: Int, initial: Value) {
        self.count = count
        state = Mutex(State(values: Array(repeating: initial, count: count)))
    }

    /// The next index to work on, or nil once all `count` have been handed out.
    func claim() -> Int? {
        state.withLock { state in
            guard state.next < count else { return nil }
            state.next += 1
            return state.next - 1
        }
    }

    /// Stores the result of item `index`.
    func store(_ value: Value, at index: Int) {
        state.withLock { $0.values[index] = value }
    }

    /// The results, once every thread is done.
    var values: [Value] { state.withLock { $0.values } }
}
