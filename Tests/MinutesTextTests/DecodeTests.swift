import MinutesCore
import Testing
@testable import MinutesText

@Suite struct DecodeTests {
    func decode(_ bytes: [UInt8]) throws -> (String, TextEncoding) {
        let (text, encoding) = try TextDecoder.decode(bytes)
        return (text.text(0..<text.count), encoding)
    }

    @Test func plainUTF8() throws {
        #expect(try decode(Array("£885k – café".utf8)) == ("£885k – café", .utf8))
    }

    @Test func byteOrderMarkIsConsumedAndReported() throws {
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("Minutes".utf8)) == ("Minutes", .utf8BOM))
    }

    @Test func utf16LittleAndBigEndian() throws {
        let le: [UInt8] = [0xFF, 0xFE] + "£5\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + "£5\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decode(le) == ("£5\n", .utf16LE))
        #expect(try decode(be) == ("£5\n", .utf16BE))
    }

    @Test func brokenUTF16IsRefused() {
        #expect(throws: DecodeError.brokenUTF16(encoding: .utf16LE)) { try TextDecoder.decode([0xFF, 0xFE, 0x41]) }
    }

    @Test func windows1252WhenNotUTF8() throws {
        // 0xA3 is £ and 0x96 an en dash in Windows-1252; neither is valid UTF-8 alone.
        #expect(try decode([0xA3, 0x35, 0x20, 0x96, 0x20, 0x92]) == ("£5 – ’", .windows1252))
    }

    @Test func undefinedWindows1252BytesBecomeC1ControlsAsBrowsersDo() throws {
        #expect(try decode([0xA3, 0x35, 0x81]) == ("£5\u{81}", .windows1252))
    }

    @Test func firstInvalidUTF8Offset() {
        #expect(TextDecoder.firstInvalidUTF8(Array("ab£".utf8)[...] + [0xA3, 0x41]) == 4)
    }

    @Test func nulByteMeansBinary() {
        #expect(throws: DecodeError.binary(byteOffset: 3)) { try TextDecoder.decode([0x41, 0x42, 0x43, 0x00, 0x44]) }
    }

    @Test func mostlyControlBytesMeansBinary() {
        let bytes: [UInt8] = (0..<100).map { $0 % 2 == 0 ? 0x01 : 0x41 }
        #expect(throws: DecodeError.binary(byteOffset: 0)) { try TextDecoder.decode(bytes) }
    }

    @Test func binaryMessageSaysWhatToDo() {
        #expect(DecodeError.binary(byteOffset: 7).message
            == "this looks like a binary file, not text (control byte at offset 7); convert it to plain text (for a PDF, run pdftotext) and try again")
    }

    @Test func lineEndsAreKeptAndCounted() throws {
        let (text, _) = try TextDecoder.decode(Array("a\r\nb\rc\nd".utf8))
        #expect(text.count == 8)
        #expect(text.lineStarts == [0, 3, 5, 7])
        #expect(text.line(at: 4) == 2)
        #expect(text.line(at: 7) == 4)
        #expect(text.column(at: 4) == 2)
    }

    @Test func sha256KnownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Around the block and padding boundaries (whole blocks are read in place); values from Python's hashlib.
        let expected = [
            55: "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59",
            56: "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562",
            64: "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108",
            65: "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781",
            200: "1901da1c9f699b48f6b2636e65cbf73abf99d0441ef67f5c540a42f7051dec6f",
        ]
        for (length, digest) in expected {
            #expect(SHA256.hex((0..<length).map { UInt8($0 % 251) }) == digest, "\(length) bytes")
        }
    }
}
