import Foundation

/// Checks the expiry time that temporary credentials come with (ISO 8601, such as `2026-11-29T18:00:00Z`).
enum CredentialExpiry {
    /// Throws when `expiration` is in the past; an expiry that cannot be read is ignored, as botocore does
    /// for an unset one.
    static func check(_ expiration: String, source: String, now: Date) throws(CredentialError) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: expiration) ?? fractional.date(from: expiration) else { return }
        if date <= now {
            throw CredentialError(
                "\(source): the temporary credentials expired at \(expiration); refresh them "
                    + "(for example with `aws sso login` or by running the command that issued them again)")
        }
    }
}
