public import Foundation

/// Runs a profile's `credential_process` command and reads the credentials it prints:
/// `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}`.
///
/// The command runs through `/bin/sh -c`, so quoting works as it does in a shell. What it prints on
/// standard output holds secrets and never appears in an error; its standard error may.
public enum CredentialProcess {
    /// The credentials the command prints, or why there are none.
    public static func run(_ command: String, profile: String, now: Date = Date()) throws(CredentialError)
        -> AWSCredentials
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CredentialError("profile '\(profile)': cannot start credential_process: /bin/sh could not be run")
        }
        // Both pipes at once: a command that fills one while this waits on the other would never end.
        let box = ProcessOutput()
        DispatchQueue.concurrentPerform(iterations: 2) { stream in
            if stream == 0 {
                box.output = output.fileHandleForReading.readDataToEndOfFile()
            } else {
                box.errors = errors.fileHandleForReading.readDataToEndOfFile()
            }
        }
        process.waitUntilExit()
        let data = box.output
        guard process.terminationStatus == 0 else {
            let stderr = String(decoding: box.errors.prefix(500), as: UTF8.self).trimmingSpaces()
            throw CredentialError(
                "profile '\(profile)': credential_process exited with status \(process.terminationStatus)"
                    + (stderr.isEmpty ? "" : ": \(stderr)"))
        }
        return try parse(data, profile: profile, now: now)
    }

    /// The credentials in a `credential_process` document.
    public static func parse(_ data: Data, profile: String, now: Date = Date()) throws(CredentialError)
        -> AWSCredentials
    {
        let prefix = "profile '\(profile)': credential_process"
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CredentialError("\(prefix) did not print a JSON object")
        }
        guard (object["Version"] as? NSNumber)?.intValue == 1 else {
            throw CredentialError(
                "\(prefix) printed Version \(object["Version"].map { "\($0)" } ?? "(none)"); 1 is supported")
        }
        guard let key = object["AccessKeyId"] as? String, !key.isEmpty,
            let secret = object["SecretAccessKey"] as? String, !secret.isEmpty
        else {
            throw CredentialError("\(prefix) printed no AccessKeyId or no SecretAccessKey")
        }
        if let expiration = object["Expiration"] as? String {
            try CredentialExpiry.check(expiration, source: prefix, now: now)
        }
        return AWSCredentials(
            accessKeyID: key, secretAccessKey: secret, sessionToken: object["SessionToken"] as? String)
    }
}

/// What a command printed; each stream written by one thread, read after both are done.
private final class ProcessOutput: @unchecked Sendable {
    var output = Data()
    var errors = Data()
}
