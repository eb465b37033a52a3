import CICU
import MinutesCore

/// Why an input could not be read as text. Messages say what to do.
public enum DecodeError: Error, Equatable, Sendable {
    /// NUL bytes or mostly control bytes: not a text file.
    case binary(byteOffset: Int)
    /// Not UTF-8, and not Windows-1252 either (a byte that has no character there).
    case undecodable(byteOffset: Int)
    /// A UTF-16 byte-order mark followed by an odd number of bytes or broken surrogates.
    case brokenUTF16(encoding: TextEncoding)

    public var message: String {
        switch self {
        case .binary(let offset):
            "this looks like a binary file, not text (control byte at offset \(offset)); convert it to plain text (for a PDF, run pdftotext) and try again"
        case .undecodable(let offset):
            "the bytes are neither UTF-8 nor Windows-1252 (byte offset \(offset)); re-save the file as UTF-8 and try again"
        case .brokenUTF16(let encoding):
            "the file starts with a \(encoding.rawValue) byte-order mark but is not valid \(encoding.rawValue); re-save it as UTF-8 and try again"
        }
    }
}

/// Turns the bytes of an input into text, recognising BOMs, UTF-16 and Windows-1252.
public enum TextDecoder {
    /// Decodes `bytes`. A byte-order mark is consumed and not part of the text;
    /// line ends are kept exactly as in the file so spans count the file's characters.
    public static func decode(_ bytes: [UInt8]) throws(DecodeError) -> (text: SourceText, encoding: TextEncoding) {
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (try utf16(bytes.dropFirst(2), littleEndian: true, after: 2), .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (try utf16(bytes.dropFirst(2), littleEndian: false, after: 2), .utf16BE)
        }
        // Without a mark, bytes that are not valid UTF-16 are judged as any other bytes.
        if let littleEndian = utf16WithoutBOM(bytes), let text = try? utf16(bytes[...], littleEndian: littleEndian, after: 0) {
            return (text, littleEndian ? .utf16LE : .utf16BE)
        }
        var body = bytes[...]
        var encoding = TextEncoding.utf8
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = bytes.dropFirst(3)
            encoding = .utf8BOM
        }
        if let offset = binaryOffset(body) {
            throw .binary(byteOffset: offset + (bytes.count - body.count))
        }
        if let string = String(validating: body, as: UTF8.self) {
            return (SourceText(string.unicodeScalars), encoding)
        }
        // Not UTF-8 after all: the three bytes of a UTF-8 mark are three
        // Windows-1252 characters of the text (ï»¿), and spans count them.
        return (try windows1252(bytes[...]), .windows1252)
    }

    /// UTF-16 written without a byte-order mark, told by its zero bytes: text
    /// in Latin letters has a zero in every other byte (the high byte of each
    /// unit). True for little-endian, false for big-endian, nil for neither.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let head = bytes.prefix(8192)
        guard head.count >= 4, bytes.count % 2 == 0 else { return nil }
        var zerosAtEven = 0, zerosAtOdd = 0
        for (i, b) in head.enumerated() where b == 0 {
            if i % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
        }
        let units = head.count / 2
        // Most units have a zero high byte and hardly any a zero low byte.
        if zerosAtOdd * 10 >= units * 6, zerosAtEven * 20 <= units { return true }
        if zerosAtEven * 10 >= units * 6, zerosAtOdd * 20 <= units { return false }
        return nil
    }

    /// The offset of the first NUL byte, or of the first control byte when more
    /// than one byte in ten of the first 8 KiB is a control byte; nil for text.
    static func binaryOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        if let nul = bytes.firstIndex(of: 0) { return nul - bytes.startIndex }
        let head = bytes.prefix(8192)
        var controls = 0
        var first: Int?
        for (i, b) in head.enumerated() where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
            controls += 1
            if first == nil { first = i }
        }
        if controls * 10 > head.count, let first { return first }
        return nil
    }

    /// `after`: the bytes of the mark before `bytes`, for offsets in messages.
    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, after mark: Int) throws(DecodeError) -> SourceText {
        let encoding: TextEncoding = littleEndian ? .utf16LE : .utf16BE
        guard bytes.count % 2 == 0 else { throw .brokenUTF16(encoding: encoding) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(units.count)
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): scalars.append(Unicode.UTF16.decode(encoded))
            case .emptyInput: break loop
            case .error: throw .brokenUTF16(encoding: encoding)
            }
        }
        if scalars.contains(where: { $0.value == 0 }) {
            throw .binary(byteOffset: mark + 2 * (scalars.firstIndex(where: { $0.value == 0 }) ?? 0))
        }
        return SourceText(scalars)
    }

    private static func windows1252(_ bytes: ArraySlice<UInt8>) throws(DecodeError) -> SourceText {
        let input = Array(bytes)
        var output = [UInt16](repeating: 0, count: max(input.count, 1))
        var status: Int32 = 0
        let length = input.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dest in
                cicu_to_utf16("windows-1252", src.baseAddress, Int32(src.count), dest.baseAddress, Int32(dest.count), &status)
            }
        }
        guard status <= 0 else {
            throw .undecodable(byteOffset: firstInvalidUTF8(bytes))
        }
        return SourceText(String(decoding: output[0..<Int(length)], as: UTF16.self).unicodeScalars)
    }

    /// Offset of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
