import BundledRules
import Foundation
import Testing
@testable import MinutesRules
@testable import MinutesText

/// A bundled rule that names a fragment (`near`) searches only around that
/// fragment's matches: it must find what its pattern finds searching
/// everywhere — on every corpus document, over the whole text and over
/// stretches of it, and on texts made to catch a window too small.
@Suite struct NearRulesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func texts() throws -> [String] {
        let corpus = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Corpus").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOf: root.appendingPathComponent("Corpus/\($0)"), encoding: .utf8) }
        let spaces = String(repeating: " ", count: 70), lines = String(repeating: "\n", count: 60)
        return corpus + [
            // White space longer than the reach, inside a match or where a lookahead looks.
            "Meet on June 29\(spaces)\n5 items", "on June 29\(lines)12", "22 September\(spaces)\n2017 was busy",
            "Wednesday,\(spaces)\n12th of\(lines)March\(spaces)2021", "in\(lines)June\n\n2024 figures", "at 10.30\(spaces)\nam",
            "financial year\(spaces)\n2023/24", "since\(spaces)\n2019 the Panel", "Sept.", "the\(lines)May 2020 meeting",
        ]
    }

    @Test func nearRulesFindWhatTheirPatternsFindEverywhere() throws {
        let rules = try RuleBook.bundled().rules.filter { $0.near != nil }
        #expect(rules.count >= 10)
        for text in try Self.texts() {
            let normalized = Normalizer.normalize(SourceText(text.unicodeScalars), format: .text)
            // The whole text, and stretches of it starting and ending anywhere.
            var ranges: [Range<Int>?] = [nil]
            var lower = 0
            while lower < normalized.count {
                ranges.append(lower..<min(normalized.count, lower + 301))
                lower += 97
            }
            for rule in rules {
                let everywhere = Rule(id: rule.id, dimension: rule.dimension, description: "", pattern: rule.pattern,
                                      yields: rule.yields, settings: [:], priority: 0, examples: [], triggers: [], file: "", line: 0)
                for range in ranges {
                    let near = try rule.matches(in: normalized, range: range).map(\.range)
                    let all = try everywhere.matches(in: normalized, range: range).map(\.range)
                    #expect(near == all, "\(rule.id) in \(String(describing: range)) of \(text.prefix(40).debugDescription)")
                }
            }
        }
    }
}
