/// The concept ids that every knowledge base must define (CONTRACT.md: eval/concepts.tsv). The
/// list itself is compiled in with the shipped knowledge (`BuiltInKnowledge.canonicalConcepts`),
/// so that `koshi kb check` and the evaluation read one and the same file.
public enum CanonicalConcepts {
    /// One row of the list: a reported concept and its group, or a value slot.
    public struct Entry: Sendable, Hashable {
        public var id: String
        /// `complaint`, `context`, `red_flag`, or `value` for a value slot.
        public var group: String
    }

    /// The rows of a concepts.tsv text: a header line, then `id<TAB>group<TAB>…` lines.
    public static func parse(_ tsv: String) -> [Entry] {
        tsv.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2, !columns[0].isEmpty else { return nil }
            return Entry(id: String(columns[0]), group: String(columns[1]))
        }
    }
}
