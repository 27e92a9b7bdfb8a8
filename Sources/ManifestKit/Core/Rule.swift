/// A check with a stable code and its own documentation.
///
/// Rules are the unit of work, each with its check, its documentation and its examples in one file, of
/// one of six kinds: ``FileRule`` (a file as a whole, from its first bytes: CL010–CL012), ``RecordRule``
/// (a line as read and parsed: the rest of CL0xx), ``LineRule`` and ``LineVerdictRule`` (a parsed manifest
/// line: CL1xx–CL3xx), ``ManifestRule`` (the whole manifest: CL4xx), ``ImageRule`` (an image on disk:
/// CL6xx) and ``DatasetRule`` (a training and test manifest, for `stats`: CL7xx); schema violations are reported by ``SchemaRule``s. `CONTRIBUTING.md` shows how to add each.
public protocol Rule: Sendable {
    /// The rule's code, name, severity, documentation and examples.
    static var description: RuleDescription { get }
}
