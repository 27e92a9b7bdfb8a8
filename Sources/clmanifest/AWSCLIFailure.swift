/// A failure of `update-dataset-entries`, with the AWS CLI v2's return code: 252 (bad syntax or
/// parameter), 253 (bad environment or configuration), 254 (the service refused), 255 (anything else).
struct AWSCLIFailure: Error {
    var status: Int32
    var message: String

    static func parameter(_ message: String) -> AWSCLIFailure { AWSCLIFailure(status: 252, message: message) }
    static func environment(_ message: String) -> AWSCLIFailure { AWSCLIFailure(status: 253, message: message) }
    static func service(_ message: String) -> AWSCLIFailure { AWSCLIFailure(status: 254, message: message) }
    static func other(_ message: String) -> AWSCLIFailure { AWSCLIFailure(status: 255, message: message) }
}
