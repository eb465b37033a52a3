import Foundation
import MinutesCore
import MinutesRules
import MinutesText

/// Decisions: every entry of a "Resolved" or "Recommendations" block (one per
/// number where the block is a numbered list), and sentences the decision
/// rules recognise ("It was agreed that …", "The Panel noted the report",
/// minutes confirmed as a correct record, a bare "Agreed."). Each decision
/// belongs to the item whose block holds it.
struct DecisionExtractor: Extractor {
    let rules: [Rule]
    let motions: MotionReader

    init(rules: RuleBook) {
        self.rules = rules.rules(for: "decisions").filter { $0.yields == .decision }
        motions = MotionReader(rules: rules)
    }

    func extract(from page: Page, into document: inout MinutesDocument) {
        var found: [(range: Range<Int>, kind: DecisionKind, rule: String)] = []
        var markers: [Range<Int>] = []
        page.tree.walk { block in
            guard block.kind == .resolution, let heading = block.heading else { return }
            // The marker and its lead-in ("RESOLVED that:") are not decisions of their own.
            let leadEnd = block.children.first.map(\.range.upperBound) ?? block.range.upperBound
            markers.append(block.range.lowerBound..<max(block.range.lowerBound, leadEnd))
            let kind = DecisionKind(rawValue: heading.fields["kind"] ?? "") ?? .resolved
            for entry in DecisionExtractor.entries(of: block, page) {
                found.append((entry, kind, heading.rule))
            }
        }
        var diagnostics: [Diagnostic] = []
        let markedAt = RangeIndex(markers)
        var foundAt = RangeIndex(found.map(\.range))
        for rule in rules {
            for m in page.matches(rule, diagnostics: &diagnostics) {
                guard case .success(let value) = m.value, let kind = DecisionKind(rawValue: value.fields["kind"] ?? ""),
                      !markedAt.contains(m.range.lowerBound) else { continue }
                var sentence = page.sentence(around: m.range)
                // "While the Panel supported …, it was agreed to …": the decision is the clause.
                // (A match that opens with white space can start before its trimmed sentence.)
                if sentence.lowerBound < m.range.lowerBound, m.range.lowerBound < sentence.upperBound {
                    let before = page.text.text(sentence.lowerBound..<m.range.lowerBound)
                    if before.hasSuffix(", ") || before.hasSuffix(" and ") || before.hasSuffix(", and ") {
                        sentence = m.range.lowerBound..<sentence.upperBound
                    }
                }
                // One decision a sentence: the first rule (highest priority) to claim it.
                guard !foundAt.overlaps(sentence) else { continue }
                found.append((sentence, kind, rule.id))
                foundAt.insert(sentence)
            }
        }
        var decisions = found.map { FoundDecision(range: $0.range, kind: $0.kind, rule: $0.rule) }
        motions.read(page, into: &decisions, markers: markers, document: document, diagnostics: &diagnostics)
        decisions.sort { $0.range.lowerBound < $1.range.lowerBound }
        let roster = Roster(people: document.people)
        for d in decisions where !d.range.isEmpty {
            let original = page.original(d.range)
            var decision = Decision(item: page.itemID(at: d.range.lowerBound, in: document), kind: d.kind,
                                    text: original.text, rule: d.rule, span: original.span)
            MotionReader.place(d.motion, on: &decision, page: page, roster: roster, people: document.people)
            document.decisions.append(decision)
        }
        document.diagnostics += diagnostics
    }

    /// A resolution written on the marker's line ("RESOLVED: that the payments be
    /// approved.") is one decision, with any further paragraph that opens with
    /// "That". A marker alone or with a lead-in ("RESOLVED that:") heads a
    /// numbered list, one decision per entry (without its number), or paragraphs.
    static func entries(of block: Block, _ page: Page) -> [Range<Int>] {
        var children = block.children
        if let first = children.first, first.kind == .paragraph, isLeadIn(page.text.text(first.range)) {
            children.removeFirst()
        } else if let first = children.first, first.kind == .paragraph {
            return [first.range] + children.dropFirst().filter { child in
                child.kind == .paragraph && page.text.text(child.range).lowercased().hasPrefix("that ")
            }.map(\.range)
        }
        var out: [Range<Int>] = []
        for child in children {
            switch child.kind {
            case .list:
                out += child.children.map { withoutEnumerator($0.range, page) }
            case .paragraph where !isLeadIn(page.text.text(child.range)):
                out.append(child.range)
            default:
                break
            }
        }
        return out
    }

    /// "that:", "– that the Panel:" — words that introduce the list below.
    static func isLeadIn(_ text: String) -> Bool {
        let t = text.trimmingSpaces()
        return t.hasSuffix(":") && t.count <= 40 || t.isEmpty
    }

    /// "1) That …", "(a) that …", "ii. that …" → "That …".
    static func withoutEnumerator(_ range: Range<Int>, _ page: Page) -> Range<Int> {
        let s = page.text.scalars
        var k = range.lowerBound
        while k < range.upperBound, s[k] == " " || s[k] == "\t" || s[k] == "•" || s[k] == "-" { k += 1 }
        var j = k
        if j < range.upperBound, s[j] == "(" { j += 1 }
        let label = j
        while j < range.upperBound, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) { j += 1 }
        guard j > label, j - label <= 4, j < range.upperBound, s[j] == ")" || s[j] == "." else { return k..<range.upperBound }
        j += 1
        while j < range.upperBound, s[j] == " " || s[j] == "\t" { j += 1 }
        return j..<range.upperBound
    }
}
