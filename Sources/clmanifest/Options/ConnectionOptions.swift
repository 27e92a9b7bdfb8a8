import ArgumentParser

/// How to reach the service: the region, the endpoint, the profile and the debug log.
///
/// Shared by the options of `upload` and `pull` (``AWSOptions``) and the AWS CLI's global options of
/// `update-dataset-entries`.
struct ConnectionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, the ARN).", valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("Send requests here instead of the region's endpoint.", valueName: "url"))
    var endpointUrl: String?

    @Option(help: ArgumentHelp("The profile of ~/.aws/credentials and ~/.aws/config to use.", valueName: "name"))
    var profile: String?

    @Flag(help: "Log every request and answer on standard error (signatures and tokens redacted).")
    var debug = false
}
