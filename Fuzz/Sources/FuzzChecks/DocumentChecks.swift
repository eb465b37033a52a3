import Foundation
import MinutesPipeline
import OutputChecks

/// What the fuzz targets hold every input to (`DocumentCheck`: schema, spans,
/// determinism). A broken check stops the fuzzer with a message naming it,
/// and libFuzzer saves the input as a crash.
public enum DocumentChecks {
    /// The schema of the output, read from the checkout this package sits in.
    public static let schema: JSONSchemaValidator = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // FuzzChecks
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // Fuzz
            .deletingLastPathComponent()  // the checkout
            .appendingPathComponent("Schema/minutes-1.schema.json")
        do {
            return try JSONSchemaValidator(schemaData: Data(contentsOf: url))
        } catch {
            fail("cannot read the output schema at \(url.path): \(error)")
        }
    }()

    /// Runs `bytes` read from `path` through `pipeline` and stops on any problem.
    /// The determinism check (a second run) is made for one input in
    /// `determinismSample`, chosen by a hash of the bytes, so the same input
    /// is always checked the same way and a finding replays.
    public static func run(_ pipeline: Pipeline, bytes: [UInt8], path: String) {
        let problems = DocumentCheck.problems(running: bytes, path: path, through: pipeline, schema: schema,
                                              twice: fnv1a(bytes) % determinismSample == 0)
        guard problems.isEmpty else { fail(problems.joined(separator: "\n")) }
    }

    /// One input in this many is run twice to check the output is the same.
    public static let determinismSample: UInt64 = 8

    /// FNV-1a over the bytes: a stable choice of the inputs run twice.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// Stops the run: a fuzz finding.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("FUZZ CHECK FAILED: \(message)\n".utf8))
        abort()
    }
}
