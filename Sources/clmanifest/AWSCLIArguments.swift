/// Argument spellings the AWS CLI accepts that swift-argument-parser does not.
enum AWSCLIArguments {
    /// `--generate-cli-skeleton` without a value means `input`.
    static func normalized(_ arguments: [String]) -> [String] {
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            result.append(argument)
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            if argument == "--generate-cli-skeleton", next == nil || next?.hasPrefix("--") == true {
                result.append("input")
            }
        }
        return result
    }
}
