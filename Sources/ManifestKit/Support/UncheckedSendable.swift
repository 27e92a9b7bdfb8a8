/// A value handed to other threads that only read it, or that each touch their own part of it: the
/// compiler cannot see that, so the wrapper says it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
