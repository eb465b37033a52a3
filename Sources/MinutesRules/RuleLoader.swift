import Foundation
import MinutesText
import Yams

/// Reads rule files against a closed schema and compiles every pattern up
/// front. Problems are collected, each with file, line and reason.
enum RuleLoader {
    static let dimensions: Set<String> = ["meeting", "items", "amounts", "attendance", "people", "decisions", "actions", "dates", "text"]
    static let ruleKeys: Set<String> = ["id", "description", "pattern", "flags", "yields", "set", "priority", "triggers", "near", "examples"]
    static let requiredRuleKeys = ["id", "description", "pattern", "yields", "examples"]
    static let exampleKeys: Set<String> = ["text", "expect"]
    static let flagNames: [String: Pattern.Options] = [
        "caseless": .caseless, "multiline": .multiline, "extended": .extended, "dotall": .dotAll,
    ]

    /// Reads one file's YAML, once: nil (with the error recorded) when it is not YAML.
    static func compose(path: String, contents: String, errors: inout [RuleError]) -> Node? {
        do {
            return try Yams.compose(yaml: contents, Resolver.basic)
        } catch let error as YamlError {
            errors.append(RuleError(file: path, line: yamlLine(error), reason: "not valid YAML: \(yamlReason(error))"))
        } catch {
            errors.append(RuleError(file: path, line: 1, reason: "not valid YAML: \(error)"))
        }
        return nil
    }

    /// Parses one file's YAML, already read. `path` is how messages name the
    /// file; its parent folder names the dimension.
    static func load(path: String, root: Node?, definitions: Definitions, into rules: inout [Rule], errors: inout [RuleError]) {
        let dimension = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
        guard dimensions.contains(dimension) else {
            errors.append(RuleError(file: path, line: 1, reason: "rule files live in Rules/<dimension>/, and '\(dimension)' is not one of \(dimensions.sorted().joined(separator: ", "))"))
            return
        }
        guard let root, case .sequence(let list) = root else {
            errors.append(RuleError(file: path, line: 1, reason: "a rule file is a YAML list of rules (each starting with '- id:')"))
            return
        }
        for node in list {
            if let rule = parseRule(node, path: path, dimension: dimension, definitions: definitions, errors: &errors) {
                rules.append(rule)
            }
        }
    }

    private static func parseRule(_ node: Node, path: String, dimension: String, definitions: Definitions, errors: inout [RuleError]) -> Rule? {
        let line = node.mark?.line ?? 1
        func fail(_ at: Node?, _ reason: String) -> Rule? {
            errors.append(RuleError(file: path, line: at?.mark?.line ?? line, reason: reason))
            return nil
        }
        guard case .mapping(let map) = node else { return fail(node, "each rule is a mapping with keys \(requiredRuleKeys.joined(separator: ", "))") }
        var fields: [String: Node] = [:]
        for (key, value) in map {
            guard let name = key.string else { return fail(key, "rule keys are plain words") }
            guard ruleKeys.contains(name) else {
                return fail(key, "unknown key '\(name)'; a rule has only \(ruleKeys.sorted().joined(separator: ", "))")
            }
            fields[name] = value
        }
        for key in requiredRuleKeys where fields[key] == nil {
            return fail(node, "rule is missing '\(key)'")
        }
        guard let id = fields["id"]?.string, isRuleID(id) else {
            return fail(fields["id"], "id must look like 'dimension.name' in lower case, e.g. 'amount.gbp-suffix'")
        }
        guard let description = fields["description"]?.string, !description.isEmpty else {
            return fail(fields["description"], "rule \(id): description must be a non-empty string")
        }
        guard let patternNode = fields["pattern"], let source = patternNode.string, !source.isEmpty else {
            return fail(fields["pattern"], "rule \(id): pattern must be a non-empty string")
        }
        var options: Pattern.Options = []
        if let flagsNode = fields["flags"] {
            guard let flags = flagsNode.sequence?.map({ $0.string ?? "" }) else {
                return fail(flagsNode, "rule \(id): flags is a list, e.g. [caseless]")
            }
            for flag in flags {
                guard let option = flagNames[flag] else {
                    return fail(flagsNode, "rule \(id): unknown flag '\(flag)'; use \(flagNames.keys.sorted().joined(separator: ", "))")
                }
                options.insert(option)
            }
        }
        guard let yieldName = fields["yields"]?.string, let yields = Yield(rawValue: yieldName) else {
            return fail(fields["yields"], "rule \(id): yields must be one of \(Yield.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var settings: [String: String] = [:]
        if let setNode = fields["set"] {
            guard case .mapping(let setMap) = setNode else { return fail(setNode, "rule \(id): set is a mapping") }
            for (key, value) in setMap {
                let name = key.string ?? ""
                guard let allowed = yields.settable[name] else {
                    let keys = yields.settable.keys.sorted()
                    return fail(key, "rule \(id): '\(yieldName)' takes no setting '\(name)'" + (keys.isEmpty ? "" : "; it takes \(keys.joined(separator: ", "))"))
                }
                guard let v = value.string, allowed.isEmpty || allowed.contains(v) else {
                    return fail(value, "rule \(id): \(name) must be one of \(allowed.sorted().joined(separator: ", "))")
                }
                settings[name] = v
            }
        }
        for key in yields.requiredSettings where settings[key] == nil {
            return fail(node, "rule \(id): '\(yieldName)' needs set: {\(key): …}")
        }
        var priority = 0
        if let p = fields["priority"] {
            guard let n = wholeNumber(p) else { return fail(p, "rule \(id): priority is a whole number") }
            priority = n
        }
        // "(?<=" and "(?<!" are lookbehinds, not names.
        let named = source.replacingOccurrences(of: "(?<=", with: "").replacingOccurrences(of: "(?<!", with: "")
        if yields == .fragment, named.contains("(?<") || named.contains("(?P<") || named.contains("(?'") {
            return fail(patternNode, "rule \(id): a fragment has no named groups; the rules that call it name theirs")
        }
        var triggers: [[UInt8]] = []
        if let t = fields["triggers"] {
            guard let words = t.sequence?.compactMap(\.string), !words.isEmpty, words.allSatisfy({ !$0.isEmpty }) else {
                return fail(t, "rule \(id): triggers is a list of words, e.g. [undertook, agreed to, '£']")
            }
            // ASCII letters match in either case (the text is searched lower-cased); other characters as written.
            triggers = words.map { $0.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 } }
        }
        var near: Rule.Near?
        if let n = fields["near"] {
            let usage = "near is {fragment: name, reach: bytes}, e.g. {fragment: month_name, reach: 30}: a fragment every match contains"
            guard triggers.isEmpty else { return fail(n, "rule \(id): give triggers or near, not both") }
            guard case .mapping(let map) = n, map.count == 2, let name = map["fragment"]?.string,
                  let reach = map["reach"].flatMap(wholeNumber), (1...400).contains(reach) else { return fail(n, "rule \(id): \(usage), reach 1 to 400") }
            guard let finder = definitions.finder(for: name, calledFrom: source, options: options) else {
                return fail(n, "rule \(id): near names no fragment '\(name)'; fragments are called as in (?&name), e.g. month_name")
            }
            near = Rule.Near(fragment: name, finder: finder, reach: reach)
        }
        // A fragment is tested (and used alone) at the start of a text; any pattern may call it as (?&name).
        // `\d` means 0-9 (see Pattern.asciiDigits).
        let written = yields == .fragment ? "^(?:\(source))" : source
        let body = definitions.body(of: written, options: options)
        let pattern: Pattern
        do {
            pattern = try Pattern(body, options: options)
        } catch {
            // Report the offset in the pattern as written (fragments called,
            // not copied in; \d as it is), which is what the author can find.
            var asWritten = error
            do { _ = try Pattern(source + definitions.block(for: source), options: options) } catch { asWritten = error }
            errors.append(RuleError(
                file: path, line: patternLine(patternNode, source: source, offset: asWritten.offset),
                reason: "rule \(id): pattern does not compile: \(asWritten.message) at offset \(asWritten.offset) of the pattern; fix the pattern"))
            return nil
        }
        // A match of no characters is a value with no text, found at every position.
        if yields != .fragment, (try? pattern.minimumLength) == 0 {
            return fail(patternNode, "rule \(id): the pattern can match the empty string (as z* or (?=x) do), so it would match everywhere; make it need at least one character")
        }
        let groups = Set((try? pattern.groupNames) ?? [])
        if !yields.requiredGroups.isEmpty, !yields.requiredGroups.contains(where: { $0.allSatisfy(groups.contains) }) {
            let options = yields.requiredGroups.map { $0.map { "(?<\($0)>…)" }.joined(separator: " and ") }.joined(separator: ", or ")
            return fail(patternNode, "rule \(id): '\(yieldName)' reads named groups: give the pattern \(options)")
        }
        guard case .sequence(let exampleNodes)? = fields["examples"] else {
            return fail(fields["examples"], "rule \(id): examples is a list of {text, expect}")
        }
        var examples: [RuleExample] = []
        for e in exampleNodes {
            guard let example = parseExample(e, rule: id, path: path, errors: &errors) else { return nil }
            examples.append(example)
        }
        guard examples.contains(where: { $0.expect != nil }), examples.contains(where: { $0.expect == nil }) else {
            return fail(fields["examples"], "rule \(id): give at least one example that must match (expect: {…}) and one that must not (expect: none)")
        }
        return Rule(id: id, dimension: dimension, description: description, pattern: pattern, yields: yields,
                    settings: settings, priority: priority, examples: examples, triggers: triggers, near: near,
                    file: path, line: line)
    }

    private static func parseExample(_ node: Node, rule: String, path: String, errors: inout [RuleError]) -> RuleExample? {
        let line = node.mark?.line ?? 1
        func fail(_ at: Node?, _ reason: String) -> RuleExample? {
            errors.append(RuleError(file: path, line: at?.mark?.line ?? line, reason: "rule \(rule): \(reason)"))
            return nil
        }
        guard case .mapping(let map) = node else { return fail(node, "an example is a mapping {text: …, expect: …}") }
        var fields: [String: Node] = [:]
        for (key, value) in map {
            guard let name = key.string, exampleKeys.contains(name) else {
                return fail(key, "unknown example key '\(key.string ?? "?")'; an example has text and expect")
            }
            fields[name] = value
        }
        guard let text = fields["text"]?.string else { return fail(node, "example is missing 'text'") }
        guard let expectNode = fields["expect"] else { return fail(node, "example is missing 'expect' (a mapping, or none)") }
        if expectNode.string == "none" { return RuleExample(text: text, expect: nil, line: line) }
        guard case .mapping(let expectMap) = expectNode else {
            return fail(expectNode, "expect is a mapping of fields (e.g. {text: \"£885k\", value: 885000}) or the word none")
        }
        var expect: [String: String] = [:]
        for (key, value) in expectMap {
            guard let name = key.string, let v = value.string else { return fail(key, "expect fields are plain values") }
            expect[name] = v == "null" || v == "~" ? "" : v
        }
        return RuleExample(text: text, expect: expect, line: line)
    }

    /// The fragments of a rule book by the name patterns call them by.
    struct Definitions {
        var patterns: [String: String] = [:]
        /// The pattern finding each fragment named by a rule's `near`, made once per load.
        private let finders = Finders()

        private final class Finders: @unchecked Sendable {
            var made: [String: Pattern] = [:]
        }

        /// The pattern that finds fragment `name` anywhere (a search of
        /// `(?&name)`) as a rule compiled with `options` calls it: with the
        /// options in force at the end of the rule's pattern, where its
        /// fragments are defined. nil when there is no such fragment. Loading
        /// is sequential; the cache is only ever used by one thread.
        func finder(for name: String, calledFrom source: String, options: Pattern.Options) -> Pattern? {
            let inForce = Pattern.options(atEndOf: source, compiledWith: options)
            let key = "\(name) \(inForce.rawValue)"
            if let made = finders.made[key] { return made }
            guard patterns[name] != nil, let finder = try? Pattern(body(of: "(?&\(name))", options: inForce), options: inForce) else { return nil }
            finders.made[key] = finder
            return finder
        }

        /// Fragments longer than this (written out, with the fragments they
        /// call) stay calls: copying them into every caller made compiling the
        /// rules cost more than it saved in searching.
        static let inlineLimit = 1024

        /// `source` with each call `(?&name)` of a short fragment replaced by the
        /// fragment's text, in a group with the options a `(?(DEFINE)…)` block at
        /// the end of the pattern would give it — the same matches as calling it,
        /// but PCRE2 can then see which characters a match may start with and skip
        /// the rest of the text (a call hides that: such searches ran about 3 times
        /// slower). Long fragments stay calls, defined in such a block at the end;
        /// so does everything in a pattern whose fragments call themselves.
        func inline(_ source: String, options: Pattern.Options, limit: Int = Definitions.inlineLimit) -> String {
            let opening = Pattern.groupOpening(with: Pattern.options(atEndOf: source, compiledWith: options))
            var expanded: [String: String] = [:]
            func expand(_ pattern: String, calling: [String]) -> String? {
                var out = ""
                var rest = Substring(pattern)
                while let call = Definitions.firstCall(in: rest) {
                    guard let close = rest[call.upperBound...].firstIndex(of: ")") else { break }
                    let name = String(rest[call.upperBound..<close])
                    out += rest[..<call.lowerBound]
                    if let fragment = patterns[name] {
                        guard !calling.contains(name) else { return nil }
                        let inner: String
                        if let done = expanded[name] {
                            inner = done
                        } else {
                            guard let made = expand(fragment, calling: calling + [name]) else { return nil }
                            expanded[name] = made
                            inner = made
                        }
                        if inner.utf8.count <= limit {
                            out += opening + inner + ")"
                        } else {
                            out += rest[call.lowerBound...close]
                        }
                    } else {
                        out += rest[call.lowerBound...close]  // unknown: PCRE2 will say so
                    }
                    rest = rest[rest.index(after: close)...]
                }
                return out + rest
            }
            guard let body = expand(source, calling: []) else { return source + block(for: source) }
            // The long fragments are defined as written: inside them a copied-in
            // fragment gains nothing (PCRE2 looks for first characters only at the
            // top), and each copy would be compiled again (action_owner copied
            // honorific_word four times: action.owner-to was 6.7 KB, now 3.4 KB).
            return body + block(for: body)
        }

        /// What a rule's pattern compiles as: `\d` spelt `[0-9]` (see
        /// `Pattern.asciiDigits`), and the fragments it calls copied in
        /// (`inline`) when that lets PCRE2 see where matches start and calling
        /// them does not; otherwise called, each defined once at the end —
        /// copies elsewhere are compiled once each and gain nothing.
        func body(of source: String, options: Pattern.Options) -> String {
            let inlined = Pattern.asciiDigits(inline(source, options: options))
            let called = Pattern.asciiDigits(source + block(for: source))
            guard Pattern.knowsWhereMatchesStart(called, options: options) == false else { return called }
            if inlined != called, Pattern.knowsWhereMatchesStart(inlined, options: options) == true { return inlined }
            // A long fragment at the start stays a call, or a Unicode property
            // starts it, and either hides where matches start: say it in a
            // lookahead, read from the pattern with every fragment copied in
            // and its properties widened (compiled once, only to ask).
            let whole = Pattern.widenedProperties(Pattern.asciiDigits(inline(source, options: options, limit: .max)))
            guard let first = Pattern.firstCharacters(of: whole, options: options) else { return called }
            return "(?=\(first))" + called
        }

        /// The `(?(DEFINE)…)` block of the fragments `source` calls, and those they call.
        func block(for source: String) -> String {
            var needed: [String] = []
            var queue = Definitions.calls(in: source)
            while let name = queue.popLast() {
                guard !needed.contains(name), let pattern = patterns[name] else { continue }
                needed.append(name)
                queue += Definitions.calls(in: pattern)
            }
            guard !needed.isEmpty else { return "" }
            return "(?(DEFINE)" + needed.sorted().map { "(?<\($0)>\(patterns[$0] ?? ""))" }.joined() + ")"
        }

        /// Where the first `(?&` is in `text`.
        static func firstCall(in text: Substring) -> Range<Substring.Index>? {
            let utf8 = text.utf8
            var i = utf8.startIndex
            while let open = utf8[i...].firstIndex(of: 0x28) {  // "("
                let question = utf8.index(after: open)
                guard question < utf8.endIndex else { return nil }
                let ampersand = utf8.index(after: question)
                if utf8[question] == 0x3F, ampersand < utf8.endIndex, utf8[ampersand] == 0x26 {
                    return open..<utf8.index(after: ampersand)
                }
                i = question
            }
            return nil
        }

        /// Names in `(?&name)`.
        static func calls(in pattern: String) -> [String] {
            var out: [String] = []
            var rest = Substring(pattern)
            while let call = firstCall(in: rest) {
                let close = rest[call.upperBound...].firstIndex(of: ")") ?? rest.endIndex
                out.append(String(rest[call.upperBound..<close]))
                guard close < rest.endIndex else { break }
                rest = rest[rest.index(after: close)...]
            }
            return out
        }
    }

    /// Every fragment rule in `files`, called by other patterns as `(?&name)`.
    /// A fragment from outside `overridable` replaces a bundled one with the same id.
    static func definitions(in files: [(path: String, root: Node?)], overridable: Set<String>,
                            errors: inout [RuleError]) -> Definitions {
        var fragments: [(id: String, name: String, pattern: String, path: String)] = []
        for file in files {
            guard let root = file.root, case .sequence(let list) = root else { continue }
            for node in list {
                guard case .mapping(let map) = node, map["yields"]?.string == Yield.fragment.rawValue,
                      let id = map["id"]?.string, let pattern = map["pattern"]?.string else { continue }
                let name = fragmentName(id)
                if let i = fragments.firstIndex(where: { $0.id == id }) {
                    if overridable.contains(fragments[i].path), !overridable.contains(file.path) {
                        fragments[i] = (id, name, pattern, file.path)
                    }
                    continue
                }
                if let other = fragments.first(where: { $0.name == name }) {
                    errors.append(RuleError(file: file.path, line: node.mark?.line ?? 1,
                        reason: "fragment \(id) would be called (?&\(name)), as \(other.id) is; give it another last name part"))
                    continue
                }
                fragments.append((id, name, pattern, file.path))
            }
        }
        return Definitions(patterns: Dictionary(fragments.map { ($0.name, $0.pattern) }, uniquingKeysWith: { a, _ in a }))
    }

    /// A whole number as YAML writes one; nil for anything else. Not YAML 1.1's
    /// base 60 (`1:30`): Yams reads that with sums that trap when they overflow.
    static func wholeNumber(_ node: Node) -> Int? {
        guard let scalar = node.scalar, !scalar.string.contains(":") else { return nil }
        return Int.construct(from: scalar)
    }

    /// `dimension.name`: lower-case letters, digits and hyphens, parts joined by full stops.
    static func isRuleID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = parts[0].first, first.isASCII, first.isLowercase else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.first != "-" && part.allSatisfy { ($0.isASCII && $0.isLowercase) || $0.isASCII && $0.isNumber || $0 == "-" }
        }
    }

    /// `people.role-word` is called as `(?&role_word)`.
    static func fragmentName(_ id: String) -> String {
        String(id.split(separator: ".").last ?? "").replacingOccurrences(of: "-", with: "_")
    }

    /// The file line of an offset inside a pattern scalar (for block scalars, a later line).
    private static func patternLine(_ node: Node, source: String, offset: Int) -> Int {
        let line = node.mark?.line ?? 1
        let before = source.utf8.prefix(offset)
        let newlines = before.filter { $0 == 0x0A }.count
        if case .scalar(let s) = node, s.style == .literal || s.style == .folded { return line + 1 + newlines }
        return line
    }

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 1
        }
    }

    private static func yamlReason(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}
