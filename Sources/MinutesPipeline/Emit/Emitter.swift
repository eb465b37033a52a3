import Foundation
import MinutesCore

/// Stage 6: canonical JSON. Keys sorted, no escaped slashes, one trailing
/// newline; the same document always gives the same bytes.
///
/// The bytes are those Foundation's `JSONEncoder` gives with `.sortedKeys` and
/// `.withoutEscapingSlashes` (plus `.prettyPrinted`), written by
/// `CanonicalJSON`, which is several times faster on our documents.
public enum Emitter {
    public static func json(_ document: MinutesDocument, pretty: Bool = false) -> Data {
        // Encoding value types with string keys and no floating-point numbers cannot fail.
        try! CanonicalJSON.encode(document, pretty: pretty, newline: true)
    }
}
