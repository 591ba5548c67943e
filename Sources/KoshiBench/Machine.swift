import Foundation

/// What the figures were measured on: they mean little without it.
struct Machine {
    var processor: String
    var cores: Int
    var memoryGiB: Double
    var kernel: String
    var date: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown processor"
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: name.release) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        let machine = withUnsafeBytes(of: name.machine) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return Machine(processor: model, cores: ProcessInfo.processInfo.activeProcessorCount,
                       memoryGiB: Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30),
                       kernel: "Linux \(release) \(machine)", date: formatter.string(from: Date()))
    }

    var summary: String {
        "\(processor), \(cores) cores, \(Figure.fixed(memoryGiB, 0)) GiB, \(kernel), \(date)"
    }

    var json: [String: Any] {
        ["processor": processor, "cores": cores, "memory_gib": memoryGiB, "kernel": kernel, "date": date]
    }
}
