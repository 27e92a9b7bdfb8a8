import Foundation
import ManifestKit
import ManifestUpload

/// A client for the dataset named on the command line: credentials, region and endpoint resolved, the
/// dataset's ARN known.
struct ServiceConnection {
    /// What the command line says about the connection.
    struct Settings {
        var datasetARN: String?
        var project: String?
        var datasetType: String?
        var region: String?
        var endpointURL: String?
        var profile: String?
        var readTimeout: Double = 60
        var debug = false
        var retryBaseDelay: Double = 1
        var signsRequests = true
    }

    /// Why there is no connection: the settings or environment (no credentials, no region), or the service
    /// (the project lookup failed).
    enum Failure: Error {
        case configuration(String)
        case service(String)

        var message: String {
            switch self {
            case .configuration(let message), .service(let message): return message
            }
        }
    }

    var client: RekognitionClient
    var datasetARN: String
    var region: RegionResolver.Resolved

    /// Resolves everything `settings` leave open; errors say what was tried.
    init(_ settings: Settings) throws(Failure) {
        let environment = AWSEnvironment.current(profile: settings.profile, region: settings.region)
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
            if settings.debug { log = { Output.standardError("debug: \($0)\n") } }
            var retry = RetryPolicy.standard(environment: environment)
            retry.baseDelay = settings.retryBaseDelay
            client = RekognitionClient(
                endpoint: endpoint,
                signer: SigV4Signer(
                    credentials: credentials.credentials, region: region.region, service: "rekognition"),
                transport: URLSessionTransport(), retryPolicy: retry, timeout: settings.readTimeout,
                signsRequests: settings.signsRequests, log: log)
            if settings.debug {
                Output.standardError(
                    "debug: credentials from \(credentials.source); region \(region.region) from \(region.source); "
                        + "endpoint \(endpoint.absoluteString)\n")
            }
        } catch {
            throw .configuration(error.description)
        }
        if let arn = settings.datasetARN {
            if let arnRegion = RegionResolver.region(inARN: arn), arnRegion != region.region {
                Output.standardError(
                    "warning: the dataset ARN is in \(arnRegion) but the region is \(region.region) "
                        + "(from \(region.source)); the service will not find the dataset there\n")
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

    /// A connection for `upload` and `pull`; any failure is one to run (exit 2).
    init(_ options: AWSOptions) throws {
        do {
            try self.init(
                Settings(
                    datasetARN: options.datasetArn, project: options.project,
                    datasetType: options.datasetType?.rawValue,
                    region: options.region, endpointURL: options.endpointUrl, profile: options.profile,
                    readTimeout: options.readTimeout, debug: options.debug, retryBaseDelay: options.retryBaseDelay))
        } catch {
            throw CommandFailure(message: error.message)
        }
    }

    /// Every entry of the dataset, with a count on a terminal while it comes.
    func pull(strippingServiceKeys: Bool) throws -> (manifest: [UInt8], entries: Int) {
        let progress = ProgressDisplay()
        defer { progress.end() }
        let puller = DatasetPuller(client: client, datasetARN: datasetARN, stripsServiceKeys: strippingServiceKeys) {
            progress.note("pulling the dataset: \(Count.grouped($0)) entries")
        }
        do {
            return try puller.pull()
        } catch {
            throw CommandFailure(message: "cannot read the dataset: \(error)")
        }
    }
}
