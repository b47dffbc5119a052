import Dispatch

/// Maps work over a few threads and returns results in input order.
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
        let workers = min(jobs, items.count)
        guard workers > 1 else { return items.map(transform) }
        let slots = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        // Each worker writes only its own slots (i ≡ worker mod workers), so no two threads touch one slot.
        nonisolated(unsafe) let output = slots
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for i in stride(from: worker, to: items.count, by: workers) {
                output[i] = transform(items[i])
            }
        }
        return slots.map { $0! }
    }
}
