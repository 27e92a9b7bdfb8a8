#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// On Ctrl-C during an upload: say that a re-run resumes, and exit 130 as shells expect.
///
/// The journal is written with fsync after every confirmed batch, so nothing more needs saving here.
enum InterruptNotice {
    /// Installs the handler; it prints `message`.
    static func install(message: StaticString = "\ninterrupted: run the same command again to resume the upload\n") {
        notice = message
        signal(SIGINT) { _ in
            _ = write(2, InterruptNotice.notice.utf8Start, InterruptNotice.notice.utf8CodeUnitCount)
            _exit(130)
        }
    }

    /// What the handler prints (set before it is installed, read only by it).
    nonisolated(unsafe) private static var notice: StaticString = ""

}
