import Foundation

/// Where credentials and settings come from.
///
/// The environment variables, the files they name and the profile chosen on the command line. Tests
/// pass their own.
public struct AWSEnvironment: Sendable {
    /// The environment variables.
    public var variables: [String: String]
    /// `--profile`, when given (it then takes precedence over the environment's keys, as in botocore).
    public var explicitProfile: String?
    /// `--region`, when given.
    public var explicitRegion: String?

    /// Creates an environment.
    public init(variables: [String: String], explicitProfile: String? = nil, explicitRegion: String? = nil) {
        self.variables = variables
        self.explicitProfile = explicitProfile?.isEmpty == true ? nil : explicitProfile
        self.explicitRegion = explicitRegion?.isEmpty == true ? nil : explicitRegion
    }

    /// This process's environment.
    public static func current(profile: String? = nil, region: String? = nil) -> AWSEnvironment {
        AWSEnvironment(variables: ProcessInfo.processInfo.environment, explicitProfile: profile, explicitRegion: region)
    }

    /// The variable `name` when set and not empty.
    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// The profile in use: `--profile`, else `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE`, else `default`.
    public var profile: String {
        explicitProfile ?? self["AWS_PROFILE"] ?? self["AWS_DEFAULT_PROFILE"] ?? "default"
    }

    /// The shared credentials file: `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`.
    public var credentialsFilePath: String {
        expandingHome(self["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials")
    }

    /// The config file: `AWS_CONFIG_FILE`, else `~/.aws/config`.
    public var configFilePath: String {
        expandingHome(self["AWS_CONFIG_FILE"] ?? "~/.aws/config")
    }

    /// The parsed credentials file, or nil when it does not exist.
    public func credentialsFile() throws(CredentialError) -> INIFile? {
        try Self.readINI(credentialsFilePath)
    }

    /// The parsed config file, or nil when it does not exist.
    public func configFile() throws(CredentialError) -> INIFile? {
        try Self.readINI(configFilePath)
    }

    private static func readINI(_ path: String) throws(CredentialError) -> INIFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialError("cannot read '\(path)' (check its permissions)")
        }
        return INIFile(text: String(decoding: data, as: UTF8.self))
    }

    private func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = self["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}
