import Foundation

/// A small JSON Schema (draft 2020-12) validator for the keywords `Schema/minutes-1.schema.json` uses, and no others.
///
/// Supported: `type` (a name or an array of names, including `integer`), `properties`, `required`,
/// `additionalProperties` (boolean or schema), `items` (one schema), `enum`, `const`, `pattern`,
/// `minimum`, `minLength`, `oneOf`, `anyOf`, `$ref` (only `#/$defs/NAME`) and `$defs` (only at the root).
/// `$schema`, `$id`, `title`, `description` and `$comment` are accepted and ignored. Any other keyword
/// makes `init` throw, so the schema cannot quietly rely on something that is not checked.
///
/// `pattern` uses NSRegularExpression (ICU). Two ECMA-262 details the schema relies on are mapped onto
/// ICU: `\d` means ASCII `0-9` only, and `$` means the very end of the string (ICU's `$` also matches
/// before a final newline).
///
/// Instances are `JSONSerialization` results. Each problem is reported as `"POINTER: reason"`, where
/// POINTER is the JSON pointer of the failing place (`""` is shown as `(root)`); for a missing required
/// property or a property that is not allowed, it is the pointer of that property.
///
/// Nothing in a validator changes after `init` (its schema nodes are only read, and
/// NSRegularExpression may be shared between threads), so one can serve every test and fuzz input.
public struct JSONSchemaValidator: @unchecked Sendable {
    public struct SchemaError: Error, CustomStringConvertible {
        /// JSON pointer into the schema document.
        public var location: String
        public var reason: String
        public var description: String { "schema \(location.isEmpty ? "(root)" : location): \(reason)" }
    }

    private let root: Node
    private let definitions: [String: Node]

    public init(schemaData: Data) throws {
        let json = try JSONSerialization.jsonObject(with: schemaData)
        guard let object = json as? [String: Any] else {
            throw SchemaError(location: "", reason: "the schema must be a JSON object")
        }
        var definitions: [String: Node] = [:]
        if let defs = object["$defs"] {
            guard let defs = defs as? [String: Any] else {
                throw SchemaError(location: "/$defs", reason: "must be an object")
            }
            for (name, definition) in defs {
                definitions[name] = try Node(definition, at: "/$defs/" + escape(name), isRoot: false)
            }
        }
        self.root = try Node(object, at: "", isRoot: true)
        self.definitions = definitions

        // Every reference must resolve, so a typo in a $ref fails here rather than at validation time.
        for (location, name) in ([root] + Array(definitions.values)).flatMap(\.references) {
            if definitions[name] == nil {
                throw SchemaError(location: location, reason: "$ref to undefined #/$defs/\(name)")
            }
        }
    }

    /// Checks a JSONSerialization result against the schema; an empty result means it is valid.
    public func validate(_ instance: Any) -> [String] {
        var errors: [Failure] = []
        check(instance, against: root, at: "", into: &errors)
        return errors.map(\.description)
    }

    // MARK: - Validation

    private struct Failure: CustomStringConvertible {
        var pointer: String
        var reason: String
        var description: String { "\(pointer.isEmpty ? "(root)" : pointer): \(reason)" }
    }

    private func check(_ value: Any, against node: Node, at pointer: String, into errors: inout [Failure]) {
        func fail(_ reason: String, at place: String = pointer) {
            errors.append(Failure(pointer: place, reason: reason))
        }
        let kind = JSONKind(of: value)

        if let name = node.ref, let target = definitions[name] {
            check(value, against: target, at: pointer, into: &errors)
        }
        if let types = node.types, !types.contains(where: { kind.satisfies($0, value) }) {
            fail("expected \(types.joined(separator: " or ")), got \(kind.name)")
            return  // the remaining keywords would only repeat the type mismatch
        }
        if let constant = node.constant, !jsonEqual(value, constant) {
            fail("expected the constant \(render(constant)), got \(render(value))")
        }
        if let options = node.enumeration, !options.contains(where: { jsonEqual(value, $0) }) {
            fail("\(render(value)) is not one of \(options.map(render).joined(separator: ", "))")
        }
        if kind == .string, let string = value as? String {
            if let minLength = node.minLength, string.unicodeScalars.count < minLength {
                fail("string is shorter than \(minLength) character\(minLength == 1 ? "" : "s")")
            }
            if let pattern = node.pattern {
                let whole = NSRange(location: 0, length: (string as NSString).length)
                if pattern.regex.firstMatch(in: string, range: whole) == nil {
                    fail("\(render(string)) does not match the pattern \(pattern.source)")
                }
            }
        }
        if let minimum = node.minimum, kind == .number, let number = value as? NSNumber,
            number.doubleValue < minimum
        {
            fail("\(number) is less than the minimum \(render(minimum as NSNumber))")
        }
        if kind == .object, let object = value as? [String: Any] {
            for name in node.required where object[name] == nil {
                fail("required property is missing", at: pointer + "/" + escape(name))
            }
            for (name, value) in object.sorted(by: { $0.key < $1.key }) {
                let place = pointer + "/" + escape(name)
                if let propertySchema = node.properties[name] {
                    check(value, against: propertySchema, at: place, into: &errors)
                } else {
                    switch node.additionalProperties {
                    case .allowed: break
                    case .forbidden: fail("property is not allowed here", at: place)
                    case .schema(let extra): check(value, against: extra, at: place, into: &errors)
                    }
                }
            }
        }
        if kind == .array, let itemSchema = node.items, let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                check(element, against: itemSchema, at: "\(pointer)/\(index)", into: &errors)
            }
        }
        if let alternatives = node.anyOf {
            let outcomes = alternatives.map { branchErrors(value, $0, pointer) }
            if !outcomes.contains(where: \.isEmpty) {
                fail("matches none of the anyOf alternatives: \(summarise(outcomes))")
            }
        }
        if let alternatives = node.oneOf {
            let outcomes = alternatives.map { branchErrors(value, $0, pointer) }
            let matched = outcomes.filter(\.isEmpty).count
            if matched == 0 {
                fail("matches none of the oneOf alternatives: \(summarise(outcomes))")
            } else if matched > 1 {
                fail("matches \(matched) of the oneOf alternatives, expected exactly one")
            }
        }
    }

    private func branchErrors(_ value: Any, _ node: Node, _ pointer: String) -> [Failure] {
        var errors: [Failure] = []
        check(value, against: node, at: pointer, into: &errors)
        return errors
    }

    private func summarise(_ outcomes: [[Failure]]) -> String {
        outcomes.enumerated()
            .map { index, errors in "[\(index): \(errors.map(\.description).joined(separator: "; "))]" }
            .joined(separator: " ")
    }
}

// MARK: - The parsed schema

private enum AdditionalProperties {
    case allowed, forbidden
    case schema(Node)
}

/// One (sub)schema, with its keywords read and checked once, up front.
private final class Node {
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$comment"]
    static let typeNames: Set<String> = ["null", "boolean", "object", "array", "number", "integer", "string"]

    var types: [String]?
    var properties: [String: Node] = [:]
    var required: [String] = []
    var additionalProperties = AdditionalProperties.allowed
    var items: Node?
    var enumeration: [Any]?
    var constant: Any?
    var pattern: (source: String, regex: NSRegularExpression)?
    var minimum: Double?
    var minLength: Int?
    var oneOf: [Node]?
    var anyOf: [Node]?
    /// Name under `$defs`.
    var ref: String?
    /// Schema location of this node, for messages.
    let location: String

    init(_ json: Any, at location: String, isRoot: Bool) throws {
        self.location = location
        guard let object = json as? [String: Any] else {
            throw JSONSchemaValidator.SchemaError(location: location, reason: "a schema must be an object")
        }
        func error(_ keyword: String, _ reason: String) -> JSONSchemaValidator.SchemaError {
            JSONSchemaValidator.SchemaError(location: location + "/" + escape(keyword), reason: reason)
        }
        func subschemas(_ keyword: String, _ value: Any) throws -> [Node] {
            guard let list = value as? [Any], !list.isEmpty else { throw error(keyword, "must be a non-empty array") }
            return try list.enumerated().map { index, element in
                try Node(element, at: "\(location)/\(keyword)/\(index)", isRoot: false)
            }
        }

        for (keyword, value) in object {
            let here = location + "/" + escape(keyword)
            switch keyword {
            case _ where Node.annotations.contains(keyword):
                break
            case "$defs":
                guard isRoot else { throw error(keyword, "$defs is supported at the root only") }
            case "type":
                let names = (value as? [String]) ?? (value as? String).map { [$0] }
                guard let names, !names.isEmpty, names.allSatisfy(Node.typeNames.contains) else {
                    throw error(keyword, "must be a type name or an array of type names")
                }
                types = names
            case "properties":
                guard let map = value as? [String: Any] else { throw error(keyword, "must be an object") }
                for (name, schema) in map {
                    properties[name] = try Node(schema, at: here + "/" + escape(name), isRoot: false)
                }
            case "required":
                guard let names = value as? [String] else { throw error(keyword, "must be an array of strings") }
                required = names
            case "additionalProperties":
                if JSONKind(of: value) == .boolean, let allowed = value as? Bool {
                    additionalProperties = allowed ? .allowed : .forbidden
                } else {
                    additionalProperties = .schema(try Node(value, at: here, isRoot: false))
                }
            case "items":
                items = try Node(value, at: here, isRoot: false)
            case "enum":
                guard let options = value as? [Any], !options.isEmpty else {
                    throw error(keyword, "must be a non-empty array")
                }
                enumeration = options
            case "const":
                constant = value
            case "pattern":
                guard let source = value as? String else { throw error(keyword, "must be a string") }
                do {
                    pattern = (source, try NSRegularExpression(pattern: icuPattern(fromECMA: source)))
                } catch {
                    throw JSONSchemaValidator.SchemaError(location: here, reason: "invalid regular expression")
                }
            case "minimum":
                guard JSONKind(of: value) == .number, let number = value as? NSNumber else {
                    throw error(keyword, "must be a number")
                }
                minimum = number.doubleValue
            case "minLength":
                guard JSONKind(of: value).satisfies("integer", value), let number = value as? NSNumber,
                    number.intValue >= 0
                else { throw error(keyword, "must be a non-negative integer") }
                minLength = number.intValue
            case "oneOf":
                oneOf = try subschemas(keyword, value)
            case "anyOf":
                anyOf = try subschemas(keyword, value)
            case "$ref":
                let prefix = "#/$defs/"
                guard let target = value as? String, target.hasPrefix(prefix), target.count > prefix.count else {
                    throw error(keyword, "only references of the form #/$defs/NAME are supported")
                }
                ref = unescape(String(target.dropFirst(prefix.count)))
            default:
                throw error(keyword, "unsupported keyword \"\(keyword)\"")
            }
        }
    }

    /// Every `$ref` in this node and below, with the schema location it was written at.
    var references: [(location: String, name: String)] {
        var found: [(location: String, name: String)] = ref.map { [(location + "/$ref", $0)] } ?? []
        var children = Array(properties.values) + (items.map { [$0] } ?? []) + (oneOf ?? []) + (anyOf ?? [])
        if case .schema(let extra) = additionalProperties { children.append(extra) }
        for child in children { found += child.references }
        return found
    }
}

// MARK: - JSON values as JSONSerialization gives them

/// The JSON type of a JSONSerialization value (or of a hand-built `[String: Any]`).
private enum JSONKind: Equatable {
    case null, boolean, number, string, array, object, unknown

    init(of value: Any) {
        // Strings, objects and arrays are asked first: asking a Swift collection
        // whether it is an NSNumber bridges it to Foundation first, which costs.
        switch value {
        case is String: self = .string
        case is [String: Any]: self = .object
        case is [Any]: self = .array
        case is NSNull: self = .null
        case let number as NSNumber:
            // On Linux `1 is Bool` and `true is NSNumber` both hold, so neither cast tells booleans apart.
            // Booleans (from JSONSerialization, NSNumber(value: Bool) or a Swift Bool) are always one of
            // the two shared boolean NSNumber instances; every other number is a different object.
            self = (number === NSNumber(value: true) || number === NSNumber(value: false)) ? .boolean : .number
        default: self = .unknown
        }
    }

    var name: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        case .unknown: "a non-JSON value"
        }
    }

    /// Whether a value of this kind satisfies the `type` name; `integer` means a number with no fractional part.
    func satisfies(_ typeName: String, _ value: Any) -> Bool {
        switch typeName {
        case "integer":
            guard self == .number, let number = value as? NSNumber else { return false }
            let double = number.doubleValue
            return double.isFinite && double.rounded(.towardZero) == double
        default:
            return typeName == name
        }
    }
}

/// JSON equality, as `enum` and `const` need it: numbers compare by value, objects ignore key order.
private func jsonEqual(_ a: Any, _ b: Any) -> Bool {
    let kind = JSONKind(of: a)
    guard kind == JSONKind(of: b) else { return false }
    switch kind {
    case .null: return true
    case .boolean, .number: return (a as! NSNumber).doubleValue == (b as! NSNumber).doubleValue
    case .string: return (a as! String) == (b as! String)
    case .array:
        let (x, y) = (a as! [Any], b as! [Any])
        return x.count == y.count && zip(x, y).allSatisfy(jsonEqual)
    case .object:
        let (x, y) = (a as! [String: Any], b as! [String: Any])
        return x.count == y.count && x.allSatisfy { key, value in y[key].map { jsonEqual(value, $0) } ?? false }
    case .unknown: return false
    }
}

/// A short JSON rendering of a value for messages.
private func render(_ value: Any) -> String {
    switch JSONKind(of: value) {
    case .null: return "null"
    case .boolean: return (value as! NSNumber).boolValue ? "true" : "false"
    case .string:
        let data = try? JSONSerialization.data(withJSONObject: [value], options: [.fragmentsAllowed])
        return data.flatMap { String(data: $0, encoding: .utf8) }.map { String($0.dropFirst().dropLast()) }
            ?? "\"\(value)\""
    case .number:
        let number = value as! NSNumber
        let double = number.doubleValue
        return double.rounded() == double && abs(double) < 1e15 ? String(Int64(double)) : number.stringValue
    default:
        return "\(value)"
    }
}

/// Escapes one JSON pointer token (RFC 6901).
private func escape(_ token: String) -> String {
    // Most tokens need nothing (and the fuzzers check every key of every output).
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
    return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
}

private func unescape(_ token: String) -> String {
    token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
}

/// Maps the two ECMA-262 regex details the schema relies on onto ICU: `\d` is ASCII digits only (ICU: any
/// Unicode digit) and an unescaped `$` outside a character class is the end of input (ICU: also before a
/// final newline). Everything else is passed through unchanged.
private func icuPattern(fromECMA source: String) -> String {
    var result = ""
    var inClass = false
    var characters = source.makeIterator()
    while let c = characters.next() {
        switch c {
        case "\\":
            guard let next = characters.next() else { result.append(c); break }
            if next == "d" {
                result += inClass ? "0-9" : "[0-9]"
            } else {
                result.append(c)
                result.append(next)
            }
        case "[" where !inClass:
            inClass = true
            result.append(c)
        case "]" where inClass:
            inClass = false
            result.append(c)
        case "$" where !inClass:
            result += "\\z"
        default:
            result.append(c)
        }
    }
    return result
}
