#if canImport(Glibc)
import Glibc
#endif
import KoshiKit

/// The built-in knowledge, loaded on a second thread once the greeting is out, while the person
/// reads it and starts to type: start-up costs only the greeting, and the first answer waits only
/// for whatever of the load is left. `wait()` joins the thread, which orders its writes before ours.
final class KnowledgeInBackground: @unchecked Sendable {
    private let load: @Sendable () throws -> Knowledge
    private var result: Result<Knowledge, Error>?
    private var thread: pthread_t?

    init(_ load: @escaping @Sendable () throws -> Knowledge) {
        self.load = load
    }

    /// Starts loading; started after the greeting so that the two do not compete for the process.
    func start() {
        guard thread == nil, result == nil else { return }
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            let loader = Unmanaged<KnowledgeInBackground>.fromOpaque(context!).takeRetainedValue()
            loader.result = Result { try loader.load() }
            return nil
        }, Unmanaged.passRetained(self).toOpaque())
        if started == 0 {
            self.thread = thread
        } else {
            Unmanaged.passUnretained(self).release()
            result = Result { try load() }
        }
    }

    /// The knowledge, once loaded.
    func wait() throws -> Knowledge {
        start()
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
        return try result!.get()
    }
}
