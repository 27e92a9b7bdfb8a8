import ManifestKit

extension FuzzTargets {
    /// The schema loader and validator: the bytes before the first NUL are a schema (YAML or JSON), the
    /// bytes after it JSON Lines instances validated against it.
    @Sendable public static func schema(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
        let text = String(decoding: bytes[..<split], as: UTF8.self)
        let instances = split < bytes.endIndex ? Array(bytes[(split + 1)...]) : []
        guard let value = try? SchemaDocumentReader.read(text, name: "fuzz.yaml"),
            let compiled = try? SchemaCompiler(documents: [("fuzz.yaml", value)]).compile(),
            let entry = compiled.entry("fuzz.yaml")
        else { return }
        _ = ManifestLinter(validating: compiled, entry: entry).lint(bytes: instances, name: "fuzz.jsonl")
    }

    /// The configuration loader.
    @Sendable public static func configuration(_ bytes: [UInt8]) {
        _ = try? Configuration.parse(String(decoding: bytes, as: UTF8.self), file: "/nonexistent/.clmanifest.yml")
    }

    /// One manifest (usually one line) through every rule and the bundled schemas, with and without the
    /// service's precedence.
    @Sendable public static func lintLine(_ bytes: [UInt8]) {
        var options = LintOptions()
        options.maxLineBytes = 1 << 16
        let findings = ManifestLinter(options: options).lint(bytes: bytes, name: "fuzz.manifest")
        options.servicePrecedence = true
        let first = ManifestLinter(options: options).lint(bytes: bytes, name: "fuzz.manifest")
        precondition(first.count <= findings.count, "service precedence added findings")
        for finding in findings {
            precondition(finding.line.map { $0 >= 1 } ?? true && finding.column.map { $0 >= 1 } ?? true)
        }
    }

    /// The image header reader.
    @Sendable public static func imageHeader(_ bytes: [UInt8]) {
        guard let header = try? ImageHeaderReader(bytes: bytes).header() else { return }
        if header.format.isAccepted {
            precondition((header.width ?? 0) > 0 && (header.height ?? 0) > 0, "an accepted image without a size")
        }
    }
}
