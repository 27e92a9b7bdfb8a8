import ArgumentParser
import Foundation
import ManifestKit
import ManifestUpload

extension CLManifest {
    /// `clmanifest update-dataset-entries`: `aws rekognition update-dataset-entries`, with lint and batching.
    struct UpdateDatasetEntries: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update-dataset-entries",
            abstract: "A drop-in for `aws rekognition update-dataset-entries` that lints first and splits large blobs.",
            discussion: """
                Takes the AWS CLI's options and input files: --changes as shorthand (GroundTruth='...') or JSON \
                ({"GroundTruth": "..."}), either of them from file:// or fileb://; --cli-input-json or \
                --cli-input-yaml (options on the command line win); --generate-cli-skeleton. As in AWS CLI \
                v2, GroundTruth is base64 unless --cli-binary-format raw-in-base64-out. The JSON Lines are \
                linted first (error findings stop the call; --force sends anyway). JSON text in GroundTruth (it starts \
                with '{', which base64 never does) is taken as the JSON Lines themselves, as AWS CLI v1 takes them. A blob within 5,242,880 \
                bytes is sent once, as the AWS CLI sends it; a larger one is split on line boundaries and \
                sent batch by batch, each batch waited for (UPDATE_COMPLETE) before the next. --wait also \
                waits after the last and prints the dataset's final status. Success prints nothing on \
                standard output, like the AWS CLI; a summary goes to standard error. Exit status as the AWS \
                CLI v2: 0 success, 252 bad syntax or parameter (lint refusal included), 253 bad environment \
                or configuration (credentials, region), 254 the service refused or the update failed, 255 \
                anything else, 130 Ctrl-C.
                """
        )

        @Option(help: ArgumentHelp("The ARN of the dataset to update.", valueName: "arn"))
        var datasetArn: String?

        @Option(
            help: ArgumentHelp(
                "GroundTruth='...' or {\"GroundTruth\": \"...\"}, or file://PATH holding either.", valueName: "changes")
        )
        var changes: String?

        @Option(
            help: ArgumentHelp(
                "The parameters as JSON (or file://PATH): {\"DatasetArn\": ..., \"Changes\": {\"GroundTruth\": ...}}.",
                valueName: "json"))
        var cliInputJson: String?

        @Option(help: ArgumentHelp("The parameters as YAML (or file://PATH).", valueName: "yaml"))
        var cliInputYaml: String?

        @Option(
            help: ArgumentHelp(
                "Print a skeleton: input (the default), yaml-input or output; nothing is sent.", valueName: "kind"))
        var generateCliSkeleton: AWSCLISkeleton?

        @OptionGroup(title: "AWS CLI global options") var global: AWSCLIGlobalOptions

        @Flag(help: "Send even when lint finds errors.")
        var force = false

        @Flag(help: "Wait after the last batch too, and print the dataset's final status.")
        var wait = false

        @Option(help: .hidden)
        var pollInterval: Double?

        @Option(help: .hidden)
        var retryBaseDelay: Double = 1

        func validate() throws {
            if cliInputJson != nil && cliInputYaml != nil {
                throw ValidationError("use --cli-input-json or --cli-input-yaml, not both")
            }
        }

        func run() throws {
            if let generateCliSkeleton {
                switch generateCliSkeleton {
                case .input: Output.standardOutput(CLIInputDocument.inputSkeleton)
                case .yamlInput: Output.standardOutput(CLIInputDocument.yamlInputSkeleton)
                case .output: Output.standardOutput(CLIInputDocument.outputSkeleton)
                }
                return
            }
            let (arn, blob, name) = try parameters()
            try lint(blob, name: name)
            var settings = DatasetConnection.Settings(datasetARN: arn)
            settings.region = global.service.region
            settings.endpointURL = global.service.endpointUrl
            settings.profile = global.service.profile
            settings.readTimeout = global.cliReadTimeout ?? 60
            settings.debug = global.service.debug
            settings.retryBaseDelay = retryBaseDelay
            settings.signsRequests = !global.noSignRequest
            let connection: DatasetConnection
            do {
                connection = try DatasetConnection(settings) { Output.standardError($0 + "\n") }
            } catch {
                if case .configuration(let message) = error { throw AWSCLIFailure.environment(message) }
                throw AWSCLIFailure.service(error.message)
            }
            try send(blob, UploadSession(datasetARN: connection.datasetARN, connection: connection))
        }

        /// The dataset ARN, the blob's bytes and a name for it, from the options and the input document.
        private func parameters() throws -> (arn: String, blob: [UInt8], name: String) {
            var document: CLIInputDocument?
            var arn = datasetArn
            var text: String?
            var name = "--changes"
            do {
                if let cliInputJson {
                    document = try CLIInputDocument(json: try Self.text(ParameterFile.resolve(cliInputJson).bytes))
                } else if let cliInputYaml {
                    document = try CLIInputDocument(yaml: try Self.text(ParameterFile.resolve(cliInputYaml).bytes))
                }
                if let changes {
                    let resolved = try ParameterFile.resolve(changes)
                    if let path = resolved.path { name = path }
                    text = try ChangesParameter.groundTruthText(try Self.text(resolved.bytes))
                }
                arn = arn ?? document?.datasetARN
                text = text ?? document?.groundTruth
                guard let arn, !arn.isEmpty else {
                    throw CLIInputError("the following arguments are required: --dataset-arn")
                }
                // The AWS CLI would send it and get a ValidationException back; this says why before sending.
                if let problem = DatasetARN.problem(with: arn) {
                    throw CLIInputError("Parameter validation failed:\nInvalid DatasetArn: \(problem)")
                }
                guard let text else { throw CLIInputError("the following arguments are required: --changes") }
                let format = ChangesParameter.BinaryFormat(rawValue: global.cliBinaryFormat.rawValue) ?? .base64
                if format == .base64, ChangesParameter.isJSONText(text) {
                    Output.standardError(
                        "note: GroundTruth is JSON text, not base64: taken as the JSON Lines themselves (as AWS CLI "
                            + "v1 takes them)\n")
                }
                let blob = try ChangesParameter.decode(text, format: format)
                guard !blob.isEmpty else {
                    throw CLIInputError(
                        "Parameter validation failed:\nInvalid length for parameter Changes.GroundTruth, value: 0, "
                            + "valid min length: 1")
                }
                return (arn, blob, name)
            } catch let error as CLIInputError {
                throw AWSCLIFailure.parameter(error.description)
            }
        }

        private static func text(_ bytes: [UInt8]) throws(CLIInputError) -> String {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CLIInputError("Error parsing parameter: the value is not UTF-8 text")
            }
            return text
        }

        /// Lints the blob like `lint`; error findings stop the call unless --force.
        private func lint(_ blob: [UInt8], name: String) throws {
            let settings = try LintSettings(config: nil, isolated: false, schemas: [], excerpts: false)
            let linter = try settings.linter(for: name == "--changes" ? "changes.jsonl" : name)
            guard let errors = UploadSession.blockingFindings(in: linter.lint(bytes: blob, name: name)) else { return }
            Output.standardError(TextReporter().render(errors))
            let count = Count.phrase(errors.count, "error finding")
            if force {
                Output.standardError("warning: \(count) in the changes; sending anyway (--force)\n")
                return
            }
            throw AWSCLIFailure.parameter("\(count) in the changes; nothing sent. Fix them, or pass --force")
        }

        /// Sends the blob as it is when it fits one call, else batch by batch.
        private func send(_ blob: [UInt8], _ session: UploadSession) throws {
            let plan: UploadPlan
            if blob.count <= BatchPacker.defaultMaxBytes {
                plan = UploadPlan(batches: [blob], lineCounts: [blob.split(separator: UInt8(ascii: "\n")).count])
            } else {
                do {
                    let changes = try session.changeSet(
                        of: .memory(blob, name: "GroundTruth"), comparedWith: .everyLine)
                    plan = try UploadPlan(
                        changeSet: changes.bytes, lineSizes: changes.lineSizes,
                        maxBatchBytes: BatchPacker.defaultMaxBytes)
                } catch let error as UploadPlan.OversizeLine {
                    throw AWSCLIFailure.parameter(
                        "line \(Count.grouped(error.position)) of GroundTruth is \(Count.bytes(error.size)), more than one "
                            + "call may carry")
                }
                Output.standardError(
                    "GroundTruth is \(Count.bytes(blob.count)), over the 5,242,880 bytes of one call: "
                        + "sending it in \(Count.phrase(plan.batches.count, "batch", "batches")), each waited for\n")
            }
            InterruptNotice.install(message: "\ninterrupted\n")
            let progress = UploadProgress(batches: plan.batches.count)
            var options = UploadSession.SendOptions()
            options.waitsAfterLastBatch = wait
            options.sendsOneBatchAsOneCall = true
            options.pollInterval = pollInterval
            let report: DatasetUploader.Report
            do {
                report = try session.send(
                    plan, options: options, onEvent: plan.batches.count > 1 || wait ? progress.show : { _ in })
            } catch {
                progress.end()
                if case .request(_, let underlying) = error { throw Self.failure(underlying) }
                throw AWSCLIFailure.service(error.description(rerun: "clmanifest update-dataset-entries"))
            }
            progress.end()
            var summary = "sent \(Count.phrase(plan.lineCount, "line")) to \(session.datasetARN)"
            if plan.batches.count > 1 { summary += " in \(Count.phrase(plan.batches.count, "batch", "batches"))" }
            if let final = report.final {
                summary += "; dataset \(final.statusText ?? "?")"
                if let message = final.statusMessage { summary += " (\(message))" }
                if let total = final.totalEntries { summary += ", \(Count.grouped(total)) entries" }
            } else {
                summary += "; the update runs on (DescribeDataset tells when it ends, or pass --wait)"
            }
            Output.standardError(summary + "\n")
        }

        /// The AWS CLI's words and return code for a failed call.
        static func failure(_ error: RekognitionError) -> AWSCLIFailure {
            if let service = error.serviceError {
                var message = "An error occurred (\(service.code)) when calling the UpdateDatasetEntries operation"
                message += service.message.isEmpty ? "" : ": \(service.message)"
                if let advice = service.advice { message += "\n  \(advice)" }
                return .service(message)
            }
            return .other("\(error)")
        }
    }
}
