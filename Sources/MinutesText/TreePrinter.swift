import Foundation

/// Prints a segmented document as an indented outline, one block a line, with
/// original line numbers and a short excerpt of the normalised text, so that
/// tests can compare whole trees and a reader can see what the segmenter saw.
public enum TreePrinter {
    public static let excerptLength = 60

    public static func print(_ root: Block, _ text: NormalizedText) -> String {
        var out = ""
        for child in root.children { write(child, text, depth: 0, into: &out) }
        return out
    }

    private static func write(_ block: Block, _ text: NormalizedText, depth: Int, into out: inout String) {
        var line = String(repeating: "  ", count: depth) + block.kind.rawValue
        if let heading = block.heading {
            if let number = heading.fields["number"] { line += " \(number)" }
            if let value = heading.value { line += " \(value)" }
            let title = heading.fields["title"] ?? heading.title.map { excerpt(text, $0) } ?? ""
            if !title.isEmpty { line += " \"\(title)\"" }
        }
        line += " " + lines(block.range, text)
        switch block.kind {
        case .paragraph, .listItem, .cell:
            if block.children.isEmpty { line += " \"\(excerpt(text, block.range))\"" }
        case .list:
            line += " (\(block.children.count) entries)"
        case .table:
            line += " (\(block.children.count) rows)"
        case .row:
            line += " (\(block.children.count) cells)"
        default:
            break
        }
        out += line + "\n"
        for child in block.children { write(child, text, depth: depth + 1, into: &out) }
    }

    /// `[12]` or `[12-20]`: original line numbers of the block.
    private static func lines(_ range: Range<Int>, _ text: NormalizedText) -> String {
        let original = text.originalRange(range)
        let first = text.source.line(at: original.lowerBound)
        let last = text.source.line(at: max(original.lowerBound, original.upperBound - 1))
        return first == last ? "[\(first)]" : "[\(first)-\(last)]"
    }

    /// White space collapsed and cut to `excerptLength` characters.
    static func excerpt(_ text: NormalizedText, _ range: Range<Int>) -> String {
        let words = text.text(range).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let escaped = words.replacingOccurrences(of: "\"", with: "\\\"")
        return escaped.count > excerptLength ? String(escaped.prefix(excerptLength - 1)) + "…" : escaped
    }
}
