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

    @Option(
        help: ArgumentHelp(
            "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, the ARN).", valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("Send requests here instead of the region's endpoint.", valueName: "url"))
    var endpointUrl: String?

    @Option(help: ArgumentHelp("The profile of ~/.aws/credentials and ~/.aws/config to use.", valueName: "name"))
    var profile: String?

    @Option(help: ArgumentHelp("Seconds to wait for an answer before a call counts as failed.", valueName: "seconds"))
    var readTimeout: Double = 60

    @Flag(help: "Log every request and answer on standard error (signatures and tokens redacted).")
    var debug = false

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

/// `--dataset-type` values.
enum DatasetType: String, ExpressibleByArgument, CaseIterable {
    case train
    case test
}
