#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// On Ctrl-C during an upload: say that a re-run resumes, and exit 130 as shells expect.
///
/// The journal is written with fsync after every confirmed batch, so nothing more needs saving here.
enum InterruptNotice {
    static func install() {
        signal(SIGINT) { _ in
            let message = "\ninterrupted: run the same command again to resume the upload\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(130)
        }
    }
}
