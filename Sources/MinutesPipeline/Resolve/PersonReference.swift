import Foundation
import MinutesCore
import MinutesRules
import MinutesText

/// The honorifics of `Rules/people/` (the fragment people.honorific-run), for
/// every stage that resolves a written name to a person: one lexicon, the one
/// a user's `--rules` can extend.
struct Honorifics {
    let run: Rule?

    init(rules: RuleBook) {
        run = rules.rules(for: "people").first { $0.yields == .fragment && $0.id.hasSuffix(".honorific-run") }
    }

    /// `text` without the honorifics it opens with ("Cllr Mrs T Cole" → "T Cole", "Sgt Jones" → "Jones");
    /// a limit hit is noted on `document`.
    func stripped(_ text: String, noting document: NormalizedText) -> String {
        guard let run, let m = run.matches(in: text, noting: document).first, !m.text.isEmpty, m.text.count < text.count else { return text }
        return String(text.dropFirst(m.text.count)).trimmingCharacters(in: .whitespaces)
    }
}

extension Roster {
    /// The id of the person a written name means ("Cllr Eden", "Eden", "Ann
    /// Eden"), where exactly one person of the document fits it; nil for roles,
    /// teams and names that fit no one or several. A single surname counts only
    /// with an honorific or where a person's name ends with it.
    func personID(named text: String, _ people: [Person], _ honorifics: Honorifics, noting document: NormalizedText) -> String? {
        let bare = honorifics.stripped(text, noting: document)
        let name = bare.split(separator: " ").map(String.init)
        guard let first = name.first, first.first?.isUppercase == true, let parsed = PersonName(name.joined(separator: " ")),
              case .person(let i) = find(parsed), i < people.count,
              bare != text || name.count >= 2 || people.contains(where: { $0.name.hasSuffix(first) }) else { return nil }
        return people[i].id
    }

    /// The id of the person initials ("AB") or a name mean, where exactly one fits.
    func personID(written text: String, _ people: [Person], _ honorifics: Honorifics, noting document: NormalizedText) -> String? {
        if PersonName.isInitials(Substring(text)) {
            if case .person(let i) = resolve(initials: text), i < people.count { return people[i].id }
            return nil
        }
        return personID(named: text, people, honorifics, noting: document)
    }
}
