/// An Aho-Corasick automaton over folded scalars: built once from every pattern, it finds all
/// occurrences of all patterns in one pass, in time linear in the text and independent of how
/// many patterns there are.
public struct Automaton: Sendable {
    /// A pattern occurrence: which pattern, and the folded range it covers.
    public struct Match: Sendable, Hashable {
        public var pattern: Int
        public var range: Range<Int>
    }

    /// Scalar value → symbol for the Basic Multilingual Plane; 0 means "in no pattern".
    private let symbols: [UInt16]
    private let astralSymbols: [UInt32: UInt16]
    /// The root's transitions, dense: symbol → node.
    private let rootNext: [Int32]
    /// The other nodes' transitions, sparse: node n's edges are `edgeSymbols[firstEdge[n]..<firstEdge[n+1]]`.
    private let firstEdge: [Int32]
    private let edgeSymbols: [UInt16]
    private let edgeTargets: [Int32]
    private let failure: [Int32]
    /// The pattern that ends at a node, or -1.
    private let output: [Int32]
    /// The nearest node down the failure chain that ends a pattern, or -1.
    private let outputLink: [Int32]
    /// Each pattern's length in scalars.
    public let patternLengths: [Int]
    /// The length of the longest pattern: how far back a match can start from where it ends.
    public let longestPattern: Int

    public var nodeCount: Int { failure.count }

    /// The tables as they are, for a snapshot; `init(snapshot:)` rebuilds the automaton from them.
    var snapshot: AutomatonSnapshot {
        var pairs: [(scalar: UInt32, symbol: UInt16)] = []
        for (scalar, symbol) in symbols.enumerated() where symbol != 0 { pairs.append((UInt32(scalar), symbol)) }
        for (scalar, symbol) in astralSymbols { pairs.append((scalar, symbol)) }
        return AutomatonSnapshot(symbols: pairs, rootNext: rootNext, firstEdge: firstEdge, edgeSymbols: edgeSymbols,
                                 edgeTargets: edgeTargets, failure: failure, output: output, outputLink: outputLink,
                                 patternLengths: patternLengths.map { Int32($0) })
    }

    init(snapshot: AutomatonSnapshot) {
        var symbols = [UInt16](repeating: 0, count: 0x10000)
        var astral: [UInt32: UInt16] = [:]
        for (scalar, symbol) in snapshot.symbols {
            if scalar < 0x10000 { symbols[Int(scalar)] = symbol } else { astral[scalar] = symbol }
        }
        self.symbols = symbols
        astralSymbols = astral
        rootNext = snapshot.rootNext
        firstEdge = snapshot.firstEdge
        edgeSymbols = snapshot.edgeSymbols
        edgeTargets = snapshot.edgeTargets
        failure = snapshot.failure
        output = snapshot.output
        outputLink = snapshot.outputLink
        patternLengths = snapshot.patternLengths.map { Int($0) }
        longestPattern = patternLengths.max() ?? 0
    }

    public init(patterns: [[UInt32]]) {
        var builder = AutomatonBuilder()
        builder.addTrie(of: patterns)
        builder.compressEdges()
        builder.linkFailures()
        self.init(snapshot: builder.snapshot(patternLengths: patterns.map { Int32($0.count) }))
    }

    /// Every occurrence of every pattern in `text`, in order of where they end.
    public func matches(in text: [UInt32]) -> [Match] {
        var found: [Match] = []
        scan(text) { pattern, end in
            found.append(Match(pattern: pattern, range: (end - patternLengths[pattern])..<end))
        }
        return found
    }

    /// Calls `report(pattern, end)` for every occurrence, without collecting them.
    public func scan(_ text: [UInt32], report: (Int, Int) -> Void) {
        symbols.withUnsafeBufferPointer { symbols in
        rootNext.withUnsafeBufferPointer { rootNext in
        firstEdge.withUnsafeBufferPointer { firstEdge in
        edgeSymbols.withUnsafeBufferPointer { edgeSymbols in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        failure.withUnsafeBufferPointer { failure in
        output.withUnsafeBufferPointer { output in
        outputLink.withUnsafeBufferPointer { outputLink in
            var node: Int32 = 0
            for (i, scalar) in text.enumerated() {
                let s: UInt16 = scalar < 0x10000 ? symbols[Int(scalar)] : (astralSymbols[scalar] ?? 0)
                if s == 0 {
                    node = 0
                    continue
                }
                while true {
                    if node == 0 {
                        node = rootNext[Int(s)]
                        break
                    }
                    let from = Int(firstEdge[Int(node)]), to = Int(firstEdge[Int(node) + 1])
                    var target: Int32 = -1
                    var e = from
                    while e < to {
                        let symbol = edgeSymbols[e]
                        if symbol >= s {
                            if symbol == s { target = edgeTargets[e] }
                            break
                        }
                        e += 1
                    }
                    if target >= 0 {
                        node = target
                        break
                    }
                    node = failure[Int(node)]
                }
                var hit = output[Int(node)] >= 0 ? node : outputLink[Int(node)]
                while hit >= 0 {
                    report(Int(output[Int(hit)]), i + 1)
                    hit = outputLink[Int(hit)]
                }
            }
        }}}}}}}}
    }
}
