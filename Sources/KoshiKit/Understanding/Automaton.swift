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
        var symbols = [UInt16](repeating: 0, count: 0x10000)
        var astral: [UInt32: UInt16] = [:]
        var symbolCount = 0
        func symbol(for scalar: UInt32) -> Int {
            if scalar < 0x10000 {
                if symbols[Int(scalar)] == 0 {
                    symbolCount += 1
                    symbols[Int(scalar)] = UInt16(symbolCount)
                }
                return Int(symbols[Int(scalar)])
            }
            if let known = astral[scalar] { return Int(known) }
            symbolCount += 1
            astral[scalar] = UInt16(symbolCount)
            return symbolCount
        }

        // The trie, with children in one table keyed by (node, symbol).
        var children: [Int: Int32] = [:]
        children.reserveCapacity(patterns.reduce(0) { $0 + $1.count })
        var nodeCount = 1
        var output: [Int32] = [-1]
        var edges: [(parent: Int32, symbol: UInt16, child: Int32)] = []
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var node = 0
            for scalar in pattern {
                let s = symbol(for: scalar)
                let key = node << 16 | s
                if let child = children[key] {
                    node = Int(child)
                } else {
                    children[key] = Int32(nodeCount)
                    edges.append((Int32(node), UInt16(s), Int32(nodeCount)))
                    output.append(-1)
                    node = nodeCount
                    nodeCount += 1
                }
            }
            if output[node] < 0 { output[node] = Int32(index) }
        }

        // Compress the edges: the root densely, every other node as a sorted run.
        var rootNext = [Int32](repeating: 0, count: symbolCount + 1)
        var firstEdge = [Int32](repeating: 0, count: nodeCount + 1)
        for edge in edges {
            if edge.parent == 0 { rootNext[Int(edge.symbol)] = edge.child } else { firstEdge[Int(edge.parent) + 1] += 1 }
        }
        for n in 0..<nodeCount { firstEdge[n + 1] += firstEdge[n] }
        var edgeSymbols = [UInt16](repeating: 0, count: Int(firstEdge[nodeCount]))
        var edgeTargets = [Int32](repeating: 0, count: Int(firstEdge[nodeCount]))
        var fill = firstEdge
        for edge in edges where edge.parent != 0 {
            let at = Int(fill[Int(edge.parent)])
            edgeSymbols[at] = edge.symbol
            edgeTargets[at] = edge.child
            fill[Int(edge.parent)] += 1
        }
        // Each node's run is short; sort it by symbol so that lookups can stop early.
        for node in 1..<max(1, nodeCount) {
            let from = Int(firstEdge[node]), to = Int(firstEdge[node + 1])
            guard to - from > 1 else { continue }
            for i in (from + 1)..<to {
                let symbol = edgeSymbols[i], target = edgeTargets[i]
                var j = i
                while j > from, edgeSymbols[j - 1] > symbol {
                    edgeSymbols[j] = edgeSymbols[j - 1]
                    edgeTargets[j] = edgeTargets[j - 1]
                    j -= 1
                }
                edgeSymbols[j] = symbol
                edgeTargets[j] = target
            }
        }

        // Failure links, breadth first: edges were created parent before child, so a BFS order
        // is the order of node numbers by depth; compute depth-ordered with a queue.
        var failure = [Int32](repeating: 0, count: nodeCount)
        var outputLink = [Int32](repeating: -1, count: nodeCount)
        var queue: [Int32] = []
        queue.reserveCapacity(nodeCount)
        for s in 1..<rootNext.count where rootNext[s] != 0 { queue.append(rootNext[s]) }
        var head = 0
        func next(_ node: Int32, _ s: UInt16) -> Int32? {
            if node == 0 { return rootNext[Int(s)] }
            var lo = Int(firstEdge[Int(node)]), hi = Int(firstEdge[Int(node) + 1])
            while lo < hi {
                let mid = (lo + hi) / 2
                if edgeSymbols[mid] < s { lo = mid + 1 } else { hi = mid }
            }
            return lo < Int(firstEdge[Int(node) + 1]) && edgeSymbols[lo] == s ? edgeTargets[lo] : nil
        }
        while head < queue.count {
            let node = queue[head]
            head += 1
            let f = failure[Int(node)]
            outputLink[Int(node)] = output[Int(f)] >= 0 ? f : outputLink[Int(f)]
            for e in Int(firstEdge[Int(node)])..<Int(firstEdge[Int(node) + 1]) {
                let s = edgeSymbols[e], child = edgeTargets[e]
                var g = f
                while true {
                    if let target = next(g, s), target != child, !(g == 0 && target == 0) {
                        failure[Int(child)] = target
                        break
                    }
                    if g == 0 {
                        failure[Int(child)] = 0
                        break
                    }
                    g = failure[Int(g)]
                }
                queue.append(child)
            }
        }

        self.symbols = symbols
        self.astralSymbols = astral
        self.rootNext = rootNext
        self.firstEdge = firstEdge
        self.edgeSymbols = edgeSymbols
        self.edgeTargets = edgeTargets
        self.failure = failure
        self.output = output
        self.outputLink = outputLink
        self.patternLengths = patterns.map(\.count)
        self.longestPattern = patternLengths.max() ?? 0
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
