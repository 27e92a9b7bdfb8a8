internal import CManifestSupport
import Foundation
import Testing
import _ManifestTestSupport

@testable import ManifestKit

/// What parsing one line gave: its nodes and duplicate keys, or its error.
private enum Outcome: Equatable {
    case parsed(nodes: [JSONNode], duplicates: [DuplicateKey])
    case failed(JSONSyntaxError)
}

/// Parses `bytes` with or without the structural-index fast path.
private func outcome(_ bytes: [UInt8], indexed: Bool, maxDepth: Int = 512) -> (Outcome, fast: Bool) {
    let parser = JSONParser(maxDepth: maxDepth)
    parser.usesStructuralIndex = indexed
    return bytes.withUnsafeBufferPointer { buffer in
        do throws(JSONSyntaxError) {
            let document = try parser.parse(buffer)
            return (
                .parsed(nodes: Array(document.nodes), duplicates: document.duplicateKeys), parser.lastLineWasIndexed
            )
        } catch {
            return (.failed(error), parser.lastLineWasIndexed)
        }
    }
}

/// Expects the first stage's AVX2 version (where the processor has it) and its portable version to list
/// the same positions for `bytes`.
private func expectSameFirstStages(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    let capacity = bytes.count + 4
    var fast = [UInt32](repeating: 0, count: capacity)
    var portable = [UInt32](repeating: 0, count: capacity)
    var fastHigh: Int32 = 0
    var portableHigh: Int32 = 0
    let fastCount = clm_json_structurals(bytes, bytes.count, &fast, &fastHigh)
    let portableCount = clm_json_structurals_portable(bytes, bytes.count, &portable, &portableHigh)
    let line = String(decoding: bytes, as: UTF8.self).debugDescription
    #expect(fastCount == portableCount, "first stages disagree on \(line)", sourceLocation: sourceLocation)
    if fastCount > 0, fastCount == portableCount {
        #expect(fast.prefix(fastCount) == portable.prefix(portableCount), "\(line)", sourceLocation: sourceLocation)
        #expect(fastHigh == portableHigh, "\(line)", sourceLocation: sourceLocation)
    }
}

/// Expects the fast path and the byte-by-byte parser to agree on `bytes` (and both first stages); returns
/// whether the fast path accepted the line.
@discardableResult
private func expectAgreement(_ bytes: [UInt8], maxDepth: Int = 512, sourceLocation: SourceLocation = #_sourceLocation)
    -> Bool
{
    if !bytes.isEmpty { expectSameFirstStages(bytes, sourceLocation: sourceLocation) }
    let (fast, accepted) = outcome(bytes, indexed: true, maxDepth: maxDepth)
    let (reference, _) = outcome(bytes, indexed: false, maxDepth: maxDepth)
    #expect(
        fast == reference,
        "fast path and byte parser disagree on \(String(decoding: bytes, as: UTF8.self).debugDescription)",
        sourceLocation: sourceLocation)
    if case .failed = reference {
        #expect(!accepted, "the fast path accepted an invalid line", sourceLocation: sourceLocation)
    }
    return accepted
}

/// The structural-index fast path of ``JSONParser`` must give exactly the nodes the byte-by-byte parser
/// gives, and must decline (so the byte parser names the error) every line that is not valid JSON.
@Suite struct StructuralIndexTests {
    @Test func takesPlainLinesAndDeclinesEscapes() {
        #expect(expectAgreement(Array(#"{"source-ref":"s3://b/a.jpg","x":[1,-2.5e3,true,false,null,{}]}"#.utf8)))
        #expect(expectAgreement(Array(#"  [ 1 , "é" , { "a" : [ ] } ]  "#.utf8)))
        #expect(!expectAgreement(Array(#"{"a":"x\"y"}"#.utf8)))
        #expect(!expectAgreement(Array(#"{"a":"\u00e9"}"#.utf8)))
    }

    @Test func bothFirstStagesListTheSamePositions() {
        // On a machine with AVX2 the parser uses that version; the portable one must list the same. (Every
        // line of the other tests is compared too.)
        var lines = [
            #"{"a":[1,2,{"b":"c d"}],"e":true}"#, #"  [ "x" , 1.5e3 , null ]"#, #"{"a":"\"}"#, "[\"é\"]",
            "[\"a\u{01}\"]", #"["unterminated"#,
        ]
        for padding in 0..<130 {
            lines.append(#"{"k":"\#(String(repeating: "a", count: padding))","n":1, "t" :true}"#)
        }
        for line in lines { expectSameFirstStages(Array(line.utf8)) }
    }

    @Test func agreesOnHandWrittenEdgeCases() {
        let lines = [
            "1", "-0", "0.5", "1e5", "1E+5", "-1.25e-3", "true", "false", "null", #""""#, #""a""#, "[]", "{}",
            "01", "1.", ".5", "-", "1e", "1e+", "+1", "tru", "truex", "nul", "[1 2]", "[1,]", "{,}", #"{"a"}"#,
            #"{"a":}"#, #"{"a" 1}"#, #"{"a":1,}"#, #"{"a":1 "b":2}"#, #"["a""b"]"#, #"["a"1]"#, "[1x]", "[1]x",
            "[1] 2", "[", "]", "[[]", "[]]", #"{"a":1}}"#, "{\"a\":\"\u{01}\"}", "[\"a\u{7F}\"]", "\u{01}1",
            "[1\u{01}]", #"{"a":1,"a":2,"b":3,"a":4}"#, "[\"\u{FEFF}\"]", "\u{FEFF}[]", "[\"\u{00A0}\"] ", "",
            "   ", #"["unterminated]"#, #"""#, "[null,nul]", "[true,truee]", "{\"\":0}", "[-]", "[--1]", "[1.e5]",
            "[0x10]", "[Infinity]", "[NaN]", "['a']", "[1\t,\r2 ,\n3]", #"[1"a"]"#, "[12 ,3]", "[00]", "[-0]",
            #"{"a":12345678}"#, #"{"a":123456789}"#, #"{"a":1234567,"b":0}"#, "[7]", "7 ", " 7", "[1e]", "[1.5x]",
        ]
        for line in lines { expectAgreement(Array(line.utf8)) }
        // Invalid UTF-8 inside and outside strings, and a truncated sequence at the end.
        for bytes: [UInt8] in [
            [0x22, 0xC3, 0x22], [0x22, 0xC3, 0xA9, 0x22], [0xC3, 0xA9], [0x22, 0xED, 0xA0, 0x80, 0x22],
        ] {
            expectAgreement([0x5B] + bytes + [0x5D])
        }
    }

    @Test func agreesAcrossBlockBoundaries() {
        // Strings, numbers and literals that start, end or straddle the 64-byte blocks of the first stage.
        for padding in 0..<140 {
            let text = String(repeating: "a", count: padding)
            expectAgreement(Array(#"{"k":"\#(text)","n":12345,"t":true,"s":"x"}"#.utf8))
            expectAgreement(Array(#"[\#(String(repeating: " ", count: padding))"a",1,null]"#.utf8))
            expectAgreement(Array(#"["\#(text)"#.utf8))
        }
    }

    @Test func nodeLayoutMatchesTheSecondStage() {
        // clm_json_nodes (C) writes JSONNode values through its own struct: the layouts must be the same.
        #expect(MemoryLayout<JSONNode>.size == 18)
        #expect(MemoryLayout<JSONNode>.stride == MemoryLayout<clm_json_node>.stride)
        #expect(MemoryLayout<JSONNode>.alignment == MemoryLayout<clm_json_node>.alignment)
        #expect(MemoryLayout<JSONNode>.offset(of: \.start) == 0)
        #expect(MemoryLayout<JSONNode>.offset(of: \.end) == 4)
        #expect(MemoryLayout<JSONNode>.offset(of: \.next) == 8)
        #expect(MemoryLayout<JSONNode>.offset(of: \.count) == 12)
        #expect(MemoryLayout<JSONNode>.offset(of: \.kind) == 16)
        #expect(MemoryLayout<JSONNode>.offset(of: \.flags) == 17)
        let kinds: [(JSONNode.Kind, Int)] = [
            (.object, Int(CLM_KIND_OBJECT)), (.array, Int(CLM_KIND_ARRAY)),
            (.string, Int(CLM_KIND_STRING)), (.number, Int(CLM_KIND_NUMBER)),
            (.true, Int(CLM_KIND_TRUE)), (.false, Int(CLM_KIND_FALSE)),
            (.null, Int(CLM_KIND_NULL)),
        ]
        for (kind, value) in kinds {
            #expect(Int(unsafeBitCast(kind, to: UInt8.self)) == value, "\(kind)")
        }
        #expect(Int(JSONNode.isInteger) == Int(CLM_NODE_INTEGER))
    }

    @Test func agreesOnObjectSizesAndRepeatedKeys() {
        // The second stage takes objects of up to 32 members whose keys differ, and declines the others.
        for members in [1, 2, 31, 32, 33, 40] {
            let line = "{" + (0..<members).map { #""k\#($0)":[\#($0)]"# }.joined(separator: ",") + "}"
            #expect(expectAgreement(Array(line.utf8)) == (members <= 32), "\(members) members")
            #expect(expectAgreement(Array("[\(line),{\"x\":\(line)}]".utf8)) == (members <= 32), "\(members) members")
        }
        let lines = [
            #"{"a":1,"b":2,"a":3}"#, #"{"ab":1,"cd":2,"ef":3}"#, #"{"ab":1,"cd":2,"ab":3}"#, #"{"x":{"k":1,"k":2}}"#,
            #"[{"k":1},{"k":1}]"#, #"{"k":{},"j":[],"k":null}"#, #"{"confidence":1,"class-name":"a","job-name":"b"}"#,
            #"{"":1,"":2}"#, #"{"a":{"b":{"c":{}}},"b":[[],[{}]]}"#,
        ]
        for line in lines { expectAgreement(Array(line.utf8)) }
    }

    @Test func agreesOnDeepNesting() {
        // Deeper than the parser's first stack allocation, up to and past the default limit of 512.
        for depth in [63, 64, 65, 200, 512, 513] {
            let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            expectAgreement(Array(arrays.utf8))
            let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
            expectAgreement(Array(objects.utf8))
        }
    }

    @Test func agreesOnNestingAtTheDepthLimit() {
        for depth in [3, 4, 5] {
            let line = String(repeating: "[", count: 4) + String(repeating: "]", count: 4)
            expectAgreement(Array(line.utf8), maxDepth: depth)
        }
    }

    @Test func agreesOnEveryOneByteChangeOfManifestLines() {
        let lines = [
            #"{"source-ref":"s3://bucket/a b/IMG_1.jpg","bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],"annotations":[{"class_id":0,"top":10,"left":20,"width":30,"height":40}]},"bounding-box-metadata":{"objects":[{"confidence":0.98}],"class-map":{"0":"dög"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-01-02T03:04:05.678","job-name":"labeling-job/x"}}"#,
            #"{"source-ref":"s3://b/c.png","cat":1,"cat-metadata":{"confidence":1,"class-name":"cat","human-annotated":"no","creation-date":"2024-01-02T03:04:05","type":"groundtruth/image-classification","job-name":"j"}}"#,
        ]
        let replacements: [UInt8] = Array(#""\{}[]:, 0-e.tE+"#.utf8) + [0x01, 0x09, 0x7F, 0xC3, 0x80, 0xFF]
        for line in lines {
            let bytes = Array(line.utf8)
            expectAgreement(bytes)
            for index in bytes.indices {
                var deleted = bytes
                deleted.remove(at: index)
                expectAgreement(deleted)
                for replacement in replacements where replacement != bytes[index] {
                    var changed = bytes
                    changed[index] = replacement
                    expectAgreement(changed)
                }
            }
        }
    }

    @Test func agreesOnTheJSONTestSuiteAndTheCorpus() throws {
        var files: [URL] = []
        for name in SharedDirectory.files(in: JSONTestSuiteTests.relativePath, endingWith: ".json") {
            files.append(try #require(SharedDirectory.existing("\(JSONTestSuiteTests.relativePath)/\(name)")))
        }
        for name in SharedDirectory.files(in: "corpus/real", endingWith: ".manifest") {
            files.append(try #require(SharedDirectory.existing("corpus/real/\(name)")))
        }
        let samples = SharedDirectory.packageRoot.appendingPathComponent("samples")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) where name.hasSuffix(".manifest")
        {
            files.append(samples.appendingPathComponent(name))
        }
        var accepted = 0
        for file in files {
            let data = try Data(contentsOf: file)
            // A suite file is one document (newlines are whitespace in it); a manifest is one per line.
            let lines = file.pathExtension == "json" ? [[UInt8](data)] : data.split(separator: 0x0A).map { [UInt8]($0) }
            for line in lines where expectAgreement(line) { accepted += 1 }
        }
        if SharedDirectory.isCI { #expect(accepted > 5_000, "the fast path took too few lines: \(accepted)") }
    }
}
