import MinutesText

/// The span invariant of the output (SPEC §span): every object with a `span`
/// has `start`, `end` and `line`; the span lies inside the original text and
/// `line` is the line it starts on; and where the object carries `text`,
/// `original[start..<end] == text`. The corpus tests and the fuzzers check
/// emitted documents with it.
public enum SpanInvariant {
    /// A span that breaks the invariant, with the JSON path of the object that carries it.
    public struct Violation: Equatable, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Checks every span in `json` (a `JSONSerialization` result of an emitted
    /// document) against `source`, the original text its spans index.
    /// `checked` counts the spans that lie inside the text.
    public static func check(_ json: Any, against source: SourceText) -> (violations: [Violation], checked: Int) {
        var violations: [Violation] = []
        var checked = 0
        walk(json, path: "$") { path, object in
            guard let span = object["span"] as? [String: Any] else { return }
            guard let start = span["start"] as? Int, let end = span["end"] as? Int, let line = span["line"] as? Int else {
                violations.append(Violation(path: path, reason: "span without start, end and line"))
                return
            }
            guard 0 <= start, start <= end, end <= source.count else {
                violations.append(Violation(path: path, reason: "span \(start)..<\(end) outside 0..<\(source.count)"))
                return
            }
            if source.line(at: start) != line {
                violations.append(Violation(path: path, reason: "span \(start)..<\(end) says line \(line), but starts on line \(source.line(at: start))"))
            }
            if let text = object["text"] as? String, source.text(start..<end) != text {
                violations.append(Violation(path: path, reason: "span \(start)..<\(end) holds \(String(reflecting: source.text(start..<end))), not the text \(String(reflecting: text))"))
            }
            checked += 1
        }
        return (violations, checked)
    }

    /// Calls `visit` on every JSON object, depth first, with its path.
    static func walk(_ value: Any, path: String, _ visit: (String, [String: Any]) -> Void) {
        if let object = value as? [String: Any] {
            visit(path, object)
            for (key, element) in object.sorted(by: { $0.key < $1.key }) { walk(element, path: path + "." + key, visit) }
        } else if let array = value as? [Any] {
            for (i, element) in array.enumerated() { walk(element, path: "\(path)[\(i)]", visit) }
        }
    }
}
