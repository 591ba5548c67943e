/// A command that cannot go on, with the one line that says why and the exit status.
struct CommandFailure: Error {
    var message: String
    /// 2 for bad arguments and unreadable inputs, 1 for a failed check.
    var status: Int32 = 2
}
