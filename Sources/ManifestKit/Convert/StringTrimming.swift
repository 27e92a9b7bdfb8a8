extension StringProtocol {
    /// The text without white space (spaces, tabs, line breaks) at either end, as the converters read names
    /// and fields.
    var trimmedOfWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
