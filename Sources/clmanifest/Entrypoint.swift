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
        let arguments = Array(CommandLine.arguments.dropFirst())
        // update-dataset-entries answers as the AWS CLI does: its own return codes, its optional value.
        let awsStyle = arguments.first == CLManifest.UpdateDatasetEntries.configuration.commandName
        // `--select=` would take the next argument (often the file) as its value: refuse an empty `=` value.
        if let empty = arguments.prefix(while: { $0 != "--" }).first(where: { $0.hasPrefix("--") && $0.hasSuffix("=") })
        {
            Output.standardError("error: \(empty) has an empty value; give one after '=', or leave the option out\n")
            exit(awsStyle ? 252 : ExitStatus.couldNotRun)
        }
        do {
            var command = try CLManifest.parseAsRoot(awsStyle ? AWSCLIArguments.normalized(arguments) : arguments)
            try command.run()
        } catch let error as AWSCLIFailure {
            // As the AWS CLI: "An error occurred (Code) when calling …" after a blank line for the service's
            // refusals; the command's name before the others.
            let prefix = error.status == 254 ? "\n" : "clmanifest update-dataset-entries: error: "
            Output.standardError(prefix + error.message + "\n")
            exit(error.status)
        } catch let error as ManifestError {
            Output.standardError("error: \(error.description)\n")
            exit(ExitStatus.couldNotRun)
        } catch let error as CommandFailure {
            Output.standardError("error: \(error.message)\n")
            exit(ExitStatus.couldNotRun)
        } catch {
            let code = CLManifest.exitCode(for: error)
            var message = CLManifest.fullMessage(for: error)
            // One voice: lowercase `error:` as in every other message of ours.
            if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst("Error: ".count) }
            if code == .success {
                if !message.isEmpty { Output.standardOutput(message + "\n") }
                exit(0)
            }
            if !message.isEmpty { Output.standardError(message + "\n") }
            // Usage errors exit 2 like ruff and ESLint, not 64 (EX_USAGE); 252 for the AWS CLI drop-in.
            exit(code == .validationFailure ? (awsStyle ? 252 : ExitStatus.couldNotRun) : code.rawValue)
        }
    }
}
