import MinutesCore
import MinutesRules
import MinutesText

/// A decision as the extractor found it, with the motion behind it, before
/// it is placed in the document. Ranges are normalised offsets.
struct FoundDecision {
    var range: Range<Int>
    var kind: DecisionKind
    var rule: String
    var motion = FoundMotion()
    /// Sentences merged into this decision ("the motion was LOST"): what they say of a vote belongs to it.
    var reports: [Range<Int>] = []

    func covers(_ sentence: Range<Int>) -> Bool {
        range.overlaps(sentence) || reports.contains { $0.overlaps(sentence) }
    }
}

/// What the motion rules read for one decision.
struct FoundMotion {
    var proposer: Range<Int>?
    var seconder: Range<Int>?
    var votes = VoteCounts()
    var unanimous = false
    var outcome: MotionOutcome?
    /// Names of a named division with their vote; `zero` lists a vote no one cast ("Against: none").
    var division: [(name: String, vote: VoteChoice)] = []
    var zero: Set<VoteChoice> = []
    var evidence: [(rule: String, range: Range<Int>)] = []

    var isEmpty: Bool { evidence.isEmpty }
}

/// The motion rules (`yields: motion`): proposer and seconder, the vote, a
/// named division and the outcome. Each match belongs to the decision of its
/// sentence, else the nearest decision of its item close by; a proposal that
/// says what was proposed and has no decision near it becomes one (kind
/// agreed, its text what was proposed).
struct MotionReader {
    let rules: [Rule]

    /// How far (in characters) a vote or an outcome may stand from its decision;
    /// a named division, which runs over several lines, further.
    static let reach = 300
    static let divisionReach = 800
    /// Letters outside the motion's sentences that may join it to its decision ("and", "it was").
    static let joiningLetters = 6

    init(rules: RuleBook) {
        self.rules = rules.rules(for: "decisions").filter { $0.yields == .motion }
    }

    /// `markers`: the "RESOLVED:" markers of resolution blocks, which may stand between a proposal and its decision.
    func read(_ page: Page, into found: inout [FoundDecision], markers: [Range<Int>], document: MinutesDocument,
              diagnostics: inout [Diagnostic]) {
        var proposals: [(rule: Rule, match: RuleMatch)] = []
        var others: [(rule: Rule, match: RuleMatch, fields: [String: String])] = []
        for rule in rules {
            for m in page.matches(rule, diagnostics: &diagnostics) {
                guard case .success(let value) = m.value else { continue }
                if m.groups["proposer"] != nil { proposals.append((rule, m)) } else { others.append((rule, m, value.fields)) }
            }
        }
        guard !proposals.isEmpty || !others.isEmpty else { return }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        // The sentences the motion rules read: what may stand between a decision and the vote on it.
        let told = RangeIndex((proposals.map(\.match) + others.map(\.match)).map { span(of: $0.range, page) } + markers)
        let near = Nearness(page: page, document: document, told: told)
        let outcomes = others.filter { $0.fields["outcome"] != nil }.map(\.match.range)
        // Proposals first: one that is a decision of its own must exist before votes look for theirs.
        for (rule, m) in page.longestFirst(proposals) {
            // "… seconded the following motion:" leads in to what follows; it is not what was proposed.
            let sentence = span(of: m.range, page)
            let motion = m.groups["motion"].flatMap { trimmed($0, page) }
                .flatMap { r in r.upperBound < page.text.count && page.text.scalars[r.upperBound] == ":" ? nil : r }
                .map { r in rule.settings["text"] == "sentence" ? Self.fromLineStart(sentence, match: m.range, page) : r }
            var target = found.indices.filter { found[$0].range.overlaps(sentence) }
                .min { distance(found[$0].range, m.range) < distance(found[$1].range, m.range) }
            if let t = target, found[t].range.lowerBound > sentence.lowerBound, found[t].range.upperBound <= sentence.upperBound,
               found[t].range.lowerBound > m.range.lowerBound {
                // "X proposed and Y seconded …, and the meeting agreed": the decision is the whole sentence.
                found[t].range = sentence
            }
            if target == nil, let motion, let next = near.following(sentence, in: found),
               !outcomes.contains(where: { found[next].range.contains($0.lowerBound) }) {
                // "… that the application be refused." then "the application was REFUSED for …": the decision taken on it;
                // a bare "Agreed." after it takes the proposal's text.
                target = next
                if page.text.text(found[next].range).split(separator: " ").count <= 2 {
                    found[next].range = motion.lowerBound..<found[next].range.upperBound
                }
            }
            // A nomination ("set: {decision: unless-resolved}") is a decision of its own only
            // where no decision follows it in its item: "Two nominations were received. …
            // RESOLVED that Cllr Marsh be appointed" is one decision, the resolution.
            let resolvedLater = rule.settings["decision"] == "unless-resolved" && found.contains { d in
                d.range.lowerBound >= sentence.upperBound
                    && page.itemID(at: d.range.lowerBound, in: document) == page.itemID(at: sentence.lowerBound, in: document)
            }
            if target == nil, let motion, !resolvedLater {
                found.append(FoundDecision(range: motion, kind: .agreed, rule: rule.id))
                target = found.count - 1
            }
            // "Proposed as a true record by Cllr Treece seconded by Cllr Bellamy and unanimously
            // approved.": a proposal that carries its own outcome, with no decision beside it, is one.
            if target == nil, motion == nil, !resolvedLater, near.adjacent(to: sentence, in: found) == nil,
               outcomes.contains(where: { sentence.contains($0.lowerBound) }) {
                found.append(FoundDecision(range: sentence, kind: .agreed, rule: rule.id))
                target = found.count - 1
            }
            // "Proposed by X, seconded by Y, and" / "Resolved: …" leads into the decision after it.
            if target == nil, Self.leadsOn(sentence, page) { target = near.following(sentence, in: found) }
            // "Proposed by X, seconded by Y" alone on a line is the motion of the decision before it.
            if target == nil { target = near.adjacent(to: sentence, in: found) ?? near.before(sentence, in: found, reach: Self.reach) }
            guard let t = target else { continue }
            if found[t].motion.proposer == nil { found[t].motion.proposer = m.groups["proposer"].flatMap { trimmed($0, page) } }
            if found[t].motion.seconder == nil { found[t].motion.seconder = m.groups["seconder"].flatMap { trimmed($0, page) } }
            found[t].motion.evidence.append((rule.id, m.range))
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        mergeReports(&found, outcomes: outcomes, page: page, document: document)
        for (rule, m, fields) in others.sorted(by: { $0.match.range.lowerBound < $1.match.range.lowerBound }) {
            let sentence = span(of: m.range, page)
            let inSentence = found.indices.filter { found[$0].covers(sentence) }
                .min { distance(found[$0].range, m.range) < distance(found[$1].range, m.range) }
            // A named division may follow its motion after a line or two ("A recorded vote was requested.").
            let division = fields["names"] != nil ? near.before(sentence, in: found, reach: Self.divisionReach) : nil
            // A vote or outcome after a motion still open (proposed, not yet carried or lost) is the vote on it.
            let open = near.before(sentence, in: found, reach: Self.reach).flatMap { i in
                found[i].motion.outcome == nil && (found[i].motion.proposer != nil || !found[i].motion.division.isEmpty) ? i : nil
            }
            // "RESOLVED – (6 for, 3 against)": a vote beside a resolution's marker is the resolution's.
            let besideMarker = markers.contains { $0.contains(m.range.lowerBound) } ? near.following(sentence, in: found) : nil
            guard let t = inSentence ?? division ?? besideMarker ?? near.adjacent(to: sentence, in: found) ?? open else { continue }
            apply(fields, to: &found[t].motion)
            if let kind = fields["kind"].flatMap(DecisionKind.init(rawValue:)) { found[t].kind = kind }
            found[t].motion.evidence.append((rule.id, m.range))
        }
        // A decision taken on a motion was carried, as a lost one was rejected.
        for i in found.indices where !found[i].motion.isEmpty && found[i].motion.outcome == nil {
            if found[i].kind == .rejected {
                found[i].motion.outcome = .lost
            } else if found[i].kind != .deferred, !rules.contains(where: { $0.id == found[i].rule }) {
                found[i].motion.outcome = .carried
            }
        }
    }

    /// "On being put to the vote the motion was LOST" after a proposal is the
    /// vote on that proposal, not a decision of its own: a decision found by a
    /// sentence rule that holds an outcome and follows a proposal that made a
    /// decision (in the same item, close by) is merged into it.
    func mergeReports(_ found: inout [FoundDecision], outcomes: [Range<Int>], page: Page, document: MinutesDocument) {
        let made = Set(rules.map(\.id))
        var i = found.count - 1
        while i > 0 {
            defer { i -= 1 }
            let report = found[i]
            guard !made.contains(report.rule), report.motion.proposer == nil,
                  outcomes.contains(where: { report.range.contains($0.lowerBound) }) else { continue }
            let item = page.itemID(at: report.range.lowerBound, in: document)
            guard let p = found[..<i].lastIndex(where: { made.contains($0.rule) }),
                  distance(found[p].range, report.range) <= Self.reach, found[p].motion.outcome == nil,
                  page.itemID(at: found[p].range.lowerBound, in: document) == item else { continue }
            if report.kind == .rejected { found[p].kind = .rejected }
            found[p].reports.append(report.range)
            found.remove(at: i)
        }
    }

    /// Adds what one match says to a decision's motion; what is already known stays.
    func apply(_ fields: [String: String], to motion: inout FoundMotion) {
        if let outcome = fields["outcome"].flatMap(MotionOutcome.init(rawValue:)) {
            // "Lost" and "withdrawn" say more than a "carried" inferred from the marker.
            if motion.outcome == nil || outcome != .carried { motion.outcome = outcome }
        }
        if fields["unanimous"] == "true" { motion.unanimous = true }
        if motion.votes.inFavour == nil, let n = fields["for"].flatMap(Int.init) { motion.votes.inFavour = n }
        if motion.votes.against == nil, let n = fields["against"].flatMap(Int.init) { motion.votes.against = n }
        if motion.votes.abstain == nil, let n = fields["abstain"].flatMap(Int.init) { motion.votes.abstain = n }
        if let names = fields["names"], let vote = fields["vote"].flatMap(VoteChoice.init(rawValue:)) {
            let lower = names.lowercased()
            if lower == "none" || lower == "nil" {
                motion.zero.insert(vote)
            } else {
                motion.division += ActionExtractor.split(names).map { ($0, vote) }
            }
        }
    }

    /// A sentence that opens before the line its proposal opens ("Payments for
    /// June:" and a list with no full stop, then "Proposed Cllr Bowen, seconded …")
    /// starts with that line.
    static func fromLineStart(_ sentence: Range<Int>, match: Range<Int>, _ page: Page) -> Range<Int> {
        let s = page.text.scalars
        var k = match.lowerBound
        while k > sentence.lowerBound, s[k - 1] == " " || s[k - 1] == "\t" { k -= 1 }
        guard k > sentence.lowerBound, s[k - 1] == "\n" || s[k - 1] == "\u{2029}" else { return sentence }
        return match.lowerBound..<sentence.upperBound
    }

    /// The sentence around a match, or the match where it runs over several.
    func span(of range: Range<Int>, _ page: Page) -> Range<Int> {
        let s = page.sentence(around: range)
        return min(s.lowerBound, range.lowerBound)..<max(s.upperBound, range.upperBound)
    }

    func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.overlaps(b) ? 0 : a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }

    /// Which decision a vote or proposal outside any decision's sentence
    /// belongs to: one of the same item, with nothing between the two but
    /// white space, punctuation, a joining word and other sentences the motion rules read.
    struct Nearness {
        let page: Page
        let document: MinutesDocument
        let told: RangeIndex

        func adjacent(to sentence: Range<Int>, in found: [FoundDecision]) -> Int? {
            let fits = found.indices.filter { joined(found[$0], sentence) }
            // The decision before (a vote follows its motion), else the one after.
            return fits.last { found[$0].range.upperBound <= sentence.lowerBound } ?? fits.first
        }

        /// The first decision after `sentence`, with nothing but told sentences between.
        func following(_ sentence: Range<Int>, in found: [FoundDecision]) -> Int? {
            found.indices.first { found[$0].range.lowerBound >= sentence.upperBound && joined(found[$0], sentence) }
        }

        /// The last decision of the same item before `sentence`, no further than `reach`.
        func before(_ sentence: Range<Int>, in found: [FoundDecision], reach: Int) -> Int? {
            let item = page.itemID(at: sentence.lowerBound, in: document)
            return found.indices.last { i in
                let end = ([found[i].range] + found[i].reports).map(\.upperBound).max() ?? found[i].range.upperBound
                return end <= sentence.lowerBound && sentence.lowerBound - end <= reach
                    && page.itemID(at: found[i].range.lowerBound, in: document) == item
            }
        }

        func joined(_ d: FoundDecision, _ sentence: Range<Int>) -> Bool {
            guard page.itemID(at: d.range.lowerBound, in: document) == page.itemID(at: sentence.lowerBound, in: document) else { return false }
            return ([d.range] + d.reports).contains { r in
                let gap = r.upperBound <= sentence.lowerBound ? r.upperBound..<sentence.lowerBound
                    : sentence.upperBound <= r.lowerBound ? sentence.upperBound..<r.lowerBound : r.lowerBound..<r.lowerBound
                guard gap.count <= MotionReader.divisionReach else { return false }
                // Punctuation and a joining word or two ("…, and\n\nResolved:") may stand between.
                let s = page.text.scalars
                return gap.count { k in !told.contains(k) && (s[k].properties.isAlphabetic || s[k].properties.numericType != nil) } <= MotionReader.joiningLetters
            }
        }
    }

    /// Whether "and" follows `sentence`, joining it to what comes next:
    /// "Proposed by X Seconded by Y, and" / "Resolved: that …".
    static func leadsOn(_ sentence: Range<Int>, _ page: Page) -> Bool {
        let s = page.text.scalars
        var k = sentence.upperBound
        while k < s.count, Segmenter.isSpace(s[k]) || s[k] == "," { k += 1 }
        guard k + 3 <= s.count, s.string(k..<k + 3).lowercased() == "and" else { return false }
        return k + 3 == s.count || !s[k + 3].properties.isAlphabetic
    }

    /// A group's range without the spaces and punctuation at its ends; nil when nothing is left.
    func trimmed(_ range: Range<Int>, _ page: Page) -> Range<Int>? {
        let s = page.text.scalars
        var lo = range.lowerBound, hi = range.upperBound
        func loose(_ c: Unicode.Scalar) -> Bool { Segmenter.isSpace(c) || c == "," || c == ":" }
        while lo < hi, loose(s[lo]) || s[lo] == "(" { lo += 1 }
        while hi > lo, loose(s[hi - 1]) { hi -= 1 }
        return lo < hi ? lo..<hi : nil
    }

    /// The motion fields of a decision as the document gives them.
    static func place(_ motion: FoundMotion, on decision: inout Decision, page: Page, roster: Roster, people: [Person], honorifics: Honorifics) {
        guard !motion.isEmpty else { return }
        func mover(_ range: Range<Int>?) -> MotionPerson? {
            guard let range else { return nil }
            let text = page.original(range).text
            let person = roster.personID(written: text.collapsingSpaces, people, honorifics, noting: page.text)
            // A text layer that lost a space ("Proposed by Sydand seconded by
            // Sarah") glues "and" to the proposer; the name without it is taken
            // only when it is someone the document names.
            if person == nil, text.hasSuffix("and"), range.count > 5,
               case let stem = range.lowerBound..<(range.upperBound - 3),
               let glued = roster.personID(written: page.original(stem).text.collapsingSpaces, people, honorifics, noting: page.text) {
                return MotionPerson(text: page.original(stem).text, person: glued)
            }
            return MotionPerson(text: text, person: person)
        }
        decision.proposer = mover(motion.proposer)
        decision.seconder = mover(motion.seconder)
        var votes = motion.votes
        if !motion.division.isEmpty, votes.isEmpty {
            // A named division gives the counts its lists make.
            let listed = Set(motion.division.map(\.vote)).union(motion.zero)
            func count(_ v: VoteChoice) -> Int? { listed.contains(v) ? motion.division.filter { $0.vote == v }.count : nil }
            votes = VoteCounts(inFavour: count(.inFavour), against: count(.against), abstain: count(.abstain))
        }
        decision.votes = votes.isEmpty ? nil : votes
        decision.unanimous = motion.unanimous ? true : nil
        decision.recordedVotes = motion.division.isEmpty ? nil : motion.division.map {
            RecordedVote(person: roster.personID(written: $0.name, people, honorifics, noting: page.text), text: $0.name, vote: $0.vote)
        }
        decision.outcome = motion.outcome
        decision.motionEvidence = motion.evidence.sorted { $0.range.lowerBound < $1.range.lowerBound }
            .map { Evidence(span: page.original($0.range).span, rule: $0.rule) }
    }
}
