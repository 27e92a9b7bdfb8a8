package import Foundation
import ManifestKit

/// A local stand-in for the Rekognition dataset API on a real HTTP port: it checks every request's
/// signature (``RequestSignatureCheck``), implements `UpdateDatasetEntries`, `DescribeDataset`,
/// `ListDatasetEntries` and `DescribeProjects` with the dataset status machine, and injects ``Fault``s.
package final class FakeRekognitionServer: @unchecked Sendable {
    /// The access key the server knows.
    package static let accessKeyID = "AKIDLOCALTEST"
    /// Its secret.
    package static let secretAccessKey = "local/test+secret/KEYEXAMPLE"
    /// The region the server signs for.
    package static let region = "us-east-1"
    /// The project of the dataset.
    package static let project = "test-project"
    /// The train dataset the server holds.
    package static let datasetARN =
        "arn:aws:rekognition:us-east-1:123456789012:project/test-project/dataset/train/1700000000000"

    private let lock = NSLock()
    private var http: TestHTTPServer?
    private var datasets: [String: FakeDataset] = [datasetARN: FakeDataset()]
    private var faults: [String: [Fault?]] = [:]
    private var randomFaults: [String: (faults: [Fault], rate: Double)] = [:]
    private var generator = SplitMix64(seed: 1)
    private var counts: [String: Int] = [:]
    private var refusals: [String] = []
    private var busy = 0
    private var hidden = 0
    private var blobs: [[UInt8]] = []
    private let pollsPerUpdate: Int
    private let sessionToken: String?
    /// Seconds added to the real time to make the server's clock (to test clock skew).
    package var clockOffset: Double {
        get { lock.withLock { offset } }
        set { lock.withLock { offset = newValue } }
    }
    private var offset = 0.0

    /// Starts a server whose updates end after `pollsPerUpdate` `DescribeDataset` calls; requests must carry
    /// `sessionToken` when one is given.
    package init(pollsPerUpdate: Int = 1, sessionToken: String? = nil) throws {
        self.pollsPerUpdate = pollsPerUpdate
        self.sessionToken = sessionToken
        http = try TestHTTPServer { [weak self] request in
            self?.handle(request) ?? .drop
        }
    }

    /// The endpoint URL.
    package var url: URL { http?.url ?? URL(fileURLWithPath: "/") }

    /// Stops the server.
    package func stop() {
        http?.stop()
    }

    /// After `after` more calls of `operation` without a fault, the next `times` calls get `fault`.
    package func inject(_ fault: Fault, on operation: String, times: Int = 1, after: Int = 0) {
        lock.withLock {
            faults[operation, default: []] +=
                Array(repeating: nil, count: after) + Array(repeating: fault, count: times)
        }
    }

    /// From now on, each call of `operation` gets one of `faults` with probability `rate` (seeded, repeatable).
    package func injectRandomly(_ faults: [Fault], on operation: String, rate: Double, seed: UInt64) {
        lock.withLock {
            randomFaults[operation] = (faults, rate)
            generator = SplitMix64(seed: seed)
        }
    }

    /// Sets the dataset's entries (its state before a scenario).
    package func seed(_ lines: [String]) {
        lock.withLock { datasets[Self.datasetARN]?.seed(lines) }
    }

    /// Puts the dataset in `UPDATE_IN_PROGRESS` with an update of `lines` (someone else's).
    package func beginForeignUpdate(_ lines: [String], polls: Int) {
        lock.withLock { datasets[Self.datasetARN]?.begin(lines, polls: polls, failure: nil) }
    }

    /// The dataset as it is now.
    package var dataset: FakeDataset {
        lock.withLock { datasets[Self.datasetARN] ?? FakeDataset() }
    }

    /// How many requests each operation received (every attempt counts).
    package var requestCounts: [String: Int] { lock.withLock { counts } }

    /// Every refused request's error code, in order.
    package var refusedCodes: [String] { lock.withLock { refusals } }

    /// How many updates were applied but answered with a failure (a drop or a 500 after applying): each
    /// allows one more application of its entries, when the client sends the batch again.
    package var unknownOutcomes: Int { lock.withLock { hidden } }

    /// The decoded `GroundTruth` of every update the server accepted, in order.
    package var receivedBlobs: [[UInt8]] { lock.withLock { blobs } }

    /// How many updates were refused because another was in progress.
    package var busyRefusals: Int { lock.withLock { busy } }

    // MARK: - Requests

    private func handle(_ request: TestHTTPServer.Request) -> TestHTTPServer.Reply {
        let operation = request.header("x-amz-target").map { String($0.drop { $0 != "." }.dropFirst()) } ?? ""
        let (now, fault) = lock.withLock { () -> (Date, Fault?) in
            counts[operation, default: 0] += 1
            return (Date().addingTimeInterval(offset), nextFault(operation))
        }
        do {
            try RequestSignatureCheck.verify(
                request, secrets: [Self.accessKeyID: (Self.secretAccessKey, sessionToken)], now: now,
                region: Self.region)
        } catch {
            return refuse(400, error.code, error.message)
        }
        guard request.method == "POST", request.target == "/",
            request.header("x-amz-target")?.hasPrefix("RekognitionService.") == true
        else { return refuse(400, "UnknownOperationException", "") }
        guard request.header("content-type") == "application/x-amz-json-1.1" else {
            return refuse(400, "SerializationException", "Content-Type must be application/x-amz-json-1.1")
        }
        guard let input = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] else {
            return refuse(400, "SerializationException", "Start of structure or map found where not expected.")
        }
        switch fault {
        case .throttle?: return refuse(500, "ThrottlingException", "Rate exceeded")
        case .throughputExceeded?:
            return refuse(400, "ProvisionedThroughputExceededException", "Provisioned rate exceeded")
        case .internalError?: return refuse(500, "InternalServerError", "Internal server error")
        case .dropBeforeApplying?: return .drop
        case .busy?: return refuse(400, "ResourceInUseException", "The dataset is in use.")
        case .garbledAnswer?: return .respond(status: 200, headers: [], body: Array("<html>oops".utf8))
        case .slow(let seconds)?: Thread.sleep(forTimeInterval: seconds)
        default: break
        }
        let reply = lock.withLock {
            let reply = perform(operation, input, fault: fault)
            if operation == "UpdateDatasetEntries", case .respond(200, _, _) = reply,
                fault == .dropAfterApplying || fault == .internalErrorAfterApplying
            {
                hidden += 1
            }
            return reply
        }
        switch fault {
        case .dropAfterApplying?: return .drop
        case .internalErrorAfterApplying?: return refuse(500, "InternalServerError", "Internal server error")
        default: return reply
        }
    }

    private func nextFault(_ operation: String) -> Fault? {
        if var queue = faults[operation], !queue.isEmpty {
            let fault = queue.removeFirst()
            faults[operation] = queue
            return fault
        }
        guard let random = randomFaults[operation], !random.faults.isEmpty else { return nil }
        guard generator.nextUnit() < random.rate else { return nil }
        return random.faults[Int(generator.next() % UInt64(random.faults.count))]
    }

    /// Carries out `operation` (under the lock).
    private func perform(_ operation: String, _ input: [String: Any], fault: Fault?) -> TestHTTPServer.Reply {
        if operation == "DescribeProjects" { return describeProjects(input) }
        guard let arn = input["DatasetArn"] as? String else {
            return refuse(
                400, "ValidationException",
                "1 validation error detected: Value null at 'datasetArn' failed to satisfy constraint: Member must not be null",
                locked: true)
        }
        // Taken out of the table while it changes, so that its entries are never copied.
        guard var dataset = datasets.removeValue(forKey: arn) else {
            return refuse(400, "ResourceNotFoundException", "The dataset \(arn) does not exist.", locked: true)
        }
        defer { datasets[arn] = dataset }
        switch operation {
        case "UpdateDatasetEntries":
            guard let changes = input["Changes"] as? [String: Any], let blob = changes["GroundTruth"] as? String,
                let data = Data(base64Encoded: blob)
            else {
                return refuse(400, "SerializationException", "Changes.GroundTruth must be base64", locked: true)
            }
            guard !data.isEmpty, data.count <= 5_242_880 else {
                return refuse(
                    400, "ValidationException",
                    "1 validation error detected: Value at 'changes.groundTruth' failed to satisfy constraint: Member must have length less than or equal to 5242880",
                    locked: true)
            }
            guard !dataset.status.hasSuffix("_IN_PROGRESS") else {
                busy += 1
                return refuse(400, "ResourceInUseException", "The dataset is in use.", locked: true)
            }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            var failure: String?
            if case .updateFailed(let message)? = fault { failure = message }
            blobs.append(Array(data))
            dataset.begin(lines, polls: pollsPerUpdate, failure: failure)
            return answer([:])
        case "DescribeDataset":
            dataset.poll()
            return answer([
                "DatasetDescription": [
                    "CreationTimestamp": 1_700_000_000.5, "LastUpdatedTimestamp": 1_700_000_100.25,
                    "Status": dataset.status, "StatusMessage": dataset.statusMessage,
                    "StatusMessageCode": dataset.statusMessageCode,
                    "DatasetStats": [
                        "LabeledEntries": dataset.entries.count, "TotalEntries": dataset.entries.count,
                        "TotalLabels": 0,
                        "ErrorEntries": dataset.errorEntries,
                    ],
                ]
            ])
        case "ListDatasetEntries":
            let size = input["MaxResults"] as? Int ?? 100
            guard (1...100).contains(size) else {
                return refuse(
                    400, "ValidationException",
                    "1 validation error detected: Value '\(size)' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
                    locked: true)
            }
            let token = input["NextToken"] as? String ?? ""
            guard let start = token.isEmpty ? 0 : Int(token.dropFirst(5)), token.isEmpty || token.hasPrefix("page-")
            else {
                return refuse(400, "InvalidPaginationTokenException", "Invalid pagination token", locked: true)
            }
            var page: [String] = []
            var position = start
            let hasErrors = input["HasErrors"] as? Bool == true
            let contains = input["SourceRefContains"] as? String
            // The token is a position in the dataset's order, so a page costs its size, not the dataset's.
            while position < dataset.order.count && page.count < size {
                let sourceRef = dataset.order[position]
                position += 1
                guard let line = dataset.entries[sourceRef], !hasErrors || FakeDataset.hasErrors(line),
                    contains.map({ sourceRef.contains($0) }) ?? true
                else { continue }
                page.append(line)
            }
            return listing(page, nextToken: position < dataset.order.count ? "page-\(position)" : nil)
        default:
            return refuse(400, "UnknownOperationException", "", locked: true)
        }
    }

    private func describeProjects(_ input: [String: Any]) -> TestHTTPServer.Reply {
        let names = input["ProjectNames"] as? [String]
        guard names == nil || names?.contains(Self.project) == true else { return answer(["ProjectDescriptions": []]) }
        return answer([
            "ProjectDescriptions": [
                [
                    "ProjectArn": "arn:aws:rekognition:us-east-1:123456789012:project/\(Self.project)/1690000000000",
                    "Status": "CREATED",
                    "Datasets": [["DatasetType": "TRAIN", "DatasetArn": Self.datasetARN, "Status": "UPDATE_COMPLETE"]],
                ]
            ]
        ])
    }

    private func answer(_ object: [String: Any]) -> TestHTTPServer.Reply {
        answer(
            body: Array(
                (try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])) ?? Data()))
    }

    /// A `ListDatasetEntries` page, written directly: JSONSerialization spent several milliseconds a page
    /// escaping the entries, which made the server, not the client, most of a benchmark's time.
    private func listing(_ entries: [String], nextToken: String?) -> TestHTTPServer.Reply {
        var body: [UInt8] = []
        body.reserveCapacity(entries.reduce(64) { $0 + $1.utf8.count + $1.utf8.count / 8 + 3 })
        body += #"{"DatasetEntries":["#.utf8
        for (index, entry) in entries.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(entry, to: &body)
        }
        body.append(UInt8(ascii: "]"))
        if let nextToken {
            body += #","NextToken":"#.utf8
            JSONText.appendQuoted(nextToken, to: &body)
        }
        body.append(UInt8(ascii: "}"))
        return answer(body: body)
    }

    private func answer(body: [UInt8]) -> TestHTTPServer.Reply {
        .respond(
            status: 200,
            headers: [
                ("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-RequestId", UUID().uuidString.lowercased()),
            ],
            body: body)
    }

    private func refuse(_ status: Int, _ code: String, _ message: String, locked: Bool = false) -> TestHTTPServer.Reply
    {
        if locked { refusals.append(code) } else { lock.withLock { refusals.append(code) } }
        let messageKey = code.hasSuffix("SignatureException") || code.hasPrefix("Unrecognized") ? "message" : "Message"
        var object: [String: Any] = ["__type": code, messageKey: message]
        if messageKey == "Message" { object["Code"] = code }
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])) ?? Data()
        return .respond(
            status: status,
            headers: [
                ("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-RequestId", UUID().uuidString.lowercased()),
                ("Date", Self.httpDate(Date().addingTimeInterval(offset))),
            ],
            body: Array(body))
    }

    private static func httpDate(_ date: Date) -> String {
        RequestSignatureCheck.utcFormatter("EEE, dd MMM yyyy HH:mm:ss 'GMT'").string(from: date)
    }
}

/// A small seeded generator, so injected faults repeat from run to run.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in 0..<1.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
