/// Finds the region: `--region`, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the profile's `region`
/// in the config file (a profile without one does not fall back to `[default]`, as in botocore), else
/// the region in the dataset's ARN.
public struct RegionResolver: Sendable {
    /// A region and where it came from.
    public struct Resolved: Sendable, Equatable {
        /// The region, such as `us-east-1`.
        public var region: String
        /// Where it came from, such as `--region` or `AWS_REGION`.
        public var source: String
    }

    /// Where to look.
    public var environment: AWSEnvironment

    /// Creates a resolver over `environment`.
    public init(environment: AWSEnvironment) {
        self.environment = environment
    }

    /// The region.
    ///
    /// - Parameter arn: an ARN whose fourth field names a region, used when nothing else does.
    /// - Returns: the region and where it came from.
    /// - Throws: ``CredentialError`` listing what was tried, when nothing names a region.
    public func resolve(arn: String? = nil) throws(CredentialError) -> Resolved {
        if let region = environment.explicitRegion { return Resolved(region: region, source: "--region") }
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let region = environment[name] { return Resolved(region: region, source: name) }
        }
        let profile = environment.profile
        if let region = try environment.configFile()?.configProfile(profile)?["region"], !region.isEmpty {
            return Resolved(region: region, source: "profile '\(profile)' in \(environment.configFilePath)")
        }
        if let arn, let region = Self.region(inARN: arn) {
            return Resolved(region: region, source: "the dataset ARN")
        }
        throw CredentialError(
            "no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or add `region = …` to profile "
                + "'\(profile)' in \(environment.configFilePath)")
    }

    /// The region field of an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:…`), if it has one.
    public static func region(inARN arn: String) -> String? {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count >= 5, fields[0] == "arn", !fields[3].isEmpty else { return nil }
        return String(fields[3])
    }
}
