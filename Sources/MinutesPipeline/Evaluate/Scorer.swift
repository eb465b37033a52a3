import Foundation
import MinutesCore

/// True positives, false positives and false negatives of one field.
public struct Counts: Sendable, Equatable, Codable {
    public var matched = 0
    public var spurious = 0
    public var missed = 0

    public init(matched: Int = 0, spurious: Int = 0, missed: Int = 0) {
        self.matched = matched
        self.spurious = spurious
        self.missed = missed
    }

    public var gold: Int { matched + missed }
    public var found: Int { matched + spurious }
    public var precision: Double? { found == 0 ? nil : Double(matched) / Double(found) }
    public var recall: Double? { gold == 0 ? nil : Double(matched) / Double(gold) }
    public var f1: Double? {
        if gold == 0 && found == 0 { return nil }
        let p = precision ?? 0, r = recall ?? 0
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public static func + (a: Counts, b: Counts) -> Counts {
        Counts(matched: a.matched + b.matched, spurious: a.spurious + b.spurious, missed: a.missed + b.missed)
    }
}

/// Per-field counts for one document or a whole corpus (micro-averaged by adding counts).
public struct Scorecard: Sendable, Equatable {
    public var fields: [String: Counts] = [:]

    public init(fields: [String: Counts] = [:]) {
        self.fields = fields
    }

    public static func + (a: Scorecard, b: Scorecard) -> Scorecard {
        Scorecard(fields: a.fields.merging(b.fields, uniquingKeysWith: +))
    }

    /// The fields in report order.
    public static let order = [
        "meeting.title", "meeting.date", "attendance", "attendance.present", "attendance.apologies",
        "attendance.absent", "attendance.substitute_for", "items", "decisions", "decisions.proposer", "decisions.seconder", "decisions.votes", "decisions.outcome", "actions", "actions.owners", "actions.due", "amounts", "dates",
    ]
}

/// Scores a document against its gold file the way SPEC §4 says.
public enum Scorer {
    public static func score(_ document: MinutesDocument, against gold: Gold) -> Scorecard {
        var card = Scorecard()
        if let meeting = gold.meeting {
            if let title = meeting.title {
                card.fields["meeting.title"] = single(document.meeting.title, title) { a, b in
                    let x = Text.folded(a), y = Text.folded(b)
                    return x.contains(y) || y.contains(x)
                }
            }
            if let date = meeting.date {
                card.fields["meeting.date"] = single(document.meeting.date, date, ==)
            }
        }
        if let attendance = gold.attendance {
            let names = Dictionary(document.people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            var total = Counts()
            for group in ["present", "apologies", "absent"] {
                let wanted = attendance.filter { Scorer.group($0.status) == group }.map(\.name)
                let got = document.attendance.filter { Scorer.group($0.status.rawValue) == group }.compactMap { names[$0.person] }
                let counts = match(got, wanted, Names.same)
                card.fields["attendance.\(group)"] = counts
                total = total + counts
            }
            card.fields["attendance"] = total
            // Substitutes whose gold names who they stood in for: is the link right?
            var linkage = Counts()
            for wanted in attendance where wanted.status == "substitute" {
                guard let absent = wanted.substituteFor else { continue }
                let found = document.attendance.first { $0.status == .substitute && names[$0.person].map { Names.same($0, wanted.name) } == true }
                if let got = found?.substituteFor.flatMap({ names[$0] }), Names.same(got, absent) {
                    linkage.matched += 1
                } else {
                    linkage.missed += 1
                    if found?.substituteFor != nil { linkage.spurious += 1 }
                }
            }
            if linkage.gold > 0 { card.fields["attendance.substitute_for"] = linkage }
        }
        if let items = gold.items {
            card.fields["items"] = match(document.items.map(\.number), items.map(\.number), ==)
        }
        if let decisions = gold.decisions {
            let result = matchScored(document.decisions.map(\.text), decisions.map(\.text), threshold: 0.5)
            card.fields["decisions"] = result.counts
            card.fields.merge(motions(result.pairs, document.decisions, decisions), uniquingKeysWith: +)
        }
        if let actions = gold.actions {
            let result = matchScored(document.actions.map(\.text), actions.map(\.text), threshold: 0.4)
            card.fields["actions"] = result.counts
            var owners = Counts(), due = Counts()
            for (g, e) in result.pairs {
                let goldAction = actions[g], found = document.actions[e]
                if let wanted = goldAction.owners {
                    let got = found.owners.map(\.text)
                    let same = wanted.count == got.count && wanted.allSatisfy { w in got.contains { Names.same($0, w) } }
                    if same { owners.matched += 1 } else { owners.missed += 1; owners.spurious += got.isEmpty ? 0 : 1 }
                }
                let got = found.due?.date
                if got == goldAction.due { due.matched += 1 } else { due.missed += 1; due.spurious += got == nil ? 0 : 1 }
            }
            card.fields["actions.owners"] = owners
            card.fields["actions.due"] = due
        }
        if let amounts = gold.amounts {
            card.fields["amounts"] = match(document.amounts.map(amountKey), amounts.map(amountKey), ==)
        }
        if let dates = gold.dates {
            card.fields["dates"] = match(document.dates.compactMap(\.value), dates.compactMap(\.value), ==)
        }
        return card
    }

    /// Proposer and seconder (by name, as owners), votes (exact counts) and
    /// outcome of matched decisions. Where the gold gives a field it is scored;
    /// where a gold file annotates motions at all, a field it leaves out says
    /// there is none, so one found there counts against the tool.
    static func motions(_ pairs: [(Int, Int)], _ found: [Decision], _ gold: [Gold.Decision]) -> [String: Counts] {
        let annotated = gold.contains { $0.hasMotion }
        guard annotated else { return [:] }
        var proposer = Counts(), seconder = Counts(), votes = Counts(), outcome = Counts()
        func tally(_ counts: inout Counts, wanted: String?, got: String?, same: (String, String) -> Bool) {
            switch (wanted, got) {
            case (let w?, let g?): if same(g, w) { counts.matched += 1 } else { counts.missed += 1; counts.spurious += 1 }
            case (_?, nil): counts.missed += 1
            case (nil, _?): counts.spurious += 1
            case (nil, nil): break
            }
        }
        for (g, f) in pairs {
            let wanted = gold[g], got = found[f]
            tally(&proposer, wanted: wanted.proposer, got: got.proposer?.text, same: Names.same)
            tally(&seconder, wanted: wanted.seconder, got: got.seconder?.text, same: Names.same)
            tally(&votes, wanted: wanted.votes.map(voteKey), got: got.votes.map(voteKey), same: ==)
            tally(&outcome, wanted: wanted.outcome, got: got.outcome?.rawValue, same: ==)
        }
        return ["decisions.proposer": proposer, "decisions.seconder": seconder, "decisions.votes": votes, "decisions.outcome": outcome]
    }

    static func voteKey(_ v: [String: Int]) -> String {
        "\(v["for"].map(String.init) ?? "-")/\(v["against"].map(String.init) ?? "-")/\(v["abstain"].map(String.init) ?? "-")"
    }

    static func voteKey(_ v: VoteCounts) -> String {
        "\(v.inFavour.map(String.init) ?? "-")/\(v.against.map(String.init) ?? "-")/\(v.abstain.map(String.init) ?? "-")"
    }

    /// `present`, `in-attendance` and `substitute` are scored together.
    static func group(_ status: String) -> String {
        switch status {
        case "apologies": "apologies"
        case "absent": "absent"
        default: "present"
        }
    }

    static func amountKey(_ a: Amount) -> String {
        a.value.map { "\($0)" } ?? "\(a.min.map { "\($0)" } ?? "?")-\(a.max.map { "\($0)" } ?? "?")"
    }

    /// Gold values are JSON numbers; compared as the decimals they spell.
    static func amountKey(_ a: Gold.Amount) -> String {
        func exact(_ d: Double?) -> String { d.flatMap { Decimal(string: "\($0)") }.map { "\($0)" } ?? "?" }
        return a.value != nil ? exact(a.value) : "\(exact(a.min))-\(exact(a.max))"
    }

    private static func single(_ found: String?, _ gold: String, _ same: (String, String) -> Bool) -> Counts {
        guard let found else { return Counts(missed: 1) }
        return same(found, gold) ? Counts(matched: 1) : Counts(spurious: 1, missed: 1)
    }

    /// One-to-one matching in order: each gold value takes the first unused equal found value.
    static func match(_ found: [String], _ gold: [String], _ same: (String, String) -> Bool) -> Counts {
        var used = [Bool](repeating: false, count: found.count)
        var matched = 0
        for g in gold {
            if let i = found.indices.first(where: { !used[$0] && same(found[$0], g) }) {
                used[i] = true
                matched += 1
            }
        }
        return Counts(matched: matched, spurious: found.count - matched, missed: gold.count - matched)
    }

    /// One-to-one matching of texts by word overlap, best pairs first.
    static func matchScored(_ found: [String], _ gold: [String], threshold: Double) -> (counts: Counts, pairs: [(Int, Int)]) {
        var scored: [(score: Double, g: Int, f: Int)] = []
        let foundWords = found.map(Text.words), goldWords = gold.map(Text.words)
        for (g, gw) in goldWords.enumerated() {
            for (f, fw) in foundWords.enumerated() {
                let s = Text.dice(gw, fw)
                if s >= threshold { scored.append((s, g, f)) }
            }
        }
        scored.sort { ($0.score, -$0.g, -$0.f) > ($1.score, -$1.g, -$1.f) }
        var usedG = Set<Int>(), usedF = Set<Int>()
        var pairs: [(Int, Int)] = []
        for s in scored where !usedG.contains(s.g) && !usedF.contains(s.f) {
            usedG.insert(s.g)
            usedF.insert(s.f)
            pairs.append((s.g, s.f))
        }
        let counts = Counts(matched: pairs.count, spurious: found.count - pairs.count, missed: gold.count - pairs.count)
        return (counts, pairs.sorted { $0.0 < $1.0 })
    }
}

/// Word-level text comparison.
/// Person names compared as SPEC §4 says: honorifics and case ignored, a
/// surname with a matching first initial is the same person.
enum Names {
    static let honorifics: Set<String> = [
        "cllr", "cllrs", "cty", "councillor", "councillors", "messrs", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor",
        "sir", "dame", "lord", "lady", "rev", "revd", "mayor", "chief", "constable", "superintendent", "supt",
        "ch", "det", "insp", "inspector", "dcc", "acc", "cc", "alderman", "the", "hon", "honourable",
    ]

    static func tokens(_ name: String) -> [String] {
        Text.words(name).filter { !honorifics.contains($0) }
    }

    static func same(_ a: String, _ b: String) -> Bool {
        let x = tokens(a), y = tokens(b)
        guard let xs = x.last, let ys = y.last else { return false }
        if x == y { return true }
        guard xs == ys else { return false }
        if x.count == 1 || y.count == 1 { return true }
        return x.first?.first == y.first?.first
    }
}
