import Foundation
import MinutesText
import Yams

/// Reads rule files against a closed schema and compiles every pattern up
/// front. Problems are collected, each with file, line and reason.
enum RuleLoader {
    static let dimensions: Set<String> = ["meeting", "items", "amounts", "attendance", "people", "decisions", "actions", "dates"]
    static let ruleKeys: Set<String> = ["id", "description", "pattern", "flags", "yields", "set", "priority", "triggers", "examples"]
    static let requiredRuleKeys = ["id", "description", "pattern", "yields", "examples"]
    static let exampleKeys: Set<String> = ["text", "expect"]
    static let flagNames: [String: Pattern.Options] = [
        "caseless": .caseless, "multiline": .multiline, "extended": .extended, "dotall": .dotAll,
    ]

    /// Parses one file's contents. `path` is how messages name the file; its
    /// parent folder names the dimension.
    static func load(path: String, contents: String, definitions: String = "", into rules: inout [Rule], errors: inout [RuleError]) {
        let dimension = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
        guard dimensions.contains(dimension) else {
            errors.append(RuleError(file: path, line: 1, reason: "rule files live in Rules/<dimension>/, and '\(dimension)' is not one of \(dimensions.sorted().joined(separator: ", "))"))
            return
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: contents)
        } catch let error as YamlError {
            errors.append(RuleError(file: path, line: yamlLine(error), reason: "not valid YAML: \(yamlReason(error))"))
            return
        } catch {
            errors.append(RuleError(file: path, line: 1, reason: "not valid YAML: \(error)"))
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

    private static func parseRule(_ node: Node, path: String, dimension: String, definitions: String, errors: inout [RuleError]) -> Rule? {
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
        guard let id = fields["id"]?.string, id.wholeMatch(of: /[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+/) != nil else {
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
            guard let n = p.int else { return fail(p, "rule \(id): priority is a whole number") }
            priority = n
        }
        if yields == .fragment, source.contains("(?<") || source.contains("(?P<") || source.contains("(?'") {
            return fail(patternNode, "rule \(id): a fragment has no named groups; the rules that call it name theirs")
        }
        var triggers: [[UInt8]] = []
        if let t = fields["triggers"] {
            guard let words = t.sequence?.compactMap(\.string), !words.isEmpty,
                  words.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else {
                return fail(t, "rule \(id): triggers is a list of words in plain ASCII, e.g. [undertook, agreed to]")
            }
            triggers = words.map { Array($0.lowercased().utf8) }
        }
        let pattern: Pattern
        do {
            // A fragment is tested (and used alone) at the start of a text; any pattern may call it as (?&name).
            let body = yields == .fragment ? "^(?:\(source))" : source
            pattern = try Pattern(source.contains("(?&") || yields == .fragment ? body + definitions : body, options: options)
        } catch {
            errors.append(RuleError(
                file: path, line: patternLine(patternNode, source: source, offset: error.offset),
                reason: "rule \(id): pattern does not compile: \(error.message) at offset \(error.offset) of the pattern; fix the pattern"))
            return nil
        }
        let groups = Set(pattern.groupNames)
        if !yields.requiredGroups.isEmpty, !yields.requiredGroups.contains(where: { $0.allSatisfy(groups.contains) }) {
            let options = yields.requiredGroups.map { $0.map { "(?<\($0)>…)" }.joined(separator: " and ") }.joined(separator: ", or ")
            return fail(patternNode, "rule \(id): '\(yieldName)' reads named groups: give the pattern \(options)")
        }
        guard case .sequence(let exampleNodes) = fields["examples"]! else {
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
                    settings: settings, priority: priority, examples: examples, triggers: triggers, file: path, line: line)
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
            expect[name] = value.tag.description.hasSuffix(":null") ? "" : v
        }
        return RuleExample(text: text, expect: expect, line: line)
    }

    /// The `(?(DEFINE)…)` block of every fragment rule in `files`, appended to the
    /// patterns that call one. A fragment from outside `overridable` replaces a
    /// bundled one with the same id.
    static func definitions(in files: [(path: String, contents: String)], overridable: Set<String>,
                            errors: inout [RuleError]) -> String {
        var fragments: [(id: String, name: String, pattern: String, path: String)] = []
        for file in files {
            guard let root = try? Yams.compose(yaml: file.contents), case .sequence(let list) = root else { continue }
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
        guard !fragments.isEmpty else { return "" }
        return "(?(DEFINE)" + fragments.map { "(?<\($0.name)>\($0.pattern))" }.joined() + ")"
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
