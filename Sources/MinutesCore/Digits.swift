extension BinaryInteger {
    /// The number in decimal with leading zeros to at least `width` digits,
    /// as `%0Nd` writes it ("2017", "06"), without Foundation's formatter,
    /// which costs thousands of instructions a call.
    public func zeroPadded(_ width: Int) -> String {
        let digits = String(self.magnitude)
        let sign = self < 0 ? "-" : ""
        return sign + String(repeating: "0", count: Swift.max(0, width - sign.count - digits.count)) + digits
    }
}
