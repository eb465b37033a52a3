import Foundation

/// The JSON writer behind `Emitter`: the bytes Foundation's `JSONEncoder` gives
/// with `.sortedKeys` and `.withoutEscapingSlashes` (and `.prettyPrinted` when
/// asked), at a fraction of its cost.
///
/// `JSONEncoder` boxes every value into a tree, builds a dictionary per object
/// and sorts every object's keys with string comparisons; on a bulk run that
/// was about 8% of the time. This encoder keeps the `Codable` conformances of
/// MinutesCore as they are (it is an `Encoder` like any other) but writes each
/// value's bytes as soon as it is encoded:
/// - an array is written as it goes;
/// - an object's member values are written one after the other as they come,
///   and when the value that opened the object is done the object is assembled
///   in their place, keys in order. Objects of one type mostly come with the
///   same keys, so the order (and the quoted keys) is worked out once per key
///   type and set of keys, not once per object.
///
/// What it copies of Foundation's output, each checked against `JSONEncoder`
/// by the tests (`EmitterTests`):
/// - keys sorted by their UTF-8 bytes (not by `String`'s `<`, which compares
///   canonical forms; not case-insensitive or numeric either);
/// - keys equal as `String`s (`"é"` and `"e\u{301}"`) are one member: the
///   first spelling with the last value, as a Swift dictionary keeps them;
/// - `"` `\` and the control characters escaped, as `\b \t \n \f \r` where
///   JSON has a short form, otherwise `\u00xx` in lower-case hex; `/`, DEL and
///   everything outside ASCII written as they are;
/// - `Decimal` as its `description` (`0.10` is written `0.1`), `Double` and
///   `Float` as their `description` less a trailing `.0` (`1e-07`, `1e+20`);
///   a NaN or infinite float is an error;
/// - `URL` as its absolute string, `Data` as Base64, `Date` through its own
///   `Codable` (seconds since 2001 as a number);
/// - a value that encodes nothing is `{}`; at the top level it is an error;
/// - pretty printing indents by two spaces, writes `"key" : value`, and writes
///   an empty array or object over three lines: `[`, an empty line, then `]`
///   at the indentation of the line that opened it.
enum CanonicalJSON {
    /// The bytes of `value`, with a line break after them when `newline`.
    /// The buffer the bytes were written into becomes the `Data` (a long
    /// document's JSON is not copied to be returned).
    static func encode<T: Encodable>(_ value: T, pretty: Bool, newline: Bool = false) throws -> Data {
        let writer = Writer(pretty: pretty, level: 0, codingPath: [])
        defer { writer.discard() }
        try writer.writeTopLevel(value)
        if newline { writer.bytes.append(0x0A) }
        return writer.bytes.take()
    }

    /// A growing run of bytes whose appends are a capacity check and a copy:
    /// `Array.append(contentsOf:)` costs some seventy instructions a call
    /// before it copies anything, and an object takes a few calls a member.
    /// Touched by one thread, hence no exclusivity checks.
    final class ByteBuffer {
        @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
        @exclusivity(unchecked) private(set) var count = 0
        @exclusivity(unchecked) private var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }

        /// The bytes as `Data` that owns them, without a copy; the buffer is
        /// left empty.
        func take() -> Data {
            let bytes = base, written = count
            base = .allocate(capacity: 1)
            capacity = 1
            count = 0
            return Data(bytesNoCopy: bytes, count: written, deallocator: .custom { pointer, _ in
                pointer.assumingMemoryBound(to: UInt8.self).deallocate()
            })
        }

        private func reserve(_ extra: Int) {
            guard count + extra > capacity else { return }
            capacity = Swift.max(count + extra, 2 * capacity)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.initialize(from: base, count: count)
            base.deallocate()
            base = grown
        }

        func append(_ byte: UInt8) {
            reserve(1)
            base[count] = byte
            count += 1
        }

        func append(_ bytes: UnsafeRawBufferPointer) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            reserve(bytes.count)
            UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
            count += bytes.count
        }

        func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            append(UnsafeRawBufferPointer(bytes))
        }

        func append(_ literal: StaticString) {
            literal.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
        }

        /// Bytes `range` of `other` (which may be this buffer).
        func append(_ range: Range<Int>, of other: ByteBuffer) {
            reserve(range.count)
            UnsafeMutableRawPointer(base + count).copyMemory(from: other.base + range.lowerBound, byteCount: range.count)
            count += range.count
        }

        func append(_ other: ByteBuffer) {
            append(0..<other.count, of: other)
        }

        /// A line break and the indentation of `level`.
        func newline(_ level: Int) {
            reserve(1 + 2 * level)
            base[count] = 0x0A
            UnsafeMutableRawPointer(base + count + 1).initializeMemory(as: UInt8.self, repeating: UInt8(ascii: " "), count: 2 * level)
            count += 1 + 2 * level
        }

        /// Drops the bytes from `count` on.
        func truncate(to count: Int) {
            self.count = count
        }

        func insert(_ other: ByteBuffer, at offset: Int) {
            reserve(other.count)
            // copyMemory is a memmove: the two stretches overlap.
            UnsafeMutableRawPointer(base + offset + other.count).copyMemory(from: base + offset, byteCount: count - offset)
            UnsafeMutableRawPointer(base + offset).copyMemory(from: other.base, byteCount: other.count)
            count += other.count
        }
    }

    /// A member of an open object, or a late element of an open array.
    struct Member {
        var key: String
        /// Where the value's bytes are in `Writer.bytes`; for a late element,
        /// where its bytes go.
        var start: Int
        var end: Int
        /// For a nested container or a super encoder, the index in
        /// `Writer.lates` of a writer of its own, since its value may be
        /// written after the members that follow it; otherwise -1.
        var late: Int
    }

    /// What the value now being encoded has opened.
    enum Opened {
        case nothing
        /// A single value, written.
        case value
        /// An object whose members are `members[first...]`, their values
        /// written from `bytes[start]` on; `shape` indexes `Writer.shapes`.
        case object(first: Int, start: Int, shape: Int)
        /// An array, `[` written, with `count` elements so far; the late ones
        /// are `members[first...]`.
        case array(first: Int, count: Int)
    }

    /// What is known of the objects of one key type: the container handed out
    /// for it and the layouts its objects have had.
    class Shape {
        let keyType: ObjectIdentifier
        var layouts: [Layout] = []

        init(keyType: ObjectIdentifier) { self.keyType = keyType }

        /// Objects of a type mostly have the same keys in the same order; a
        /// dictionary's may vary, so only the first few layouts are kept here.
        func layout(for members: UnsafeBufferPointer<Member>) -> Layout {
            for layout in layouts where layout.fits(members) { return layout }
            let layout = LayoutBook.shared.layout(of: keyType, for: members)
            if layouts.count < 16 { layouts.append(layout) }
            return layout
        }
    }

    /// The layouts of every key type met, for all documents and threads, so
    /// that each is worked out once in a run rather than once per document.
    /// Bounded per type: a dictionary's keys may come in any number of sets.
    final class LayoutBook: @unchecked Sendable {
        static let shared = LayoutBook()

        private let lock = NSLock()
        private var layouts: [ObjectIdentifier: [Layout]] = [:]

        func layout(of keyType: ObjectIdentifier, for members: UnsafeBufferPointer<Member>) -> Layout {
            lock.lock()
            defer { lock.unlock() }
            if let known = layouts[keyType]?.first(where: { $0.fits(members) }) { return known }
            let layout = Layout(keys: members.map(\.key))
            if layouts[keyType, default: []].count < 64 { layouts[keyType, default: []].append(layout) }
            return layout
        }
    }

    /// A keyed container holds nothing but its writer, so one per key type is
    /// made and handed out again: making one costs a box and two generic
    /// metadata look-ups, about as much as writing a small object.
    final class KeyedShape<Key: CodingKey>: Shape {
        let container: KeyedEncodingContainer<Key>

        init(writer: Writer) {
            container = KeyedEncodingContainer(ObjectContainer<Key>(writer: writer))
            super.init(keyType: ObjectIdentifier(Key.self))
        }
    }

    /// How an object with these keys, in this encoding order, is written
    /// (immutable, so shared between threads): one member per key (first
    /// spelling, last value), in the order of the keys' UTF-8 bytes.
    final class Layout: Sendable {
        struct Entry {
            /// The index of the member's value among those encoded.
            var value: Int
            /// Where its key is in `quotedKeys`.
            var keyStart: Int
            var keyEnd: Int
        }

        /// As encoded.
        let keys: [String]
        /// The members to write, in order.
        let entries: [Entry]
        /// The keys of `entries`, each in quotes and escaped, one after the other.
        let quotedKeys: [UInt8]

        init(keys: [String]) {
            self.keys = keys
            // Keys equal as Strings are one member, as in a Swift dictionary.
            var members: [(key: String, value: Int)] = []
            var index: [String: Int] = [:]
            for (position, key) in keys.enumerated() {
                if let member = index[key] {
                    members[member].value = position
                } else {
                    index[key] = members.count
                    members.append((key, position))
                }
            }
            members.sort { Layout.compare($0.key, $1.key) < 0 }
            let quoted = ByteBuffer(capacity: 256)
            entries = members.map { member in
                let keyStart = quoted.count
                Writer.write(string: member.key, to: quoted)
                return Entry(value: member.value, keyStart: keyStart, keyEnd: quoted.count)
            }
            quotedKeys = Swift.Array(UnsafeBufferPointer(start: quoted.base, count: quoted.count))
        }

        func fits(_ members: UnsafeBufferPointer<Member>) -> Bool {
            guard keys.count == members.count else { return false }
            for index in 0..<keys.count where keys[index] != members[index].key { return false }
            return true
        }

        /// Byte order of the UTF-8 (which is also Unicode scalar order):
        /// negative, zero or positive as `a` comes before, with or after `b`.
        static func compare(_ a: String, _ b: String) -> Int {
            var a = a, b = b
            return a.withUTF8 { x in
                b.withUTF8 { y in
                    let common = min(x.count, y.count)
                    if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                        let order = memcmp(p, q, common)
                        if order != 0 { return Int(order) }
                    }
                    return x.count - y.count
                }
            }
        }
    }

    /// The key of an element of an unkeyed container in a coding path. The
    /// text is made only when asked for: most paths are never read.
    struct IndexKey: CodingKey {
        let index: Int
        init(_ index: Int) { self.index = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.index = intValue }
        var intValue: Int? { index }
        var stringValue: String { "Index \(index)" }
    }

    struct SuperKey: CodingKey {
        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
        var intValue: Int? { nil }
        var stringValue: String { "super" }
    }

    // MARK: - The encoder

    /// Writes one document (a nested container or super encoder gets a writer
    /// of its own). A nested value is encoded by the same object, with what it
    /// opened, its level and its path saved around the call.
    ///
    /// The state is touched by one thread and never by two overlapping
    /// accesses, so the run-time exclusivity checks of class properties (a
    /// tenth of the encoding time) are switched off for it.
    final class Writer: Encoder {
        @exclusivity(unchecked) var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        let pretty: Bool
        /// The output: finished values, and the member values of the objects still open.
        let bytes = ByteBuffer(capacity: 16 * 1024)
        /// Members of the open objects and late elements of the open arrays,
        /// innermost last: `members[..<memberCount]`. The slots above are
        /// reused rather than removed.
        @exclusivity(unchecked) var members: [Member] = []
        @exclusivity(unchecked) var memberCount = 0
        /// The writers of nested containers and super encoders, by `Member.late`.
        @exclusivity(unchecked) var lates: [Writer] = []
        /// Where an object is assembled before it takes its members' place in `bytes`.
        lazy var scratch = ByteBuffer(capacity: 16 * 1024)
        @exclusivity(unchecked) var opened = Opened.nothing
        /// Depth of the value now being encoded, for indentation: 0 at the top.
        @exclusivity(unchecked) var level: Int
        /// By key type. Their containers refer to this writer: emptied when it is done.
        @exclusivity(unchecked) var shapes: [Shape] = []

        init(pretty: Bool, level: Int, codingPath: [any CodingKey]) {
            self.pretty = pretty
            self.level = level
            self.codingPath = codingPath
        }

        func writeTopLevel<T: Encodable>(_ value: T) throws {
            if try writeScalar(value, at: nil) { return }
            try value.encode(to: self)
            if case .nothing = opened {
                throw EncodingError.invalidValue(value, EncodingError.Context(
                    codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
            }
            close()
        }

        /// Writes `value` at the end of `bytes`: as the member or element at
        /// `key`, one level down; or, with no key, as the value of a single-value
        /// container (an optional's, an enum's raw value), at the same path and level.
        func write<T: Encodable>(_ value: T, at key: (any CodingKey)?) throws {
            if try writeScalar(value, at: key) { return }
            let outer = opened, start = bytes.count, first = memberCount
            opened = .nothing
            if let key {
                codingPath.append(key)
                level += 1
            }
            defer {
                opened = outer
                if key != nil {
                    codingPath.removeLast()
                    level -= 1
                }
            }
            do {
                try value.encode(to: self)
            } catch {
                // Whoever catches it finds the output as it was before this value.
                bytes.truncate(to: start)
                memberCount = first
                throw error
            }
            close()
        }

        /// Scalars Foundation writes in a form of its own are caught here, before
        /// their own `encode(to:)` would run. The type checks compare metadata
        /// pointers: every composite value passes through here.
        private func writeScalar<T: Encodable>(_ value: T, at key: (any CodingKey)?) throws -> Bool {
            if T.self == String.self {
                Self.write(string: value as! String, to: bytes)
            } else if T.self == Int.self {
                write(integer: value as! Int)
            } else if T.self == Bool.self {
                bytes.append((value as! Bool) ? "true" : "false")
            } else if T.self == String?.self {
                // Optionals too, rather than through their `encode(to:)`: they are many.
                if let string = value as! String? { Self.write(string: string, to: bytes) } else { bytes.append("null") }
            } else if T.self == Decimal.self {
                Self.write(text: (value as! Decimal).description, to: bytes)
            } else if T.self == Double.self {
                try write(float: value as! Double, at: key)
            } else if T.self == Float.self {
                try write(float: value as! Float, at: key)
            } else if T.self == URL.self {
                Self.write(string: (value as! URL).absoluteString, to: bytes)
            } else if T.self == Data.self {
                Self.write(string: (value as! Data).base64EncodedString(), to: bytes)
            } else {
                return false
            }
            return true
        }

        // MARK: Scalars

        func write(integer value: Int) {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            // UInt.max has 20 digits.
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { buffer in
                var index = buffer.count
                repeat {
                    index -= 1
                    buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
                bytes.append(UnsafeRawBufferPointer(rebasing: buffer[index...]))
            }
        }

        func write<I: BinaryInteger>(integer value: I) {
            if let fits = Int(exactly: value) {
                write(integer: fits)
            } else {
                Self.write(text: String(value), to: bytes)
            }
        }

        func write<F: BinaryFloatingPoint & CustomStringConvertible>(float value: F, at key: (any CodingKey)?) throws {
            guard value.isFinite else {
                var path = codingPath
                if let key { path.append(key) }
                throw EncodingError.invalidValue(value, EncodingError.Context(
                    codingPath: path, debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
            }
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            Self.write(text: text, to: bytes)
        }

        /// Text as it is, not quoted: a number.
        static func write(text: String, to out: ByteBuffer) {
            var text = text
            text.withUTF8 { out.append($0) }
        }

        /// A JSON string: the runs that need no escape are copied whole.
        static func write(string: String, to out: ByteBuffer) {
            out.append(UInt8(ascii: "\""))
            var string = string
            string.withUTF8 { utf8 in
                var run = 0
                for (index, byte) in utf8.enumerated()
                where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    out.append(UnsafeBufferPointer(rebasing: utf8[run..<index]))
                    escape(byte, to: out)
                    run = index + 1
                }
                out.append(UnsafeBufferPointer(rebasing: utf8[run...]))
            }
            out.append(UInt8(ascii: "\""))
        }

        private static func escape(_ byte: UInt8, to out: ByteBuffer) {
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            default:
                out.append("u00")
                for nibble in [byte >> 4, byte & 0x0F] {
                    out.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
                }
            }
        }

        // MARK: Containers

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let keyType = ObjectIdentifier(Key.self)
            let shape: Int
            if let known = shapes.firstIndex(where: { $0.keyType == keyType }) {
                shape = known
            } else {
                shape = shapes.count
                shapes.append(KeyedShape<Key>(writer: self))
            }
            switch opened {
            case .object: break
            case .nothing: opened = .object(first: memberCount, start: bytes.count, shape: shape)
            case .value, .array: preconditionFailure("\(codingPath): a value asked for an object after it wrote something else")
            }
            return unsafeDowncast(shapes[shape], to: KeyedShape<Key>.self).container
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            switch opened {
            case .array: break
            case .nothing:
                opened = .array(first: memberCount, count: 0)
                bytes.append(UInt8(ascii: "["))
            case .value, .object: preconditionFailure("\(codingPath): a value asked for an array after it wrote something else")
            }
            return ArrayContainer(writer: self)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            ValueContainer(writer: self)
        }

        private func push(_ member: Member) {
            if memberCount < members.count {
                members[memberCount] = member
            } else {
                members.append(member)
            }
            memberCount += 1
        }

        /// Records the member whose value was written from `start` to the end.
        func add(_ key: String, from start: Int) {
            push(Member(key: key, start: start, end: bytes.count, late: -1))
        }

        /// Starts the next element of the open array; its index.
        func beginElement() -> Int {
            guard case .array(let first, let count) = opened else {
                preconditionFailure("\(codingPath): an array container used outside its value")
            }
            if count > 0 { bytes.append(UInt8(ascii: ",")) }
            if pretty { bytes.newline(level + 1) }
            opened = .array(first: first, count: count + 1)
            return count
        }

        /// Takes back an element that failed, and its separator, written from `mark` on.
        func cancelElement(from mark: Int) {
            guard case .array(let first, let count) = opened else { return }
            bytes.truncate(to: mark)
            opened = .array(first: first, count: count - 1)
        }

        /// A writer for a nested container or a super encoder as the member
        /// `key` (empty for an element), one level down.
        func late(_ key: String, at codingKey: any CodingKey) -> Writer {
            let writer = Writer(pretty: pretty, level: level + 1, codingPath: codingPath + [codingKey])
            push(Member(key: key, start: bytes.count, end: bytes.count, late: lates.count))
            lates.append(writer)
            return writer
        }

        // MARK: Closing

        /// Finishes the value now being encoded: a value that opened nothing is
        /// `{}`; an object is assembled from its members; an array is closed.
        func close() {
            switch opened {
            case .value: return
            case .nothing: writeEmpty(UInt8(ascii: "{"), UInt8(ascii: "}"))
            case .object(let first, let start, let shape): closeObject(first: first, start: start, shape: shape)
            case .array(let first, let count): closeArray(first: first, count: count)
            }
        }

        /// A late writer's value, done.
        func finish() -> ByteBuffer {
            close()
            shapes.removeAll()
            return bytes
        }

        /// Lets go of the containers handed out (they refer back to their
        /// writer), here and in the late writers.
        func discard() {
            for late in lates { late.discard() }
            lates.removeAll()
            shapes.removeAll()
        }

        /// `{}` or `[]`; pretty, over three lines.
        private func writeEmpty(_ open: UInt8, _ close: UInt8) {
            bytes.append(open)
            if pretty {
                bytes.append(0x0A)
                bytes.newline(level)
            }
            bytes.append(close)
        }

        private func closeArray(first: Int, count: Int) {
            if pretty {
                // Pretty, an empty array is written over three lines too.
                if count == 0 { bytes.append(0x0A) }
                bytes.newline(level)
            }
            bytes.append(UInt8(ascii: "]"))
            guard memberCount > first else { return }
            // Late elements go in where they were begun, the last first so
            // that the places of the others hold.
            for index in (first..<memberCount).reversed() {
                bytes.insert(lates[members[index].late].finish(), at: members[index].start)
            }
            memberCount = first
        }

        /// Replaces the member values written from `start` on with the object made of them.
        private func closeObject(first: Int, start: Int, shape: Int) {
            guard memberCount > first else {
                writeEmpty(UInt8(ascii: "{"), UInt8(ascii: "}"))
                return
            }
            let layout = members.withUnsafeBufferPointer {
                shapes[shape].layout(for: UnsafeBufferPointer(rebasing: $0[first..<memberCount]))
            }
            let scratch = self.scratch
            scratch.truncate(to: 0)
            scratch.append(UInt8(ascii: "{"))
            layout.quotedKeys.withUnsafeBytes { quotedKeys in
                for (position, entry) in layout.entries.enumerated() {
                    if position > 0 { scratch.append(UInt8(ascii: ",")) }
                    if pretty { scratch.newline(level + 1) }
                    scratch.append(UnsafeRawBufferPointer(rebasing: quotedKeys[entry.keyStart..<entry.keyEnd]))
                    scratch.append(pretty ? " : " : ":")
                    let member = first + entry.value
                    let late = members[member].late
                    if late >= 0 {
                        scratch.append(lates[late].finish())
                    } else {
                        scratch.append(members[member].start..<members[member].end, of: bytes)
                    }
                }
            }
            if pretty { scratch.newline(level) }
            scratch.append(UInt8(ascii: "}"))
            memberCount = first
            bytes.truncate(to: start)
            bytes.append(scratch)
        }
    }

    // MARK: - Containers

    struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: Writer

        var codingPath: [any CodingKey] { writer.codingPath }

        mutating func encodeNil(forKey key: Key) throws {
            let start = writer.bytes.count
            writer.bytes.append("null")
            writer.add(key.stringValue, from: start)
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws {
            let start = writer.bytes.count
            writer.bytes.append(value ? "true" : "false")
            writer.add(key.stringValue, from: start)
        }

        mutating func encode(_ value: String, forKey key: Key) throws {
            let start = writer.bytes.count
            Writer.write(string: value, to: writer.bytes)
            writer.add(key.stringValue, from: start)
        }

        mutating func encode(_ value: Int, forKey key: Key) throws {
            let start = writer.bytes.count
            writer.write(integer: value)
            writer.add(key.stringValue, from: start)
        }

        mutating func encode(_ value: Double, forKey key: Key) throws { try float(value, key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try float(value, key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { integer(value, key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { integer(value, key) }

        private func integer<I: BinaryInteger>(_ value: I, _ key: Key) {
            let start = writer.bytes.count
            writer.write(integer: value)
            writer.add(key.stringValue, from: start)
        }

        private func float<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, _ key: Key) throws {
            let start = writer.bytes.count
            try writer.write(float: value, at: key)
            writer.add(key.stringValue, from: start)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            let start = writer.bytes.count
            try writer.write(value, at: key)
            writer.add(key.stringValue, from: start)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            writer.late(key.stringValue, at: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            writer.late(key.stringValue, at: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            writer.late(SuperKey().stringValue, at: SuperKey())
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            writer.late(key.stringValue, at: key)
        }
    }

    /// Writes each element as it comes, after its separator.
    struct ArrayContainer: UnkeyedEncodingContainer {
        let writer: Writer

        var codingPath: [any CodingKey] { writer.codingPath }

        var count: Int {
            guard case .array(_, let count) = writer.opened else { return 0 }
            return count
        }

        mutating func encodeNil() throws {
            _ = writer.beginElement()
            writer.bytes.append("null")
        }

        mutating func encode(_ value: Bool) throws {
            _ = writer.beginElement()
            writer.bytes.append(value ? "true" : "false")
        }

        mutating func encode(_ value: String) throws {
            _ = writer.beginElement()
            Writer.write(string: value, to: writer.bytes)
        }

        mutating func encode(_ value: Int) throws {
            _ = writer.beginElement()
            writer.write(integer: value)
        }

        mutating func encode(_ value: Double) throws { try float(value) }
        mutating func encode(_ value: Float) throws { try float(value) }
        mutating func encode(_ value: Int8) throws { integer(value) }
        mutating func encode(_ value: Int16) throws { integer(value) }
        mutating func encode(_ value: Int32) throws { integer(value) }
        mutating func encode(_ value: Int64) throws { integer(value) }
        mutating func encode(_ value: UInt) throws { integer(value) }
        mutating func encode(_ value: UInt8) throws { integer(value) }
        mutating func encode(_ value: UInt16) throws { integer(value) }
        mutating func encode(_ value: UInt32) throws { integer(value) }
        mutating func encode(_ value: UInt64) throws { integer(value) }

        private func integer<I: BinaryInteger>(_ value: I) {
            _ = writer.beginElement()
            writer.write(integer: value)
        }

        private func float<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws {
            let mark = writer.bytes.count
            let index = writer.beginElement()
            do {
                try writer.write(float: value, at: IndexKey(index))
            } catch {
                writer.cancelElement(from: mark)
                throw error
            }
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let mark = writer.bytes.count
            let index = writer.beginElement()
            do {
                try writer.write(value, at: IndexKey(index))
            } catch {
                writer.cancelElement(from: mark)
                throw error
            }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let index = writer.beginElement()
            return writer.late("", at: IndexKey(index)).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let index = writer.beginElement()
            return writer.late("", at: IndexKey(index)).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let index = writer.beginElement()
            return writer.late("", at: IndexKey(index))
        }
    }

    struct ValueContainer: SingleValueEncodingContainer {
        let writer: Writer

        var codingPath: [any CodingKey] { writer.codingPath }

        /// Called before writing: a single value is written once.
        private func claim() {
            guard case .nothing = writer.opened else {
                preconditionFailure("\(codingPath): a single value container asked to write a second value")
            }
            writer.opened = .value
        }

        mutating func encodeNil() throws {
            claim()
            writer.bytes.append("null")
        }

        mutating func encode(_ value: Bool) throws {
            claim()
            writer.bytes.append(value ? "true" : "false")
        }

        mutating func encode(_ value: String) throws {
            claim()
            Writer.write(string: value, to: writer.bytes)
        }

        mutating func encode(_ value: Int) throws {
            claim()
            writer.write(integer: value)
        }

        mutating func encode(_ value: Double) throws {
            claim()
            try writer.write(float: value, at: nil)
        }

        mutating func encode(_ value: Float) throws {
            claim()
            try writer.write(float: value, at: nil)
        }

        mutating func encode(_ value: Int8) throws { claim(); writer.write(integer: value) }
        mutating func encode(_ value: Int16) throws { claim(); writer.write(integer: value) }
        mutating func encode(_ value: Int32) throws { claim(); writer.write(integer: value) }
        mutating func encode(_ value: Int64) throws { claim(); writer.write(integer: value) }
        mutating func encode(_ value: UInt) throws { claim(); writer.write(integer: value) }
        mutating func encode(_ value: UInt8) throws { claim(); writer.write(integer: value) }
        mutating func encode(_ value: UInt16) throws { claim(); writer.write(integer: value) }
        mutating func encode(_ value: UInt32) throws { claim(); writer.write(integer: value) }
        mutating func encode(_ value: UInt64) throws { claim(); writer.write(integer: value) }

        /// A wrapper (an optional, an enum's raw value) hands its value on.
        mutating func encode<T: Encodable>(_ value: T) throws {
            claim()
            try writer.write(value, at: nil)
        }
    }
}
