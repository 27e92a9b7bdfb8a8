/// The keys the service adds to the entries it returns (`ListDatasetEntries`).
///
/// They hold its verdicts, not the user's data: lint warns about them, diff leaves them out, pull can
/// strip them.
public enum ServiceAddedKeys {
    /// `cl-metadata`, `cl-errors`, `errors`, `warnings`.
    public static let names = ["cl-metadata", "cl-errors", "errors", "warnings"]
}
