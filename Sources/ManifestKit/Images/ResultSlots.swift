import Foundation

/// Results that worker threads store by index, each slot written by exactly one thread.
final class ResultSlots: @unchecked Sendable {
    private var slots: [ImageFile]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: .missing, count: count)
    }

    func store(_ value: ImageFile, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    var values: [ImageFile] { lock.withLock { slots } }

    /// Hands out indices 0, 1, 2, … to whichever thread asks next.
    final class Counter: @unchecked Sendable {
        private var next = 0
        private let lock = NSLock()

        /// The next index, or nil once `count` have been handed out.
        func take(below count: Int) -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                next += 1
                return next - 1
            }
        }
    }
}
