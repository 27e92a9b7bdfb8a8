/// One way a value breaks a schema.
public struct SchemaViolation: Sendable, Hashable {
    /// The instance node the violation concerns (for a property that is not allowed, its key).
    public var node: Int
    /// The keyword that failed, such as `required` or `minimum`.
    public var keyword: String
    /// One sentence, lowercase, no final period.
    public var message: String
    /// The service code from the nearest `x-service-code` on the schema path, if any.
    public var serviceCode: ServiceErrorCode?
    /// The severity from the nearest `x-severity` on the schema path; `error` by default.
    public var severity: Severity
    /// Where the failing keyword's schema is, such as `object-detection.yaml#/$defs/box`.
    public var schemaLocation: String
}
