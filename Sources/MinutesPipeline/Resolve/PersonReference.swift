import Foundation
import MinutesCore

extension Roster {
    /// The id of the person a written name means ("Cllr Eden", "Eden", "Ann
    /// Eden"), where exactly one person of the document fits it; nil for roles,
    /// teams and names that fit no one or several. A single surname counts only
    /// with an honorific or where a person's name ends with it.
    func personID(named text: String, _ people: [Person]) -> String? {
        let words = text.split(separator: " ").map(String.init)
        let name = words.drop { Names.honorifics.contains($0.lowercased().trimmingCharacters(in: .punctuationCharacters)) }
        guard let first = name.first, first.first?.isUppercase == true, let parsed = PersonName(name.joined(separator: " ")),
              case .person(let i) = find(parsed), i < people.count,
              words.count > name.count || name.count >= 2 || people.contains(where: { $0.name.hasSuffix(first) }) else { return nil }
        return people[i].id
    }

    /// The id of the person initials ("AB") or a name mean, where exactly one fits.
    func personID(written text: String, _ people: [Person]) -> String? {
        if PersonName.isInitials(Substring(text)) {
            if case .person(let i) = resolve(initials: text), i < people.count { return people[i].id }
            return nil
        }
        return personID(named: text, people)
    }
}
