import _FuzzTargets

#if canImport(Glibc)
    import Glibc
#endif

/// Runs libFuzzer on the `fix` harness (see FuzzTargets); the arguments are libFuzzer's.
@main
enum Harness {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzer(&argc, &argv, fuzzOneInput))
    }
}

/// One input; also exported under libFuzzer's name, for a link that uses libFuzzer's own `main`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzTargets.named("fix")?(bytes)
    return 0
}

/// libFuzzer's driver, from the runtime that -sanitize=fuzzer links.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
