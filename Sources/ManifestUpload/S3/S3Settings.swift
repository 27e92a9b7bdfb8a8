/// What the command line says about reaching S3, and the client it makes: credentials as for `upload`,
/// the region (`us-east-1` when nothing names one: a bucket elsewhere is then found by its redirect), the
/// endpoint as the AWS SDKs take it.
public struct S3Settings: Sendable {
    /// `--region`, or nil for the environment's.
    public var region: String?
    /// `--endpoint-url`, or nil for the environment's or AWS's.
    public var endpointURL: String?
    /// `--profile`, or nil for `AWS_PROFILE`, else `default`.
    public var profile: String?
    /// Whether requests are signed (`--no-sign-request` turns it off, for public buckets).
    public var signsRequests = true
    /// Whether to log every request (`--debug`).
    public var debug = false
    /// Seconds to wait for each answer.
    public var timeout: Double = 60
    /// The first retry's delay, in seconds (shorter in tests).
    public var retryBaseDelay: Double = 1

    /// Settings from the environment alone.
    public init() {}

    /// The client these settings describe, with its transport; `notice` receives the debug log.
    public func client(
        transport: any HTTPTransport = CurlTransport(), notice: @escaping @Sendable (String) -> Void = { _ in }
    ) throws(S3Error) -> S3Client {
        let environment = AWSEnvironment.current(profile: profile, region: region)
        let region = (try? RegionResolver(environment: environment).resolve().region) ?? "us-east-1"
        var credentials: AWSCredentials?
        let endpoint: S3Endpoint
        do throws(TransportError) {
            try transport.prepare()
        } catch {
            throw .configuration(error.description)
        }
        do throws(CredentialError) {
            if signsRequests { credentials = try CredentialChain(environment: environment).resolve().credentials }
            endpoint = try S3Endpoint.resolve(explicit: endpointURL, environment: environment)
        } catch {
            throw .configuration(error.description)
        }
        var retry = RetryPolicy.standard(environment: environment)
        retry.baseDelay = retryBaseDelay
        var log: (@Sendable (String) -> Void)?
        if debug { log = { line in notice("debug: " + line) } }
        return S3Client(
            credentials: credentials, region: region, endpoint: endpoint, transport: transport, retry: retry,
            timeout: timeout, log: log)
    }
}
