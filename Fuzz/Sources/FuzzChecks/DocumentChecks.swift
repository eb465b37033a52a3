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
    public static func run(_ pipeline: Pipeline, bytes: [UInt8], path: String) {
        let problems = DocumentCheck.problems(running: bytes, path: path, through: pipeline, schema: schema)
        guard problems.isEmpty else { fail(problems.joined(separator: "\n")) }
    }

    /// Stops the run: a fuzz finding.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("FUZZ CHECK FAILED: \(message)\n".utf8))
        abort()
    }
}
