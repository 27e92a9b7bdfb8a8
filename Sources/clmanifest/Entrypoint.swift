import ArgumentParser
import ManifestKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the command and maps every outcome to the documented exit codes: 0, 1, or 2 when it could not run.
@main
enum Entrypoint {
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try CLManifest.parseAsRoot()
            try command.run()
        } catch let error as ManifestError {
            Output.standardError("error: \(error.description)\n")
            exit(ExitStatus.couldNotRun)
        } catch let error as CommandFailure {
            Output.standardError("error: \(error.message)\n")
            exit(ExitStatus.couldNotRun)
        } catch {
            let code = CLManifest.exitCode(for: error)
            let message = CLManifest.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Output.standardOutput(message + "\n") }
                exit(0)
            }
            if !message.isEmpty { Output.standardError(message + "\n") }
            // Usage errors exit 2 like ruff and ESLint, not 64 (EX_USAGE).
            exit(code == .validationFailure ? ExitStatus.couldNotRun : code.rawValue)
        }
    }
}
