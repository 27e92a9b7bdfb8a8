extension Double {
    /// The number as JSON writes it: `3` rather than `3.0`; a number too large for a double (such as
    /// `1e999999`) is said to be so.
    var clean: String {
        guard isFinite else { return isNaN ? "not a number" : "\(self < 0 ? "-" : "")(too large to represent)" }
        return self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }

    /// The number with at most two decimals, for messages.
    var formatted2: String {
        ((self * 100).rounded() / 100).clean
    }
}
