import ManifestKit
import Testing

/// The agreement counts a service finding as predicted only when lint has the same code on the same line,
/// compares terminal codes by code alone, applies the service's precedence to lint, and does not count lint
/// errors on lines the reports did not cover as disagreements.
@Suite struct LintAgreementTests {
    static func service(_ line: Int?, _ code: ServiceErrorCode, _ severity: Severity = .error) -> Diagnostic {
        Diagnostic(
            file: "m", line: line, column: nil, code: code.rawValue, name: Reconciliation.name, serviceCode: code,
            severity: severity, message: "the service reports: x")
    }

    static func lint(_ line: Int?, _ rule: String, _ code: ServiceErrorCode?, _ severity: Severity = .error)
        -> Diagnostic
    {
        Diagnostic(
            file: "m", line: line, column: 1, code: rule, name: "rule", serviceCode: code, severity: severity,
            message: "lint says")
    }

    @Test func predictedMissedLintOnlyAndNotCovered() {
        var result = Reconciliation.Result()
        result.localLines = 9
        result.coveredLines = [1, 2, 3, 4, 5, 6]
        result.coversWholeManifest = true
        result.placed = [
            Self.service(1, .boundingBoxTooSmall), Self.service(1, .boundingBoxTooSmall),
            Self.service(2, .invalidImage), Self.service(3, .noAnnotations, .warning),
        ]
        result.wholeManifest = [Self.service(nil, .imagesInMultipleS3Buckets)]
        result.unplaced = [Self.service(nil, .invalidImage)]
        let lint = [
            Self.lint(1, "CL305", .boundingBoxTooSmall),
            Self.lint(2, "CL301", .invalidBoundingBox),  // lint only, on a covered line
            Self.lint(3, "CL310", .noAnnotations, .warning),
            Self.lint(5, "CL401", .imagesInMultipleS3Buckets),  // terminal: matches the whole-manifest finding
            Self.lint(8, "CL302", .tooManyBoundingBoxes),  // on a line not covered
            Self.lint(4, "CL900", nil),  // predicts no service code: not compared
            // Precedence: a missing class-map id hides the box error on line 6.
            Self.lint(6, "CL204", .missingClassMapID), Self.lint(6, "CL301", .invalidBoundingBox),
        ]
        let agreement = LintAgreement(result: result, lint: lint, manifest: "m")
        #expect(
            agreement.predicted.map { "\($0.line ?? 0) \($0.code) \($0.rules)" } == [
                "1 ERROR_BOUNDING_BOX_TOO_SMALL [\"CL305\"]", "1 ERROR_BOUNDING_BOX_TOO_SMALL [\"CL305\"]",
                "3 WARNING_NO_ANNOTATIONS [\"CL310\"]", "0 ERROR_IMAGES_IN_MULTIPLE_S3_BUCKETS [\"CL401\"]",
            ])
        #expect(agreement.missed.map { "\($0.line ?? 0) \($0.code)" } == ["2 ERROR_INVALID_IMAGE"])
        #expect(
            agreement.lintOnly.map { "\($0.line ?? 0) \($0.code) \($0.rules)" } == [
                "2 ERROR_INVALID_BOUNDING_BOX [\"CL301\"]", "6 ERROR_MISSING_CLASS_MAP_ID [\"CL204\"]",
            ])
        #expect(agreement.notCovered == 1 && agreement.elsewhere == 1)
        #expect(agreement.total.service == 5 && agreement.total.predicted == 4 && agreement.total.missed == 1)
        #expect(agreement.total.lintOnly == 2)
        let row = agreement.codes.first { $0.code == "ERROR_BOUNDING_BOX_TOO_SMALL" }
        #expect(
            row
                == LintAgreement.Row(
                    code: "ERROR_BOUNDING_BOX_TOO_SMALL", service: 2, predicted: 2, missed: 0, lintOnly: 0))
        let text = agreement.text()
        #expect(text.contains("cover 6 of 9 lines"))
        #expect(text.contains("lint predicted 4 of the service's 5 findings (80%)"))
        #expect(text.contains("    line 2: ERROR_INVALID_BOUNDING_BOX (CL301)"))
        #expect(text.contains("1 lint error on lines the service's reports do not cover"))
    }

    @Test func withoutASummaryWholeManifestLintErrorsAreNotCovered() {
        var result = Reconciliation.Result()
        result.coveredLines = [1]
        let agreement = LintAgreement(
            result: result, lint: [Self.lint(nil, "CL408", .tooManyInvalidRowsInManifest)], manifest: "m")
        #expect(agreement.lintOnly.isEmpty && agreement.notCovered == 1)
        #expect(agreement.text().contains("no findings from the service or lint to compare"))
    }
}
