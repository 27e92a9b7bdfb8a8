#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mutex with a condition variable, for threads that wait for each other's results.
///
/// The parts of a parallel lint wait here; plain shared state is guarded by `Mutex` (Synchronization)
/// instead.
package final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let variable = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    package init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(variable, nil)
    }

    deinit {
        pthread_cond_destroy(variable)
        pthread_mutex_destroy(mutex)
        variable.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` with the mutex held; `body` may ``wait()``.
    package func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Releases the mutex until another thread calls ``broadcast()``, then takes it again; call only within
    /// ``withLock(_:)``.
    package func wait() { pthread_cond_wait(variable, mutex) }

    /// Wakes every waiting thread; call within ``withLock(_:)``.
    package func broadcast() { pthread_cond_broadcast(variable) }
}
