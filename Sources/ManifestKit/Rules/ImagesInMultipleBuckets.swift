/// Flags images in a different S3 bucket from the manifest's first image.
public struct ImagesInMultipleBuckets: ManifestRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL402",
        name: "images-in-multiple-buckets",
        mirrors: .imagesInMultipleS3Buckets,
        severity: .error,
        summary: "the manifest's images are in more than one S3 bucket",
        rationale: """
            All images of a manifest must be in one S3 bucket. Otherwise training fails with \
            ERROR_IMAGES_IN_MULTIPLE_S3_BUCKETS and a dataset update fails (UPDATE_FAILED, "The manifest file \
            contains images from multiple S3 buckets."). The first line of each other bucket is reported.
            """,
        fix: "copy the images into one bucket and update their source-refs",
        conditions: [
            "images in two buckets"
        ],
        triggeringExamples: [
            Example(
                "{\"source-ref\": \"s3://one/a.jpg\"}\n{\"source-ref\": ↓\"s3://two/b.jpg\"}\n{\"source-ref\": \"s3://two/c.jpg\"}\n",
                condition: "images in two buckets")
        ],
        nonTriggeringExamples: [
            Example(
                "{\"source-ref\": \"s3://one/a.jpg\"}\n{\"source-ref\": \"s3://one/b/c.jpg\"}\n",
                condition: "images in two buckets"),
            Example(
                "{\"source-ref\": \"s3://one/two/a.jpg\"}\n{\"source-ref\": \"s3://one/b.jpg\"}\n",
                condition: "images in two buckets"),
        ]
    )

    static var events: ManifestEventKinds { .newBuckets }

    static func check(_ event: ManifestEvent, into findings: inout [ManifestFinding]) {
        guard case .newBucket(let seen) = event else { return }
        findings.append(
            ManifestFinding(
                description, line: seen.number, column: seen.column, pointer: "/source-ref",
                sourceRef: seen.sourceRef,
                message: "image in bucket '\(seen.bucket)'; line \(seen.firstLine) and the images before it are in "
                    + "'\(seen.firstBucket)', and all must be in one bucket"))
    }
}
