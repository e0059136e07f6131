import Dispatch

/// Independent pieces of work run at once, one per core, for the parts of a command that are many times
/// larger than the cost of a thread: the check families, compiling a document's plans and prices, a
/// diff's record kinds, import's layout and comparison. libdispatch's threads block SIGINT and SIGTERM,
/// so the CLI's interrupt handler still runs only on the main thread. The work is split the same way on every machine and its results are put together in a
/// fixed order, so what is returned never depends on the threads.
enum Parallel {
    /// `body(0)`, `body(1)`, … `body(count - 1)`, computed at once, in that order.
    static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        let slots = (0..<count).map { _ in Slot<Result>() }
        DispatchQueue.concurrentPerform(iterations: count) { index in slots[index].value = body(index) }
        return slots.map { $0.value! }
    }

    /// `first()` and `second()`, computed at once.
    static func both<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                        _ second: @Sendable () -> Second) -> (First, Second) {
        let firstSlot = Slot<First>()
        let secondSlot = Slot<Second>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { firstSlot.value = first() } else { secondSlot.value = second() }
        }
        return (firstSlot.value!, secondSlot.value!)
    }

    /// Where one piece of work leaves its result. Each slot is written by one piece only, and read when
    /// `concurrentPerform` has returned, which orders every write before the reads: that is the whole
    /// of the synchronization, and why the compiler is told the class is safe to share.
    private final class Slot<Value>: @unchecked Sendable {
        var value: Value?
    }
}
