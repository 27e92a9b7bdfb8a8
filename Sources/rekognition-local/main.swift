// A local stand-in for the Rekognition dataset API, for trying `clmanifest upload` and `pull` without an
// AWS account, and for the README's sessions:
//
//     swift run rekognition-local [--seed FILE] [--port-file FILE] [--fault-rate R] [--polls N]
//
// It prints the endpoint, the credentials it accepts and the dataset's ARN, then serves until killed.
import Foundation
import _RekognitionTestServer

let arguments = Array(CommandLine.arguments.dropFirst())
func value(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

do {
    let server = try FakeRekognitionServer(pollsPerUpdate: Int(value("--polls") ?? "") ?? 2)
    if let seed = value("--seed") {
        let text = try String(contentsOfFile: seed, encoding: .utf8)
        server.seed(text.split(separator: "\n").map(String.init))
    }
    if let rate = value("--fault-rate").flatMap(Double.init), rate > 0 {
        let faults: [Fault] = [.throttle, .internalError, .dropBeforeApplying, .dropAfterApplying]
        server.injectRandomly(faults, on: "UpdateDatasetEntries", rate: rate, seed: 1)
        server.injectRandomly(faults, on: "DescribeDataset", rate: rate, seed: 2)
    }
    if let file = value("--port-file") {
        try server.url.absoluteString.write(toFile: file, atomically: true, encoding: .utf8)
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
} catch {
    FileHandle.standardError.write(Data("rekognition-local: \(error)\n".utf8))
    exit(1)
}
