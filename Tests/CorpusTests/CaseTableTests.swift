import BundledRules
import Foundation
import MinutesCore
import MinutesRules
import Testing
import Yams
@testable import MinutesPipeline

/// The phrase → value tables in `Corpus/cases/` (as Duckling keeps a corpus
/// per dimension): every phrase runs through the whole pipeline under a
/// meeting held on the case's `meeting` date (default 2017-09-22), and must
/// give exactly the dates or amounts listed, in order; an empty list means
/// "not a date" / "not money".
@Suite struct CaseTableTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pipeline = Pipeline(rules: try! RuleBook.bundled())
    static let defaultMeeting = "2017-09-22"

    struct Case: CustomTestStringConvertible, Sendable {
        var line: Int
        var text: String
        var meeting: String
        var expected: [[String: String]]
        var testDescription: String { "line \(line): \(text)" }
    }

    static func load(_ name: String, key: String) -> [Case] {
        let url = root.appendingPathComponent("Corpus/cases/\(name)")
        guard let yaml = try? String(contentsOf: url, encoding: .utf8), let node = try? Yams.compose(yaml: yaml),
              case .sequence(let list) = node else { return [] }
        return list.compactMap { item -> Case? in
            guard case .mapping(let map) = item, let text = map["text"]?.string else { return nil }
            let expected = (map[key]?.sequence ?? []).compactMap { entry -> [String: String]? in
                guard case .mapping(let fields) = entry else { return nil }
                var out: [String: String] = [:]
                for (k, v) in fields { if let k = k.string, let v = v.string { out[k] = v } }
                return out
            }
            return Case(line: item.mark?.line ?? 0, text: text, meeting: map["meeting"]?.string ?? defaultMeeting, expected: expected)
        }
    }

    static let dateCases = load("dates.yaml", key: "dates")
    static let amountCases = load("amounts.yaml", key: "amounts")

    /// The phrase under a header that states the meeting date; what the header gives is left out.
    static func run(_ c: Case) throws -> MinutesDocument {
        let header = "Minutes of the meeting held on \(c.meeting)\n\n1. Business\n"
        return try pipeline.extract(bytes: Array((header + c.text + "\n").utf8), path: "case.txt", context: Context(meetingDate: c.meeting))
    }

    @Test func theTablesAreThere() {
        #expect(Self.dateCases.count >= 150)
        #expect(Self.amountCases.count >= 150)
        #expect(Self.dateCases.contains { $0.expected.isEmpty }, "not-a-date cases")
        #expect(Self.amountCases.contains { $0.expected.isEmpty }, "not-money cases")
    }

    @Test(arguments: dateCases)
    func date(_ c: Case) throws {
        let doc = try Self.run(c)
        let found = doc.dates.filter { $0.span.line > 3 }.map { d -> [String: String] in
            var out = ["text": d.text, "value": d.value ?? "null", "grain": d.grain.rawValue]
            if d.resolved == true { out["resolved"] = "true" }
            return out
        }
        let wanted = c.expected.map { e -> [String: String] in
            var out = e
            if out["resolved"] == "false" { out["resolved"] = nil }
            return out
        }
        #expect(found == wanted)
    }

    @Test(arguments: amountCases)
    func amount(_ c: Case) throws {
        let doc = try Self.run(c)
        let found = doc.amounts.map { a -> [String: String] in
            var out = ["text": a.text, "currency": a.currency]
            if let v = a.value { out["value"] = "\(v)" }
            if let v = a.min { out["min"] = "\(v)" }
            if let v = a.max { out["max"] = "\(v)" }
            if let p = a.period { out["period"] = p }
            if let b = a.bound { out["bound"] = b }
            return out
        }
        let wanted = c.expected.map { e -> [String: String] in
            // Values compare as decimals: "0.50" is 0.5.
            e.mapValues { v in Decimal(string: v).map { "\($0)" } ?? v }
                .merging(e.filter { !["value", "min", "max"].contains($0.key) }) { _, original in original }
        }
        #expect(found == wanted)
    }
}
