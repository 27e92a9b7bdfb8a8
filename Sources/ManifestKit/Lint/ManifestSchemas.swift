import Foundation

/// The compiled schemas `lint` applies: the bundled ones, possibly replaced or extended by the user's.
public struct ManifestSchemas: Sendable {
    /// Every compiled document.
    public let set: SchemaSet
    let line: SchemaReference
    let classificationAttribute: SchemaReference
    let classificationMetadata: SchemaReference
    let detectionAttribute: SchemaReference
    let detectionMetadata: SchemaReference
    let metadataBase: SchemaReference
    /// User schemas that are not replacements: each is applied to every whole line.
    let extras: [SchemaReference]

    /// The bundled schemas, compiled once per process; nil only if they fail to compile, which the tests rule out.
    public static let shared: ManifestSchemas? = try? bundled()

    /// The bundled schemas alone.
    public static func bundled() throws(SchemaError) -> ManifestSchemas {
        try load(userSchemas: [])
    }

    /// The bundled schemas with user schemas added: a user schema named like a bundled one (such as
    /// `object-detection.yaml`) replaces it; any other is applied to every whole line.
    ///
    /// - Parameter userSchemas: each schema's file name and text (YAML or JSON).
    /// - Returns: the compiled schemas with their entry points.
    /// - Throws: ``SchemaError`` when a schema cannot be read or compiled, or a replacement lacks an entry.
    public static func load(userSchemas: [(name: String, text: String)]) throws(SchemaError) -> ManifestSchemas {
        var documents: [(name: String, value: SchemaValue)] = []
        let bundledNames = Set(BundledSchemas.documents.map(\.name))
        let replaced = Set(userSchemas.map(\.name))
        for document in BundledSchemas.documents where !replaced.contains(document.name) {
            documents.append((document.name, try SchemaDocumentReader.read(document.text, name: document.name)))
        }
        for document in userSchemas {
            documents.append((document.name, try SchemaDocumentReader.read(document.text, name: document.name)))
        }
        let set = try SchemaCompiler(documents: documents).compile()
        func entry(_ reference: String) throws(SchemaError) -> SchemaReference {
            guard let found = set.entry(reference) else {
                let document = String(reference.prefix { $0 != "#" })
                throw SchemaError(
                    document: document,
                    message: "a replacement for a bundled schema must define "
                        + "'\(reference.drop { $0 != "#" }.dropFirst())'")
            }
            return found
        }
        var extras: [SchemaReference] = []
        for document in userSchemas where !bundledNames.contains(document.name) {
            extras.append(try entry(document.name))
        }
        return ManifestSchemas(
            set: set, line: try entry(BundledSchemas.lineSchema),
            classificationAttribute: try entry(BundledSchemas.classificationAttribute),
            classificationMetadata: try entry(BundledSchemas.classificationMetadata),
            detectionAttribute: try entry(BundledSchemas.detectionAttribute),
            detectionMetadata: try entry(BundledSchemas.detectionMetadata),
            metadataBase: try entry(BundledSchemas.metadataBase), extras: extras)
    }

    /// Reads schema files for ``load(userSchemas:)``; each is named by its file name.
    ///
    /// - Throws: ``SchemaError`` naming the file when it cannot be read, is too large or is not UTF-8.
    public static func readFiles(_ paths: [String]) throws(SchemaError) -> [(name: String, text: String)] {
        var result: [(name: String, text: String)] = []
        for path in paths {
            do {
                result.append(
                    (PathName.lastComponent(path), try FileContents.text(path, limit: SchemaDocumentReader.maxBytes)))
            } catch {
                throw SchemaError(document: path, message: "cannot be read: \(error.reason)")
            }
        }
        return result
    }
}
