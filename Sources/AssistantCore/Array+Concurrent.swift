import Dispatch

extension Array where Element: Sendable {
    /// `map` run in chunks on every core, for pure work over tens of thousands of elements
    /// (scoring every client); in order, like `map`. Small arrays are mapped in place.
    func concurrentMap<T: Sendable>(minimumChunk: Int = 4_096, _ transform: @Sendable (Element) -> T) -> [T] {
        let chunks = Swift.min(count / minimumChunk, 8)
        guard chunks > 1 else { return map(transform) }
        let size = (count + chunks - 1) / chunks
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UncheckedPointer(buffer.baseAddress!)
            self.withUnsafeBufferPointer { elements in
                let source = UncheckedPointer(UnsafeMutablePointer(mutating: elements.baseAddress!))
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for index in (chunk * size)..<Swift.min(count, (chunk + 1) * size) {
                        (base.pointer + index).initialize(to: transform(source.pointer[index]))
                    }
                }
            }
            initialized = count
        }
    }
}

/// A pointer handed to the chunks of `concurrentMap`, each writing its own disjoint range.
private struct UncheckedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
