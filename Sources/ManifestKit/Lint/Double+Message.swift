extension Double {
    /// The number as JSON writes it: `3` rather than `3.0`.
    var clean: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }

    /// The number with at most two decimals, for messages.
    var formatted2: String {
        ((self * 100).rounded() / 100).clean
    }
}
