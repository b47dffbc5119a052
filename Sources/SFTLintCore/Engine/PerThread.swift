#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One instance of a class per thread, made on first use and freed when the thread ends: for caches that rules
/// running one after another on the same sample share, without a lock.
final class PerThread<Value: AnyObject>: @unchecked Sendable {
    private let key: pthread_key_t
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            #if canImport(Darwin)
                Unmanaged<AnyObject>.fromOpaque(pointer).release()
            #else
                if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
            #endif
        }
        self.key = key
        self.make = make
    }

    /// Runs `body` with the calling thread's instance, borrowed: `current` retains and releases it, which
    /// costs more than the lookup when asked for every record.
    @inline(__always)
    func withCurrent<R>(_ body: (Value) -> R) -> R {
        guard let pointer = pthread_getspecific(key) else { return body(current) }
        return Unmanaged<Value>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
    }

    /// The calling thread's instance.
    var current: Value {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(pointer).takeUnretainedValue()
        }
        let value = make()
        pthread_setspecific(key, Unmanaged.passRetained(value).toOpaque())
        return value
    }
}
