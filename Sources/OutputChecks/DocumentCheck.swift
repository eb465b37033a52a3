import Foundation
import MinutesPipeline

/// One input through the whole pipeline, held to what every output owes:
/// the JSON validates against the schema, every span slices the original
/// text to its value's `text`, and a second run of the same bytes gives the
/// same JSON, byte for byte. The fuzz targets run every input through it,
/// and the corpus tests every input the fuzzers found a failure with.
public enum DocumentCheck {
    /// What is wrong with the output for `bytes` read from `path` (empty: nothing).
    /// An input the loader refuses (binary, undecodable) has no output to check.
    /// `twice: false` skips the second run (the fuzzers run it on a sample of
    /// inputs, as it doubles the cost of each).
    public static func problems(running bytes: [UInt8], path: String, through pipeline: Pipeline,
                                schema: JSONSchemaValidator, twice: Bool = true) -> [String] {
        guard let input = try? Loader.load(bytes: bytes, path: path) else { return [] }
        let analysis = pipeline.analyse(input)
        let json = Emitter.json(analysis.document)
        var problems: [String] = []
        if twice, case let again = Emitter.json(pipeline.analyse(input).document), json != again {
            problems.append("two runs of the same bytes gave different JSON:\n\(String(decoding: json, as: UTF8.self))\n---\n\(String(decoding: again, as: UTF8.self))")
        }
        guard let object = try? JSONSerialization.jsonObject(with: json) else {
            return problems + ["the emitted JSON does not parse:\n\(String(decoding: json, as: UTF8.self))"]
        }
        problems += schema.validate(object).map { "schema: \($0)" }
        problems += SpanInvariant.check(object, against: analysis.text.source).violations.map { "span: \($0)" }
        return problems
    }
}
