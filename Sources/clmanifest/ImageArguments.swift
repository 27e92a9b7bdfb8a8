import ArgumentParser
import ManifestKit

/// The `--images PREFIX=DIR|s3://BUCKET/PREFIX/` values of `lint`, `fix`, `report` and `reconcile`.
enum ImageArguments {
    /// Checks every value parses; a usage error naming the option otherwise.
    static func validate(_ values: [String]) throws(ValidationError) {
        for value in values {
            do {
                _ = try ImageMapping(parsing: value)
            } catch {
                throw ValidationError("--images: \(error.description)")
            }
        }
    }
}
