// A local stand-in for the Rekognition dataset API, for trying `clmanifest upload` and `pull` without an
// AWS account, and for the README's sessions:
//
//     swift run rekognition-local [--seed FILE] [--port-file FILE] [--fault-rate R] [--polls N]
//
// It prints the endpoint, the credentials it accepts and the dataset's ARN, then serves until killed.
import ArgumentParser
import Foundation
import _RekognitionTestServer

/// `rekognition-local`: parsed as `clmanifest` parses its commands, so `--help` helps and bad flags are refused.
struct RekognitionLocal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rekognition-local",
        abstract: "Serve a local stand-in for the Rekognition dataset API on 127.0.0.1, until killed.",
        discussion: """
            Prints the endpoint, the credentials it accepts, the region and the dataset's ARN. It checks every \
            request's SigV4 signature, keeps the dataset's status (UPDATE_IN_PROGRESS for a few polls, then \
            UPDATE_COMPLETE), drops invalid lines and fails an update with more than 20% of them.
            """)

    @Option(help: ArgumentHelp("Start the dataset with the lines of this manifest.", valueName: "file"))
    var seed: String?

    @Option(help: ArgumentHelp("Write the endpoint URL to this file once the server listens.", valueName: "file"))
    var portFile: String?

    @Option(
        help: ArgumentHelp(
            "The share of UpdateDatasetEntries and DescribeDataset calls that fail (throttled, 500, dropped "
                + "before or after applying), from 0 to 1.", valueName: "rate"))
    var faultRate: Double = 0

    @Option(help: ArgumentHelp("DescribeDataset polls an update stays UPDATE_IN_PROGRESS.", valueName: "n"))
    var polls = 2

    func validate() throws {
        guard (0...1).contains(faultRate) else { throw ValidationError("--fault-rate must be between 0 and 1") }
        guard polls >= 0 else { throw ValidationError("--polls must be 0 or more") }
    }

    func run() throws {
        let server: FakeRekognitionServer
        do {
            server = try FakeRekognitionServer(pollsPerUpdate: polls)
        } catch {
            throw Failure(description: "cannot start the server: \(error)")
        }
        if let seed {
            guard let data = FileManager.default.contents(atPath: seed),
                let text = String(data: data, encoding: .utf8)
            else {
                throw Failure(description: "cannot read the seed manifest '\(seed)': missing, unreadable or not UTF-8")
            }
            server.seed(text.split(separator: "\n").map(String.init))
        }
        if faultRate > 0 {
            let faults: [Fault] = [.throttle, .internalError, .dropBeforeApplying, .dropAfterApplying]
            server.injectRandomly(faults, on: "UpdateDatasetEntries", rate: faultRate, seed: 1)
            server.injectRandomly(faults, on: "DescribeDataset", rate: faultRate, seed: 2)
        }
        if let portFile {
            guard FileManager.default.createFile(atPath: portFile, contents: Data(server.url.absoluteString.utf8))
            else {
                throw Failure(description: "cannot write the endpoint to '\(portFile)'")
            }
        }
        let banner =
            """
            endpoint:    \(server.url.absoluteString)
            credentials: AWS_ACCESS_KEY_ID=\(FakeRekognitionServer.accessKeyID) AWS_SECRET_ACCESS_KEY=\(FakeRekognitionServer.secretAccessKey)
            region:      \(FakeRekognitionServer.region)
            dataset:     \(FakeRekognitionServer.datasetARN) (project \(FakeRekognitionServer.project), train)

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        while true { sleep(3600) }
    }
}

/// Why the server cannot start: printed as `Error: …`, exit status 1.
struct Failure: Error, CustomStringConvertible {
    var description: String
}

RekognitionLocal.main()
