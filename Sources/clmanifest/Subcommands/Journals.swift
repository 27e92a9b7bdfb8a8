import ArgumentParser
import ManifestKit
import ManifestUpload

extension CLManifest {
    /// `clmanifest journals`: the upload journals kept under a state directory, and removing them.
    struct Journals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the journals of uploads that stopped part-way, or remove them.",
            discussion: """
                An upload that stops before every batch is confirmed keeps a journal under --state-dir (default \
                .clmanifest/uploads/), so that running the same command again resumes it. This lists each \
                journal: its key, dataset, manifest, batches confirmed and when it started, and says when one \
                can no longer be resumed (its saved plan or change set is damaged). --discard KEY removes one \
                (repeatable), --discard-all every one. Removing a journal sends nothing and changes nothing in \
                the dataset; the next upload of that manifest plans afresh.
                """
        )

        @Option(help: ArgumentHelp("Where the upload journals are kept.", valueName: "dir"))
        var stateDir = ".clmanifest"

        @Option(help: ArgumentHelp("Remove the journal with this key (as listed); repeatable.", valueName: "key"))
        var discard: [String] = []

        @Flag(help: "Remove every journal.")
        var discardAll = false

        func validate() throws {
            if discardAll && !discard.isEmpty { throw ValidationError("give --discard KEY or --discard-all, not both") }
        }

        func run() throws {
            let sessions = UploadJournal.sessions(in: stateDir)
            if discard.isEmpty && !discardAll {
                guard !sessions.isEmpty else {
                    Output.standardError("no upload journals in \(stateDir)\n")
                    return
                }
                Output.standardOutput(sessions.map(Self.describe).joined())
                return
            }
            let keys = discardAll ? sessions.map(\.key) : discard
            for key in keys {
                guard sessions.contains(where: { $0.key == key }) else {
                    let known = sessions.map(\.key)
                    throw CommandFailure(
                        message: "no journal '\(key)' in \(stateDir)\(Suggestion.phrase(for: key, among: known))"
                            + (known.isEmpty ? "" : " (known: \(known.joined(separator: ", ")))"))
                }
                UploadJournal(directory: stateDir, key: key).finish()
                Output.standardError("removed the journal \(key)\n")
            }
        }

        /// `KEY  confirmed/total batches  started  dataset  manifest`, and what stops a resume.
        private static func describe(_ session: UploadJournal.Session) -> String {
            var text = "\(session.key)  "
            if let problem = session.problem {
                text += "cannot be resumed: \(problem)"
            } else {
                text += "\(session.confirmed) of \(Count.phrase(session.batches, "batch", "batches")) confirmed"
            }
            text += "  started \(session.started ?? "?")  \(session.datasetARN ?? "?")  \(session.manifest ?? "?")\n"
            return text
        }
    }
}
