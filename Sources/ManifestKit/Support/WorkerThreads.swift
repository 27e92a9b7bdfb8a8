import Foundation

/// Threads of their own for work that waits on the disk, such as reading image headers: more of them than
/// there are cores keeps more reads in flight, where `DispatchQueue.concurrentPerform` runs only as many
/// as there are cores.
enum WorkerThreads {
    /// Runs `body(index)` for each index below `count`, each on a new thread, and returns when all are done.
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let finished = Finished()
        for index in 0..<count {
            Thread.detachNewThread {
                body(index)
                finished.condition.withLock {
                    finished.count += 1
                    finished.condition.broadcast()
                }
            }
        }
        finished.condition.withLock {
            while finished.count < count { finished.condition.wait() }
        }
    }

    /// How many threads have finished, guarded by its condition.
    private final class Finished: @unchecked Sendable {
        let condition = Condition()
        var count = 0
    }
}
