import Foundation
import ManifestUpload
import Testing

/// Credentials and region, found in the order botocore uses, from an environment the test makes.
@Suite struct CredentialChainTests {
    /// A fresh directory with the given files (name → text).
    static func directory(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "clmanifest-credentials-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8) }
        return path
    }

    /// An environment whose files are in `directory` (and not the user's).
    static func environment(
        _ directory: String, _ variables: [String: String] = [:], profile: String? = nil, region: String? = nil
    ) -> AWSEnvironment {
        AWSEnvironment(
            variables: [
                "HOME": directory, "AWS_SHARED_CREDENTIALS_FILE": "\(directory)/credentials",
                "AWS_CONFIG_FILE": "\(directory)/config",
            ].merging(variables) { $1 }, explicitProfile: profile, explicitRegion: region)
    }

    static let files = [
        "credentials": """
        # comment
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = secretdefault

        [dev]
        aws_access_key_id=AKIDDEV
        aws_secret_access_key=secretdev
        aws_session_token = tokendev
        """,
        "config": """
        [default]
        region = eu-west-1
        s3 =
            max_concurrent_requests = 20
        [profile dev]
        region = us-west-2
        [profile configured]
        aws_access_key_id = AKIDCONFIG
        aws_secret_access_key = secretconfig
        [profile process]
        credential_process = printf '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "secretprocess", "SessionToken": "tokenprocess", "Expiration": "2999-01-01T00:00:00Z"}'
        [profile failing]
        credential_process = sh -c 'echo "token expired, run aws sso login" >&2; exit 3'
        [profile expired]
        credential_process = printf '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "B", "Expiration": "2001-01-01T00:00:00Z"}'
        [profile sso]
        sso_session = corp
        sso_account_id = 123456789012
        """,
    ]

    @Test func environmentKeysComeFirst() throws {
        let directory = try Self.directory(Self.files)
        let resolved = try CredentialChain(
            environment: Self.environment(
                directory,
                ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secretenv", "AWS_SESSION_TOKEN": "tokenenv"])
        ).resolve()
        #expect(
            resolved.credentials
                == AWSCredentials(accessKeyID: "AKIDENV", secretAccessKey: "secretenv", sessionToken: "tokenenv"))
        #expect(resolved.source.contains("environment"))
    }

    @Test func anExplicitProfileSkipsTheEnvironmentButAWSProfileDoesNot() throws {
        let directory = try Self.directory(Self.files)
        let keys = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secretenv"]
        let explicit = try CredentialChain(environment: Self.environment(directory, keys, profile: "dev")).resolve()
        #expect(
            explicit.credentials
                == AWSCredentials(accessKeyID: "AKIDDEV", secretAccessKey: "secretdev", sessionToken: "tokendev"))
        #expect(explicit.source == "profile 'dev' in \(directory)/credentials")
        let variable = try CredentialChain(
            environment: Self.environment(directory, keys.merging(["AWS_PROFILE": "dev"]) { $1 })
        ).resolve()
        #expect(variable.credentials.accessKeyID == "AKIDENV")
    }

    @Test func profilesComeFromTheCredentialsFileThenCredentialProcessThenTheConfigFile() throws {
        let directory = try Self.directory(Self.files)
        let chain = { (profile: String) in CredentialChain(environment: Self.environment(directory, profile: profile)) }
        #expect(
            try CredentialChain(environment: Self.environment(directory)).resolve().credentials.accessKeyID
                == "AKIDDEFAULT")
        #expect(try chain("configured").resolve().credentials.accessKeyID == "AKIDCONFIG")
        let process = try chain("process").resolve()
        #expect(
            process.credentials
                == AWSCredentials(
                    accessKeyID: "AKIDPROCESS", secretAccessKey: "secretprocess", sessionToken: "tokenprocess"))
        #expect(process.source == "credential_process of profile 'process'")
        let viaVariable = try CredentialChain(environment: Self.environment(directory, ["AWS_PROFILE": "configured"]))
            .resolve()
        #expect(viaVariable.credentials.accessKeyID == "AKIDCONFIG")
    }

    @Test func failuresSayWhatWasTriedAndWhatToDo() throws {
        let directory = try Self.directory(Self.files)
        func message(_ environment: AWSEnvironment) -> String {
            do {
                _ = try CredentialChain(environment: environment).resolve()
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(
            message(Self.environment(directory, profile: "failing")).contains(
                "exited with status 3: token expired, run aws sso login"))
        #expect(message(Self.environment(directory, profile: "expired")).contains("expired at 2001-01-01T00:00:00Z"))
        #expect(message(Self.environment(directory, profile: "sso")).contains("uses sso_session"))
        #expect(
            message(Self.environment(directory, profile: "missing"))
                == "profile 'missing' is in neither \(directory)/credentials nor \(directory)/config")
        #expect(
            message(Self.environment(directory, ["AWS_ACCESS_KEY_ID": "AKID"]))
                == "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        let empty = try Self.directory([:])
        let none = message(Self.environment(empty))
        #expect(
            none.hasPrefix("no AWS credentials found: tried AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile 'default'")
        )
        #expect(none.contains("aws configure export-credentials"))
    }

    @Test func secretsNeverPrint() throws {
        let directory = try Self.directory(Self.files)
        let resolved = try CredentialChain(environment: Self.environment(directory, profile: "dev")).resolve()
        for text in [
            "\(resolved)", "\(resolved.credentials)", String(reflecting: resolved.credentials), resolved.source,
        ] {
            #expect(!text.contains("secretdev") && !text.contains("tokendev"), "\(text)")
        }
    }

    @Test func regionOrder() throws {
        let directory = try Self.directory(Self.files)
        let arn = "arn:aws:rekognition:ap-south-1:123456789012:project/p/dataset/train/1"
        func region(_ variables: [String: String], profile: String? = nil, flag: String? = nil) throws -> String {
            try RegionResolver(environment: Self.environment(directory, variables, profile: profile, region: flag))
                .resolve(arn: arn).region
        }
        let both = ["AWS_REGION": "us-east-2", "AWS_DEFAULT_REGION": "ca-central-1"]
        #expect(try region(both, flag: "sa-east-1") == "sa-east-1")
        #expect(try region(both) == "us-east-2")
        #expect(try region(["AWS_DEFAULT_REGION": "ca-central-1"]) == "ca-central-1")
        #expect(try region([:]) == "eu-west-1")
        #expect(try region([:], profile: "dev") == "us-west-2")
        // A profile without a region does not fall back to [default]; the ARN's region is the last resort.
        #expect(try region([:], profile: "configured") == "ap-south-1")
        let empty = try Self.directory([:])
        #expect(throws: CredentialError.self) { try RegionResolver(environment: Self.environment(empty)).resolve() }
    }

    @Test func endpoints() throws {
        let environment = AWSEnvironment(variables: [:])
        #expect(
            try RekognitionEndpoint.resolve(region: "us-east-1", explicit: nil, environment: environment).absoluteString
                == "https://rekognition.us-east-1.amazonaws.com")
        #expect(
            try RekognitionEndpoint.resolve(region: "cn-north-1", explicit: nil, environment: environment)
                .absoluteString == "https://rekognition.cn-north-1.amazonaws.com.cn")
        let overridden = AWSEnvironment(variables: [
            "AWS_ENDPOINT_URL": "http://a:1", "AWS_ENDPOINT_URL_REKOGNITION": "http://b:2",
        ])
        #expect(
            try RekognitionEndpoint.resolve(region: "x", explicit: nil, environment: overridden).absoluteString
                == "http://b:2")
        #expect(
            try RekognitionEndpoint.resolve(region: "x", explicit: "http://c:3", environment: overridden).absoluteString
                == "http://c:3")
        #expect(throws: CredentialError.self) {
            try RekognitionEndpoint.resolve(region: "x", explicit: "ftp://x", environment: environment)
        }
    }
}
