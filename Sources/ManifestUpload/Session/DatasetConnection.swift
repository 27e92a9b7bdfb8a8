import Foundation

/// A client for one dataset: credentials, region and endpoint resolved, the dataset's ARN known (looked up
/// from a project when not given).
public struct DatasetConnection: Sendable {
    /// What the command line says about the connection.
    public struct Settings: Sendable {
        /// The dataset's ARN, or nil to look it up from ``project`` and ``datasetType``.
        public var datasetARN: String?
        /// The project whose dataset to use when there is no ARN.
        public var project: String?
        /// `train` or `test`.
        public var datasetType: String?
        /// The region given on the command line (nil: from the environment).
        public var region: String?
        /// An endpoint to use instead of the region's.
        public var endpointURL: String?
        /// The profile of `~/.aws/credentials` and `~/.aws/config` (nil: `AWS_PROFILE`, else `default`).
        public var profile: String?
        /// Seconds to wait for an answer.
        public var readTimeout: Double = 60
        /// Whether to log every request and answer (``notice``).
        public var debug = false
        /// The first retry's delay, in seconds (shorter in tests).
        public var retryBaseDelay: Double = 1
        /// Whether requests are signed (`--no-sign-request` turns it off).
        public var signsRequests = true

        /// Settings for the dataset `datasetARN`, or for a project's dataset.
        public init(datasetARN: String? = nil, project: String? = nil, datasetType: String? = nil) {
            self.datasetARN = datasetARN
            self.project = project
            self.datasetType = datasetType
        }
    }

    /// Why there is no connection: the settings or environment (no credentials, no region), or the service
    /// (the project lookup failed).
    public enum Failure: Error, Sendable {
        case configuration(String)
        case service(String)

        /// One sentence.
        public var message: String {
            switch self {
            case .configuration(let message), .service(let message): return message
            }
        }
    }

    /// The client, signing for the resolved credentials and region.
    public var client: RekognitionClient
    /// The dataset, as given or looked up.
    public var datasetARN: String
    /// The region and where it came from.
    public var region: RegionResolver.Resolved

    /// Resolves everything `settings` leave open.
    ///
    /// - Parameters:
    ///   - settings: what the command line says.
    ///   - notice: receives warnings (an ARN in another region) and, with ``Settings/debug``, where each
    ///     setting came from and every request; one line each, without a newline.
    /// - Throws: ``Failure``, saying what was tried.
    public init(_ settings: Settings, notice: @escaping @Sendable (String) -> Void) throws(Failure) {
        let environment = AWSEnvironment.current(profile: settings.profile, region: settings.region)
        let transport = CurlTransport()
        do throws(TransportError) {
            try transport.prepare()
        } catch {
            throw .configuration(error.description)
        }
        do {
            region = try RegionResolver(environment: environment).resolve(arn: settings.datasetARN)
            let credentials =
                settings.signsRequests
                ? try CredentialChain(environment: environment).resolve()
                : CredentialChain.Resolved(
                    credentials: AWSCredentials(accessKeyID: "", secretAccessKey: ""),
                    source: "none (--no-sign-request)")
            let endpoint = try RekognitionEndpoint.resolve(
                region: region.region, explicit: settings.endpointURL, environment: environment)
            var log: (@Sendable (String) -> Void)?
            if settings.debug { log = { notice("debug: \($0)") } }
            var retry = RetryPolicy.standard(environment: environment)
            retry.baseDelay = settings.retryBaseDelay
            client = RekognitionClient(
                endpoint: endpoint,
                signer: SigV4Signer(
                    credentials: credentials.credentials, region: region.region, service: "rekognition"),
                transport: transport, retryPolicy: retry, timeout: settings.readTimeout,
                signsRequests: settings.signsRequests, log: log)
            if settings.debug {
                notice(
                    "debug: credentials from \(credentials.source); region \(region.region) from \(region.source); "
                        + "endpoint \(endpoint.absoluteString); HTTP through \(transport.libraryVersion)")
            }
        } catch {
            throw .configuration(error.description)
        }
        if let arn = settings.datasetARN {
            if let arnRegion = RegionResolver.region(inARN: arn), arnRegion != region.region {
                notice(
                    "warning: the dataset ARN is in \(arnRegion) but the region is \(region.region) "
                        + "(from \(region.source)); the service will not find the dataset there")
            }
            datasetARN = arn
            return
        }
        let project = settings.project ?? ""
        let type = settings.datasetType ?? "train"
        let found: String?
        do {
            found = try client.datasetARN(project: project, datasetType: type)
        } catch {
            throw .service("cannot look up project '\(project)': \(error)")
        }
        guard let found else {
            throw .service("project '\(project)' has no \(type) dataset in \(region.region) (DescribeProjects)")
        }
        datasetARN = found
    }

    /// Every entry of the dataset as a manifest, and how many; `onPage` receives the running count.
    public func pull(strippingServiceKeys: Bool, onPage: @escaping (Int) -> Void = { _ in }) throws -> (
        manifest: [UInt8], entries: Int
    ) {
        try DatasetPuller(
            client: client, datasetARN: datasetARN, stripsServiceKeys: strippingServiceKeys, onPage: onPage
        )
        .pull()
    }
}
