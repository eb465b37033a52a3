import Foundation
import MinutesCore

/// Stage 6: canonical JSON. Keys sorted, no escaped slashes, one trailing
/// newline; the same document always gives the same bytes.
public enum Emitter {
    public static func json(_ document: MinutesDocument, pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding value types with string keys cannot fail.
        var data = try! encoder.encode(document)
        data.append(0x0A)
        return data
    }
}
