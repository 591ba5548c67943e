#if canImport(Glibc)
import Glibc
#endif

/// The monotonic clock, in seconds, for timing things that take microseconds to seconds.
public enum Monotonic {
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// How long `body` takes, in seconds.
    public static func time(_ body: () -> Void) -> Double {
        let start = now()
        body()
        return now() - start
    }
}
