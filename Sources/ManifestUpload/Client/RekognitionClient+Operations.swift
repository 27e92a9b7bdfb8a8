import Foundation

extension RekognitionClient {
    /// `UpdateDatasetEntries`: adds or replaces the entries in `groundTruth`, by `source-ref`.
    ///
    /// `groundTruth` is JSON Lines of at most 5,242,880 bytes. Not retried when its outcome is unknown.
    public func updateDatasetEntries(datasetARN: String, groundTruth: [UInt8]) throws(RekognitionError) {
        _ = try call(
            "UpdateDatasetEntries",
            ["DatasetArn": datasetARN, "Changes": ["GroundTruth": Data(groundTruth).base64EncodedString()]],
            idempotent: false)
    }

    /// `DescribeDataset`.
    public func describeDataset(datasetARN: String) throws(RekognitionError) -> DatasetDescription {
        DatasetDescription(answer: try call("DescribeDataset", ["DatasetArn": datasetARN]))
    }

    /// One page of `ListDatasetEntries`: the entries (each a JSON Lines line) and the next page's token.
    public func listDatasetEntries(
        datasetARN: String, hasErrors: Bool? = nil, sourceRefContains: String? = nil, nextToken: String? = nil,
        maxResults: Int = 100
    ) throws(RekognitionError) -> (entries: [String], nextToken: String?) {
        var input: [String: Any] = ["DatasetArn": datasetARN, "MaxResults": maxResults]
        if let hasErrors { input["HasErrors"] = hasErrors }
        if let sourceRefContains { input["SourceRefContains"] = sourceRefContains }
        if let nextToken { input["NextToken"] = nextToken }
        let page = try call("ListDatasetEntries", input, reusesConnection: true) {
            (response) throws(RekognitionError) in try EntryPage(response)
        }
        return (page.entries, page.nextToken)
    }

    /// Every entry of the dataset, page by page; `page` receives each page's entries in order.
    public func forEachDatasetEntry(
        datasetARN: String, hasErrors: Bool? = nil, pageSize: Int = 100, page: ([String]) throws -> Void
    ) throws {
        var token: String?
        var seenTokens: Set<String> = []
        repeat {
            let answer = try listDatasetEntries(
                datasetARN: datasetARN, hasErrors: hasErrors, nextToken: token, maxResults: pageSize)
            try page(answer.entries)
            token = answer.nextToken
            if let token, !seenTokens.insert(token).inserted {
                throw RekognitionError.invalidResponse(
                    operation: "ListDatasetEntries", reason: "the service sent the same NextToken twice")
            }
        } while token != nil
    }

    /// The ARN of the `train` or `test` dataset of the project named `project`, from `DescribeProjects`.
    public func datasetARN(project: String, datasetType: String) throws(RekognitionError) -> String? {
        var token: String?
        repeat {
            var input: [String: Any] = ["ProjectNames": [project]]
            if let token { input["NextToken"] = token }
            let answer = try call("DescribeProjects", input)
            for description in answer["ProjectDescriptions"] as? [[String: Any]] ?? [] {
                let arn = description["ProjectArn"] as? String ?? ""
                guard arn.contains(":project/\(project)/") else { continue }
                for dataset in description["Datasets"] as? [[String: Any]] ?? [] {
                    if (dataset["DatasetType"] as? String)?.uppercased() == datasetType.uppercased() {
                        return dataset["DatasetArn"] as? String
                    }
                }
            }
            token = (answer["NextToken"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return nil
    }
}
