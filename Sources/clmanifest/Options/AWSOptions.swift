import ArgumentParser
import ManifestUpload

/// The options that say which dataset to talk to and how: shared by `upload` and `pull`.
struct AWSOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The dataset's ARN.", valueName: "arn"))
    var datasetArn: String?

    @Option(help: ArgumentHelp("The project's name, to find the dataset instead of --dataset-arn.", valueName: "name"))
    var project: String?

    @Option(help: ArgumentHelp("With --project: the dataset, train or test.", valueName: "type"))
    var datasetType: DatasetType?

    @OptionGroup var service: ConnectionOptions

    @Option(help: ArgumentHelp("Seconds to wait for an answer before a call counts as failed.", valueName: "seconds"))
    var readTimeout: Double = 60

    @Option(help: .hidden)
    var retryBaseDelay: Double = 1

    /// A fixed interval between polls instead of the adaptive one (for tests).
    @Option(help: .hidden)
    var pollInterval: Double?

    func validate() throws {
        switch (datasetArn, project, datasetType) {
        case (.some, nil, nil), (nil, .some, .some): break
        case (.some, _, _): throw ValidationError("give --dataset-arn, or --project with --dataset-type, not both")
        case (nil, .some, nil): throw ValidationError("--project needs --dataset-type train or test")
        case (nil, nil, .some): throw ValidationError("--dataset-type needs --project")
        case (nil, nil, nil):
            throw ValidationError("give --dataset-arn ARN, or --project NAME --dataset-type train|test")
        }
        if let datasetArn, let problem = DatasetARN.problem(with: datasetArn) {
            throw ValidationError("--dataset-arn: \(problem)")
        }
        if readTimeout <= 0 { throw ValidationError("--read-timeout must be a positive number of seconds") }
    }
}

extension AWSOptions {
    /// The S3 settings of these options, for `s3://` outputs: the same region, profile and debug log; the
    /// endpoint from the environment only (`--endpoint-url` is Rekognition's).
    var s3Settings: S3Settings {
        var settings = S3Settings()
        settings.region = service.region
        settings.profile = service.profile
        settings.debug = service.debug
        settings.retryBaseDelay = retryBaseDelay
        return settings
    }

    /// The connection to the dataset these options name; a failure stops the command (exit 2).
    func connection() throws -> DatasetConnection {
        var settings = DatasetConnection.Settings(
            datasetARN: datasetArn, project: project, datasetType: datasetType?.rawValue)
        settings.region = service.region
        settings.endpointURL = service.endpointUrl
        settings.profile = service.profile
        settings.readTimeout = readTimeout
        settings.debug = service.debug
        settings.retryBaseDelay = retryBaseDelay
        do {
            return try DatasetConnection(settings) { Output.standardError($0 + "\n") }
        } catch {
            throw CommandFailure(message: error.message)
        }
    }
}

/// `--dataset-type` values.
enum DatasetType: String, ExpressibleByArgument, CaseIterable {
    case train
    case test
}
