import MinutesCore

/// The people of one document, one record each, built up as mentions are
/// read. A mention that fits more than one person is not guessed at.
struct Roster {
    struct Entry {
        var name: PersonName
        var honorific: String?
        var initials: String?
        var role: String?
        var organisation: String?
        var span: Span
        var rule: String
    }

    enum Lookup: Equatable {
        case person(Int)
        case ambiguous([Int])
        case unknown
    }

    private(set) var entries: [Entry] = []

    /// The person a name refers to, among those already known.
    func find(_ name: PersonName) -> Lookup {
        let fits = entries.indices.filter { entries[$0].name.compatible(with: name) }
        if fits.count == 1 { return .person(fits[0]) }
        if fits.count > 1 {
            // A name written out in full picks the one written the same way.
            let exact = fits.filter { PersonName.fold(entries[$0].name.text) == PersonName.fold(name.text) }
            if exact.count == 1 { return .person(exact[0]) }
            return .ambiguous(fits)
        }
        return .unknown
    }

    /// Adds a mention: merged into the one person it fits, or a new person. An
    /// ambiguous mention is returned as such and changes nothing.
    mutating func add(_ mention: Entry) -> Lookup {
        switch find(mention.name) {
        case .person(let i):
            var e = entries[i]
            e.name = e.name.fuller(mention.name)
            e.honorific = e.honorific ?? mention.honorific
            e.initials = e.initials ?? mention.initials
            e.role = e.role ?? mention.role
            e.organisation = e.organisation ?? mention.organisation
            if mention.span.start < e.span.start { (e.span, e.rule) = (mention.span, mention.rule) }
            entries[i] = e
            return .person(i)
        case .ambiguous(let fits):
            return .ambiguous(fits)
        case .unknown:
            entries.append(mention)
            return .person(entries.count - 1)
        }
    }

    /// Adds a person already known to be distinct from the others.
    mutating func insert(_ entry: Entry) {
        entries.append(entry)
    }

    /// The person bare initials ("VH") stand for: initials given in the
    /// document first, then those of the names.
    func resolve(initials: String) -> Lookup {
        let given = entries.indices.filter { entries[$0].initials == initials }
        if given.count == 1 { return .person(given[0]) }
        if given.count > 1 { return .ambiguous(given) }
        let computed = entries.indices.filter { entries[$0].name.initials == initials }
        if computed.count == 1 { return .person(computed[0]) }
        if computed.count > 1 { return .ambiguous(computed) }
        return .unknown
    }

    /// People in order of first mention, with ids P1, P2, …, and the id of each entry index.
    func people() -> (people: [Person], ids: [Int: String]) {
        let order = entries.indices.sorted { entries[$0].span.start < entries[$1].span.start }
        var ids: [Int: String] = [:]
        var people: [Person] = []
        for (n, i) in order.enumerated() {
            let e = entries[i]
            let id = "P\(n + 1)"
            ids[i] = id
            people.append(Person(id: id, name: e.name.text, honorific: e.honorific, initials: e.initials ?? e.name.initials,
                                 role: e.role, organisation: e.organisation, span: e.span, rule: e.rule))
        }
        return (people, ids)
    }
}

extension Roster {
    /// The finding for a name or initials that fit several people: not guessed, reported.
    func ambiguity(_ written: String, _ fits: [Int], what: String = "", span: Span?, rule: String?) -> Diagnostic {
        Diagnostic(code: .personAmbiguous, severity: .warning,
                   message: "\(what)'\(written)' could be \(fits.map { entries[$0].name.text }.joined(separator: " or ")); it is left unresolved",
                   span: span, rule: rule)
    }
}
