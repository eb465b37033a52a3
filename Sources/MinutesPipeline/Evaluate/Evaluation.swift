import Foundation
import MinutesCore

/// One corpus document: its input, gold and (optional) meta file.
public struct CorpusCase: Sendable {
    public var name: String
    public var input: URL
    public var gold: URL
    public var meta: URL?

    /// The extensions of the inputs a corpus folder holds.
    public static let inputExtensions: Set<String> = ["txt", "html", "htm"]

    /// Every input (`.txt`, `.html`, `.htm`) under `folder` that has a `.gold.json` beside it, by name.
    public static func discover(in folder: URL) -> [CorpusCase] {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.compactMap { url -> CorpusCase? in
            guard inputExtensions.contains(url.pathExtension) else { return nil }
            let stem = url.deletingPathExtension()
            let gold = stem.appendingPathExtension("gold.json")
            guard FileManager.default.fileExists(atPath: gold.path) else { return nil }
            return CorpusCase(name: stem.lastPathComponent, input: url, gold: gold, meta: meta(beside: url))
        }.sorted { $0.name < $1.name }
    }

    /// `NAME.meta.json` beside `NAME.txt`, where there is one.
    public static func meta(beside input: URL) -> URL? {
        let meta = input.deletingPathExtension().appendingPathExtension("meta.json")
        return FileManager.default.fileExists(atPath: meta.path) ? meta : nil
    }

    /// The context the meta file gives (body and meeting date).
    public func context() throws -> Context {
        try CorpusCase.context(meta: meta)
    }

    /// The context a meta file gives; none without one.
    public static func context(meta: URL?) throws -> Context {
        guard let meta else { return Context() }
        let m = try JSONDecoder().decode(GoldMeta.self, from: Data(contentsOf: meta))
        return Context(meetingDate: m.meetingDate, body: m.body)
    }
}

/// The scores of one document.
public struct CaseScore: Sendable {
    public var name: String
    public var card: Scorecard
}

/// Runs the pipeline over corpus documents and scores them.
public struct Evaluation: Sendable {
    public let pipeline: Pipeline

    public init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    public enum Failure: Error, CustomStringConvertible {
        case unreadable(URL, String)
        public var description: String {
            switch self {
            case .unreadable(let url, let why): "\(url.path): \(why)"
            }
        }
    }

    /// Scores one case; `displayPath` becomes `source.path`.
    public func score(_ corpusCase: CorpusCase, displayPath: String) throws -> (CaseScore, MinutesDocument) {
        let bytes: [UInt8]
        let gold: Gold
        do {
            bytes = Array(try Data(contentsOf: corpusCase.input))
        } catch {
            throw Failure.unreadable(corpusCase.input, "cannot read the input")
        }
        do {
            gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: corpusCase.gold))
        } catch {
            throw Failure.unreadable(corpusCase.gold, "not a gold file (SPEC §4): \(error)")
        }
        let context: Context
        do {
            context = try corpusCase.context()
        } catch {
            throw Failure.unreadable(corpusCase.meta!, "not a meta file: \(error)")
        }
        let document = try pipeline.extract(bytes: bytes, path: displayPath, context: context)
        return (CaseScore(name: corpusCase.name, card: Scorer.score(document, against: gold)), document)
    }
}

/// Renders scores as the table `minutes evaluate` prints.
public enum ScoreTable {
    public static func render(_ card: Scorecard, title: String) -> String {
        var lines = [title]
        lines.append(pad("field", 22) + lpad("gold", 6) + lpad("found", 7) + lpad("match", 7) + lpad("P", 7) + lpad("R", 7) + lpad("F1", 7))
        for field in Scorecard.order {
            guard let c = card.fields[field] else { continue }
            lines.append(pad(field, 22) + lpad("\(c.gold)", 6) + lpad("\(c.found)", 7) + lpad("\(c.matched)", 7)
                + lpad(fmt(c.precision), 7) + lpad(fmt(c.recall), 7) + lpad(fmt(c.f1), 7))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func fmt(_ x: Double?) -> String {
        guard let x else { return "-" }
        return String(format: "%.3f", x)
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
}
