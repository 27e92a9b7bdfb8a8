import Foundation
import ManifestUpload

/// A client for the dataset named on the command line: credentials, region and endpoint resolved, the
/// dataset's ARN known.
struct ServiceConnection {
    var client: RekognitionClient
    var datasetARN: String
    var region: RegionResolver.Resolved
    var credentialSource: String

    /// Resolves everything `options` leave open; errors say what was tried (exit 2).
    init(_ options: AWSOptions) throws {
        let environment = AWSEnvironment.current(profile: options.profile, region: options.region)
        do {
            region = try RegionResolver(environment: environment).resolve(arn: options.datasetArn)
            let credentials = try CredentialChain(environment: environment).resolve()
            credentialSource = credentials.source
            let endpoint = try RekognitionEndpoint.resolve(
                region: region.region, explicit: options.endpointUrl, environment: environment)
            let debug = options.debug
            var log: (@Sendable (String) -> Void)?
            if debug { log = { Output.standardError("debug: \($0)\n") } }
            var retry = RetryPolicy.standard(environment: environment)
            retry.baseDelay = options.retryBaseDelay
            client = RekognitionClient(
                endpoint: endpoint,
                signer: SigV4Signer(
                    credentials: credentials.credentials, region: region.region, service: "rekognition"),
                transport: URLSessionTransport(), retryPolicy: retry, timeout: options.readTimeout,
                log: log)
            if debug {
                Output.standardError(
                    "debug: credentials from \(credentials.source); region \(region.region) from \(region.source); "
                        + "endpoint \(endpoint.absoluteString)\n")
            }
        } catch {
            throw CommandFailure(message: error.description)
        }
        if let arn = options.datasetArn {
            if let arnRegion = RegionResolver.region(inARN: arn), arnRegion != region.region {
                Output.standardError(
                    "warning: the dataset ARN is in \(arnRegion) but the region is \(region.region) "
                        + "(from \(region.source)); the service will not find the dataset there\n")
            }
            datasetARN = arn
        } else {
            let project = options.project ?? ""
            let type = options.datasetType?.rawValue ?? "train"
            let found: String?
            do {
                found = try client.datasetARN(project: project, datasetType: type)
            } catch {
                throw CommandFailure(message: "cannot look up project '\(project)': \(error)")
            }
            guard let found else {
                throw CommandFailure(
                    message: "project '\(project)' has no \(type) dataset in \(region.region) (DescribeProjects)")
            }
            datasetARN = found
        }
    }

    /// Every entry of the dataset, with a count on a terminal while it comes.
    func pull(strippingServiceKeys: Bool) throws -> (manifest: [UInt8], entries: Int) {
        let progress = ProgressDisplay()
        defer { progress.end() }
        let puller = DatasetPuller(client: client, datasetARN: datasetARN, stripsServiceKeys: strippingServiceKeys) {
            progress.note("pulling the dataset: \(ProgressDisplay.grouped($0)) entries")
        }
        do {
            return try puller.pull()
        } catch {
            throw CommandFailure(message: "cannot read the dataset: \(error)")
        }
    }
}
