public import Foundation

/// Finds credentials the way botocore and the AWS CLI do, for the sources a thin client supports
/// (`../shared/spec/wire-protocol.md` §5). The first that has them wins:
///
/// 1. `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (with `AWS_SESSION_TOKEN`), unless `--profile` is given;
/// 2. the profile's section `[NAME]` of the shared credentials file;
/// 3. the profile's `credential_process` in the config file;
/// 4. the profile's keys in the config file (`[profile NAME]`, or `[default]`).
///
/// SSO, assume-role, web identity, container and instance credentials are not read; the error for a
/// profile that uses them says how to export them instead.
public struct CredentialChain: Sendable {
    /// Credentials and the place they came from (for `--debug` and errors; never the secret).
    public struct Resolved: Sendable, Equatable {
        /// The credentials.
        public var credentials: AWSCredentials
        /// Where they came from, such as `environment` or `profile 'dev' in /home/me/.aws/credentials`.
        public var source: String

        /// Creates a result.
        public init(credentials: AWSCredentials, source: String) {
            self.credentials = credentials
            self.source = source
        }
    }

    /// Where to look.
    public var environment: AWSEnvironment
    /// The current time, for checking expiry.
    public var now: Date

    /// Creates a chain over `environment`.
    public init(environment: AWSEnvironment, now: Date = Date()) {
        self.environment = environment
        self.now = now
    }

    /// The first credentials found, or an error that lists what was tried.
    public func resolve() throws(CredentialError) -> Resolved {
        if environment.explicitProfile == nil, let resolved = try fromEnvironment() { return resolved }
        let profile = environment.profile
        let credentialsFile = try environment.credentialsFile()
        let configFile = try environment.configFile()
        let credentialsSection = credentialsFile?.sections[profile]
        let configSection = configFile?.configProfile(profile)

        if let section = credentialsSection,
            let found = try Self.keys(in: section, source: "profile '\(profile)' in \(environment.credentialsFilePath)")
        {
            return found
        }
        if let command = configSection?["credential_process"], !command.isEmpty {
            let credentials = try CredentialProcess.run(command, profile: profile, now: now)
            return Resolved(credentials: credentials, source: "credential_process of profile '\(profile)'")
        }
        if let section = configSection,
            let found = try Self.keys(in: section, source: "profile '\(profile)' in \(environment.configFilePath)")
        {
            return found
        }
        throw missing(profile: profile, credentialsSection: credentialsSection, configSection: configSection)
    }

    private func fromEnvironment() throws(CredentialError) -> Resolved? {
        let key = environment["AWS_ACCESS_KEY_ID"]
        let secret = environment["AWS_SECRET_ACCESS_KEY"]
        switch (key, secret) {
        case (nil, nil): return nil
        case (.some, nil): throw CredentialError("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        case (nil, .some): throw CredentialError("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (.some(let key), .some(let secret)):
            if let expiration = environment["AWS_CREDENTIAL_EXPIRATION"] {
                try CredentialExpiry.check(expiration, source: "AWS_CREDENTIAL_EXPIRATION", now: now)
            }
            let token = environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"]
            return Resolved(
                credentials: AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token),
                source: "environment (AWS_ACCESS_KEY_ID)")
        }
    }

    /// The static keys of a section, nil when it has none, an error when it has only half of them.
    private static func keys(in section: [String: String], source: String) throws(CredentialError) -> Resolved? {
        let key = section["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = section["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        switch (key, secret) {
        case (nil, nil): return nil
        case (.some(let key), .some(let secret)):
            let token = section["aws_session_token"] ?? section["aws_security_token"]
            return Resolved(
                credentials: AWSCredentials(
                    accessKeyID: key, secretAccessKey: secret, sessionToken: token?.isEmpty == true ? nil : token),
                source: source)
        default:
            throw CredentialError("\(source) has only one of aws_access_key_id and aws_secret_access_key")
        }
    }

    private func missing(profile: String, credentialsSection: [String: String]?, configSection: [String: String]?)
        -> CredentialError
    {
        let export = "export them first, for example with `eval \"$(aws configure export-credentials --format env)\"`"
        if let section = configSection,
            let kind = ["sso_session", "sso_start_url", "role_arn", "web_identity_token_file", "credential_source"]
                .first(where: { section[$0] != nil })
        {
            return CredentialError(
                "profile '\(profile)' uses \(kind), which clmanifest does not read; \(export), "
                    + "or add `credential_process = aws configure export-credentials --profile \(profile) "
                    + "--format process` to a profile")
        }
        if environment.explicitProfile != nil || environment["AWS_PROFILE"] != nil || profile != "default",
            credentialsSection == nil, configSection == nil
        {
            return CredentialError(
                "profile '\(profile)' is in neither \(environment.credentialsFilePath) nor "
                    + "\(environment.configFilePath)")
        }
        return CredentialError(
            "no AWS credentials found: tried AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
                + (environment.explicitProfile != nil ? " (skipped: --profile given)" : "")
                + ", profile '\(profile)' in \(environment.credentialsFilePath), and credential_process or keys of "
                + "that profile in \(environment.configFilePath); set one of them, or \(export)")
    }
}
