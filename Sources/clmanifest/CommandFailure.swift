/// A reason a command cannot run (a schema that does not load, …): printed as `error: …`, exit code 2.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
