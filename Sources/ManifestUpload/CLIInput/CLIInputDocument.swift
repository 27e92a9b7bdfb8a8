import Foundation
import Yams

/// The parameters of `--cli-input-json` or `--cli-input-yaml`: `DatasetArn` and `Changes.GroundTruth`.
public struct CLIInputDocument: Sendable, Equatable {
    /// `DatasetArn`, when given.
    public var datasetARN: String?
    /// `Changes.GroundTruth` as text, when given.
    public var groundTruth: String?

    /// Reads a JSON document.
    public init(json text: String) throws(CLIInputError) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw CLIInputError("Error parsing parameter 'cli-input-json': Invalid JSON received.")
        }
        try self.init(object, parameter: "--cli-input-json")
    }

    /// Reads a YAML document.
    public init(yaml text: String) throws(CLIInputError) {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw CLIInputError("Error parsing parameter 'cli-input-yaml': Invalid YAML received: \(error)")
        }
        guard let object = loaded as? [String: Any] else {
            throw CLIInputError("Error parsing parameter 'cli-input-yaml': the document must be a mapping")
        }
        try self.init(object, parameter: "--cli-input-yaml")
    }

    private init(_ object: [String: Any], parameter: String) throws(CLIInputError) {
        if let unknown = object.keys.sorted().first(where: { $0 != "DatasetArn" && $0 != "Changes" }) {
            throw CLIInputError(
                "Parameter validation failed:\nUnknown parameter in input: \"\(unknown)\", must be one of: "
                    + "DatasetArn, Changes")
        }
        if let arn = object["DatasetArn"] {
            guard let arn = arn as? String else {
                throw CLIInputError(
                    "Parameter validation failed:\nInvalid type for parameter DatasetArn, value: \(arn)")
            }
            datasetARN = arn
        }
        if let changes = object["Changes"] {
            guard let changes = changes as? [String: Any] else {
                throw CLIInputError(
                    "Parameter validation failed:\nInvalid type for parameter Changes, value: \(changes)")
            }
            groundTruth = try ChangesParameter.groundTruth(in: changes, parameter: parameter)
        }
    }

    /// `--generate-cli-skeleton input`.
    public static let inputSkeleton = """
        {
            "DatasetArn": "",
            "Changes": {
                "GroundTruth": null
            }
        }

        """

    /// `--generate-cli-skeleton yaml-input`.
    public static let yamlInputSkeleton = """
        DatasetArn: '' # [REQUIRED] The Amazon Resource Name (ARN) of the dataset that you want to update.
        Changes: # [REQUIRED] The changes that you want to make to the dataset.
          GroundTruth: null # [REQUIRED] One or more JSON Lines (base64, or as they are with --cli-binary-format raw-in-base64-out).

        """

    /// `--generate-cli-skeleton output`: the operation returns an empty structure.
    public static let outputSkeleton = "{}\n"
}
