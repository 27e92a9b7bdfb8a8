import ArgumentParser
import ManifestUpload

/// How to reach S3 for `s3://` manifests: region, endpoint, profile, unsigned requests, concurrency.
///
/// The endpoint is `--endpoint-url`, else `AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`, else the
/// profile's `endpoint_url`, else AWS's; credentials as for `upload`.
struct S3Options: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "For s3:// paths: the AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, else us-east-1; "
                + "a bucket elsewhere is followed).", valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("For s3:// paths: send S3 requests here (path-style addressing).", valueName: "url"))
    var endpointUrl: String?

    @Option(
        help: ArgumentHelp("For s3:// paths: the profile of ~/.aws/credentials and ~/.aws/config.", valueName: "name"))
    var profile: String?

    @Flag(help: "For s3:// paths: send S3 requests unsigned (public buckets).")
    var noSignRequest = false

    @Option(help: ArgumentHelp("For s3:// paths: S3 requests in flight at once.", valueName: "n"))
    var s3Concurrency = 32

    @Flag(help: "Log every S3 request and answer on standard error.")
    var debug = false

    @Option(help: .hidden)
    var retryBaseDelay: Double = 1

    func validate() throws {
        if s3Concurrency < 1 { throw ValidationError("--s3-concurrency must be at least 1") }
    }

    /// The settings these options give.
    var settings: S3Settings {
        var settings = S3Settings()
        settings.region = region
        settings.endpointURL = endpointUrl
        settings.profile = profile
        settings.signsRequests = !noSignRequest
        settings.debug = debug
        settings.retryBaseDelay = retryBaseDelay
        return settings
    }
}
