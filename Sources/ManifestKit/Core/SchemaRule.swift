/// A rule whose findings come from the bundled schemas: a schema violation whose `x-service-code` is the
/// rule's ``RuleDescription/mirrors`` is reported under the rule's code.
public protocol SchemaRule: Rule {}

/// Finds the rule that reports a schema violation.
enum SchemaRules {
    private static let byServiceCode: [ServiceErrorCode: RuleDescription] = {
        var table: [ServiceErrorCode: RuleDescription] = [:]
        for rule in RuleRegistry.schemaRules {
            if let code = rule.description.mirrors { table[code] = rule.description }
        }
        return table
    }()

    /// The rule for a violation predicting `serviceCode`; ``SchemaViolationRule`` when no rule claims it.
    static func rule(for serviceCode: ServiceErrorCode?) -> RuleDescription {
        serviceCode.flatMap { byServiceCode[$0] } ?? SchemaViolationRule.description
    }
}
