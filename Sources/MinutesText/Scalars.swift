/// Unicode scalars stored a byte each where the text has at most 128
/// distinct non-ASCII scalars (a byte from 0x80 names one in a palette),
/// else two bytes each in the Basic Multilingual Plane, four beyond it. A
/// document is held as written and as normalised; at four bytes a scalar
/// these two copies were most of its memory.
public struct ScalarArray: RandomAccessCollection, Sendable {
    @usableFromInline
    enum Storage: Sendable {
        case narrow([UInt8], palette: [Unicode.Scalar])
        case bmp([UInt16])
        case full([Unicode.Scalar])
    }

    @usableFromInline let storage: Storage
    public let count: Int

    public init<C: Collection<Unicode.Scalar>>(_ scalars: C) {
        var widest: UInt32 = 0, count = 0
        var palette: [Unicode.Scalar] = []
        var slots: [Unicode.Scalar: UInt8] = [:]
        for scalar in scalars {
            count += 1
            guard !scalar.isASCII else { continue }
            widest = Swift.max(widest, scalar.value)
            // One past 128 says the palette will not do.
            if palette.count <= 128, slots[scalar] == nil {
                slots[scalar] = UInt8(truncatingIfNeeded: 0x80 + palette.count)
                palette.append(scalar)
            }
        }
        self.count = count
        if palette.count <= 128 {
            storage = .narrow(ScalarArray.filled(scalars, count: count) { $0.isASCII ? UInt8($0.value) : slots[$0] ?? 0 }, palette: palette)
            return
        }
        if widest < 0x10000 {
            storage = .bmp(ScalarArray.filled(scalars, count: count) { UInt16($0.value) })
        } else {
            storage = .full(ScalarArray.filled(scalars, count: count) { $0 })
        }
    }

    /// Bytes known to be ASCII, shared rather than copied.
    init(ascii bytes: [UInt8]) {
        storage = .narrow(bytes, palette: [])
        count = bytes.count
    }

    private static func filled<C: Collection<Unicode.Scalar>, Unit>(_ scalars: C, count: Int, _ unit: (Unicode.Scalar) -> Unit) -> [Unit] {
        [Unit](unsafeUninitializedCapacity: count) { buffer, written in
            for scalar in scalars {
                buffer.initializeElement(at: written, to: unit(scalar))
                written += 1
            }
        }
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable public var indices: Range<Int> { 0..<count }

    @inlinable
    public subscript(i: Int) -> Unicode.Scalar {
        switch storage {
        case .narrow(let units, let palette):
            let unit = units[i]
            return unit < 0x80 ? Unicode.Scalar(unit) : palette[Int(unit) - 0x80]
        case .bmp(let units): return Unicode.Scalar(units[i]) ?? "\u{FFFD}"
        case .full(let scalars): return scalars[i]
        }
    }

    /// The scalars of `range` as a string.
    public func string(_ range: Range<Int>) -> String {
        if case .narrow(let units, let palette) = storage, palette.isEmpty {
            return String(decoding: units[range], as: UTF8.self)
        }
        return String(scalars: self[range])
    }
}
