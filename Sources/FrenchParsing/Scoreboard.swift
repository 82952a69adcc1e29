import Foundation

/// Scores of many clients at once, in flat arrays reset in O(touched) by a generation stamp:
/// matching a common word ("garage") adds to thousands of clients without hashing any. A value
/// type, so that the hot loop runs without dynamic exclusivity checks; `Pool` keeps the arrays
/// between calls.
struct Scoreboard {
    private var scores: [Double] = []
    private var stamps: [UInt32] = []
    private var distinctive: [Bool] = []
    private var generation: UInt32 = 0
    /// The entries scored since the last reset, in the order first met.
    private(set) var touched: [Int32] = []

    mutating func reset(size: Int) {
        if scores.count < size {
            scores = [Double](repeating: 0, count: size)
            stamps = [UInt32](repeating: 0, count: size)
            distinctive = [Bool](repeating: false, count: size)
            generation = 0
        }
        generation &+= 1
        if generation == 0 {
            stamps = [UInt32](repeating: 0, count: stamps.count)
            generation = 1
        }
        touched.removeAll(keepingCapacity: true)
    }

    mutating func add(_ value: Double, to entry: Int32, distinctive isDistinctive: Bool) {
        let index = Int(entry)
        if stamps[index] != generation {
            stamps[index] = generation
            scores[index] = 0
            distinctive[index] = false
            touched.append(entry)
        }
        scores[index] += value
        if isDistinctive { distinctive[index] = true }
    }

    /// Adds `value` to every entry of a posting list in one pass (the hot loop of name
    /// matching: no per-element bounds or uniqueness checks; entries are valid indices by
    /// construction of the directory).
    mutating func add(_ value: Double, toAll posting: [Int32], distinctive isDistinctive: Bool) {
        let generation = self.generation
        var newlyTouched: [Int32] = []
        scores.withUnsafeMutableBufferPointer { scores in
            stamps.withUnsafeMutableBufferPointer { stamps in
                distinctive.withUnsafeMutableBufferPointer { distinctive in
                    posting.withUnsafeBufferPointer { posting in
                        for entry in posting {
                            let index = Int(entry)
                            if stamps[index] != generation {
                                stamps[index] = generation
                                scores[index] = value
                                distinctive[index] = isDistinctive
                                newlyTouched.append(entry)
                            } else {
                                scores[index] += value
                                if isDistinctive { distinctive[index] = true }
                            }
                        }
                    }
                }
            }
        }
        touched.append(contentsOf: newlyTouched)
    }

    func score(_ entry: Int32) -> Double { scores[Int(entry)] }
    func touches(_ entry: Int32) -> Bool { stamps[Int(entry)] == generation }
    func isDistinctive(_ entry: Int32) -> Bool { distinctive[Int(entry)] }

    /// Scoreboards lent to concurrent callers, so a shared directory stays safe to use from
    /// several threads.
    final class Pool: @unchecked Sendable {
        private let lock = NSLock()
        private var free: [Scoreboard] = []

        /// A scoreboard for one caller (a value: the caller scores without any locking).
        func take(size: Int) -> Scoreboard {
            var board = lock.withLock { free.popLast() } ?? Scoreboard()
            board.reset(size: size)
            return board
        }

        func give(back board: Scoreboard) {
            lock.withLock { free.append(board) }
        }
    }
}
