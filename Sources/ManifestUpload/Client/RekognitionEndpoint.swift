public import Foundation

/// Where the service is: `--endpoint-url`, else `AWS_ENDPOINT_URL_REKOGNITION`, else `AWS_ENDPOINT_URL`,
/// else `https://rekognition.REGION.amazonaws.com` (`.amazonaws.com.cn` in China).
public enum RekognitionEndpoint {
    /// The endpoint URL, or an error naming the bad one.
    public static func resolve(region: String, explicit: String?, environment: AWSEnvironment) throws(CredentialError)
        -> URL
    {
        let given = explicit ?? environment["AWS_ENDPOINT_URL_REKOGNITION"] ?? environment["AWS_ENDPOINT_URL"]
        if let given {
            guard let url = URL(string: given), let scheme = url.scheme?.lowercased(),
                ["http", "https"].contains(scheme),
                url.host?.isEmpty == false
            else {
                throw CredentialError("endpoint URL '\(given)' is not an http:// or https:// URL with a host")
            }
            return url
        }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        guard let url = URL(string: "https://rekognition.\(region).\(suffix)") else {
            throw CredentialError("region '\(region)' does not make a valid endpoint")
        }
        return url
    }
}
