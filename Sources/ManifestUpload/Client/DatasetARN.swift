/// The form of a dataset ARN, as the API's `DatasetArn` pattern gives it:
/// `arn:PARTITION:rekognition:REGION:ACCOUNT:project/NAME/dataset/train|test/TIMESTAMP`.
public enum DatasetARN {
    /// Why `arn` is not a dataset ARN, in one sentence; nil when it is one.
    public static func problem(with arn: String) -> String? {
        let pattern =
            /arn:[a-z\d-]+:rekognition:[a-z\d-]+:\d{12}:project\/[a-zA-Z0-9_.\-]{1,255}\/dataset\/(train|test)\/[0-9]+/
        if (20...2048).contains(arn.count), arn.wholeMatch(of: pattern) != nil { return nil }
        var problem =
            "'\(arn)' is not a dataset ARN: expected "
            + "arn:aws:rekognition:REGION:ACCOUNT:project/NAME/dataset/train|test/TIMESTAMP"
        if arn.contains(":project/"), !arn.contains("/dataset/") {
            problem +=
                " (this looks like a project ARN; give --project NAME --dataset-type train|test, or the "
                + "dataset's ARN from DescribeProjects)"
        }
        return problem
    }
}
