import ArgumentParser

/// The AWS CLI's global options, as `update-dataset-entries` accepts them.
///
/// A command line written for `aws rekognition update-dataset-entries` runs unchanged. Each help says what
/// the option does here.
struct AWSCLIGlobalOptions: ParsableArguments {
    @OptionGroup var service: ConnectionOptions

    @Flag(
        help:
            "Accepted; no effect: certificates are always verified here (use an http:// --endpoint-url for a local endpoint)."
    )
    var noVerifySsl = false

    @Flag(help: "Accepted; no effect: this command has one page of output, none.")
    var noPaginate = false

    @Option(
        help: ArgumentHelp(
            "Accepted; no effect: the command prints nothing on success (as the AWS CLI, whose output is None).",
            valueName: "format"))
    var output: AWSCLIOutputFormat?

    @Option(help: ArgumentHelp("Accepted; no effect: there is no output to query.", valueName: "expression"))
    var query: String?

    @Option(help: ArgumentHelp("Accepted; no effect: there is no coloured output.", valueName: "on|off|auto"))
    var color: AWSCLIColor?

    @Flag(help: "Send the request without a signature (the service will refuse it; for endpoints that do not check).")
    var noSignRequest = false

    @Option(help: ArgumentHelp("Accepted; no effect: the system's certificate store is used.", valueName: "path"))
    var caBundle: String?

    @Option(help: ArgumentHelp("Seconds to wait for an answer (default 60).", valueName: "seconds"))
    var cliReadTimeout: Double?

    @Option(
        help: ArgumentHelp(
            "Accepted; the wait for a connection is bounded by --cli-read-timeout.", valueName: "seconds"))
    var cliConnectTimeout: Double?

    @Option(
        help: ArgumentHelp(
            "How GroundTruth's text is read: base64 (the default, as AWS CLI v2) or raw-in-base64-out (the JSON Lines as they are).",
            valueName: "format"))
    var cliBinaryFormat: AWSCLIBinaryFormat = .base64

    @Flag(help: "Accepted; no effect: there is no output to page.")
    var noCliPager = false

    @Flag(help: "Accepted; no effect: clmanifest does not prompt for parameters.")
    var cliAutoPrompt = false

    @Flag(help: "Accepted; no effect: clmanifest does not prompt for parameters.")
    var noCliAutoPrompt = false
}

/// `--output` values.
enum AWSCLIOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, text, table, yaml
    case yamlStream = "yaml-stream"
}

/// `--color` values.
enum AWSCLIColor: String, ExpressibleByArgument, CaseIterable {
    case on, off, auto
}

/// `--cli-binary-format` values.
enum AWSCLIBinaryFormat: String, ExpressibleByArgument, CaseIterable {
    case base64
    case rawInBase64Out = "raw-in-base64-out"
}

/// `--generate-cli-skeleton` values.
enum AWSCLISkeleton: String, ExpressibleByArgument, CaseIterable {
    case input
    case yamlInput = "yaml-input"
    case output
}
