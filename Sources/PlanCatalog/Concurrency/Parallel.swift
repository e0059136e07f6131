#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// The one way plancat runs work at once, in the library and in the CLI: the check families, compiling a
/// document's plans and prices, a diff's record kinds, import's layout and comparison (`map`, `both`); the
/// two lanes of a build's writing (`both`); parsing a large file while its statements are lowered
/// (`pipeline`); a deployed catalog.json read while the source builds, and git's
/// three pipes (`start`); and letting go of a large result (`releaseInBackground`).
///
/// Every thread here is one of its own, started with every signal blocked but the six of a crash (SIGILL,
/// SIGTRAP, SIGABRT, SIGFPE, SIGSEGV, SIGBUS, which must reach the thread that faults): a new thread
/// inherits the mask of the thread that creates it, so it never takes a signal, not even before its first
/// line. The CLI's interrupt handler therefore runs on the main thread only, and a part of a build that
/// the main thread runs with interrupts deferred cannot be cut in two by a signal taken on another thread
/// (`InterruptHandler`). libdispatch's pool, used before, leaves SIGPROF and SIGSYS to its threads. Each
/// thread gets an 8 MiB stack, as a main thread has, so that work does not depend on where it runs.
///
/// Results never depend on the threads: each piece of work has its own slot, and the slots are
/// put together in a fixed order once every piece is done.
///
/// Other synchronization left outside on purpose: the locks that guard one piece of shared state (a
/// source file's line table, the terminals, the files of a git revision), which run no work; and
/// `InterruptHandler`'s signal mask and C mutex, which a signal handler's rules require.
public enum Parallel {
    /// `body(0)`, `body(1)`, … `body(count - 1)`, computed at once, in that order. The calling thread
    /// takes `body(0)`, and then, like up to one more thread per core, the next index until none is left;
    /// it waits only for pieces under way, never for a thread still to start, so a busy machine makes the
    /// work serial rather than slow.
    public static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        return withoutActuallyEscaping(body) { body in
            let batch = Batch(count: count, body: body)
            let first = batch.claim()
            for _ in 1..<min(count, width) { _ = start { batch.runPieces() } }
            if case let (index, piece)? = first { batch.finish(index, piece(index)) }
            batch.runPieces()
            return batch.results()
        }
    }

    /// `first()` and `second()`, computed at once: `first` on the calling thread, `second` on another
    /// thread if one takes it before the calling thread is done with `first`.
    public static func both<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                               _ second: @Sendable () -> Second) -> (First, Second) {
        let results = map(2) { index in index == 0 ? Either<First, Second>.first(first()) : .second(second()) }
        guard case .first(let firstValue) = results[0], case .second(let secondValue) = results[1] else {
            preconditionFailure("map puts each result at its own index")
        }
        return (firstValue, secondValue)
    }

    /// Runs `produce` on a thread of its own while the calling thread runs `consume` on each item it
    /// hands over, in the order handed over; returns what `produce` returns, once both are done. At most
    /// `capacity` items wait between the two: a producer that gets ahead waits for the consumer, so the
    /// items in flight take bounded memory. For a stage whose output the next stage takes piece by piece
    /// (the compiler lowers a large file's statements while the parser reads on).
    public static func pipeline<Item: Sendable, Result: Sendable>(
        capacity: Int, produce: @Sendable (_ handOver: (Item) -> Void) -> Result, consume: (Item) -> Void
    ) -> Result {
        withoutActuallyEscaping(produce) { produce in
            let queue = HandOverQueue<Item>(capacity: capacity)
            let producer = start { () -> Result in
                defer { queue.close() }
                return produce { queue.put($0) }
            }
            while let item = queue.take() { consume(item) }
            return producer.value
        }
    }

    /// The items between a pipeline's two threads, in order, under one lock.
    private final class HandOverQueue<Item>: @unchecked Sendable {
        private let condition = NSCondition()
        /// At most `capacity` items, so taking the first costs little.
        private var items: [Item] = []
        private var isClosed = false
        private let capacity: Int

        init(capacity: Int) { self.capacity = max(1, capacity) }

        /// Adds an item, waiting while `capacity` items wait already.
        func put(_ item: Item) {
            condition.lock()
            while items.count >= capacity { condition.wait() }
            items.append(item)
            condition.broadcast()
            condition.unlock()
        }

        /// No more items will come.
        func close() {
            condition.lock()
            isClosed = true
            condition.broadcast()
            condition.unlock()
        }

        /// The next item, waiting for one; nil once the queue is closed and empty.
        func take() -> Item? {
            condition.lock()
            defer { condition.unlock() }
            while items.isEmpty, !isClosed { condition.wait() }
            guard !items.isEmpty else { return nil }
            condition.broadcast()
            return items.removeFirst()
        }
    }

    /// Starts `work` on a thread of its own and returns at once; the caller goes on and takes the value
    /// when it needs it. For work that waits (a pipe) or that runs alongside a whole stage of the caller.
    public static func start<Value: Sendable>(_ work: @escaping @Sendable () -> Value) -> Pending<Value> {
        Pending(work)
    }

    /// Lets go of `value` on a thread of its own, which frees whatever nothing else holds, while the caller
    /// goes on. Give it the last references: what the caller still holds is freed where the caller drops it.
    ///
    /// The one way plancat leaves memory to the process exit. A large catalog's statement trees, model and
    /// documents are millions of small allocations, and freeing them takes a tenth of a command. In the
    /// middle of a command (`diff` lets go of the source's model before comparing) the freeing runs beside
    /// the work and the memory is reused; at the end of one, the process exits without waiting for it —
    /// as good as never freeing (clang's `-disable-free`), with no process-wide switch to keep commands run
    /// in process by the tests from holding on to everything. (Holding a value until the exit instead, the
    /// other way plancat had, cannot serve the middle of a command: the memory would stay taken.)
    public static func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
        let box = ReleaseBox(value)
        _ = start { box.release() }
    }

    /// Work started by `start`: its value, once its thread is done.
    public final class Pending<Value: Sendable>: @unchecked Sendable {
        /// Set by the work's thread before `finished` is signalled; read only after waiting for it. The
        /// work itself is let go of before, so that nothing of the caller's outlives `map` and `both`.
        private var work: (@Sendable () -> Value)?
        private var outcome: Value?
        private let finished = DispatchSemaphore(value: 0)

        fileprivate init(_ work: @escaping @Sendable () -> Value) {
            self.work = work
            let thread = Thread { [self] in
                outcome = self.work!()
                self.work = nil
                finished.signal()
            }
            thread.stackSize = Parallel.stackSize
            Parallel.withSignalsBlocked { thread.start() }
        }

        /// The work's value, waiting for it.
        public var value: Value {
            wait()
            return outcome!
        }

        /// Waits until the work is done.
        public func wait() {
            finished.wait()
            finished.signal()
        }

        /// Whether the work is done, waiting at most `milliseconds` for it: for a caller that has
        /// something to watch meanwhile.
        public func isDone(waitingAtMost milliseconds: Int) -> Bool {
            guard finished.wait(timeout: .now() + .milliseconds(milliseconds)) == .success else { return false }
            finished.signal()
            return true
        }
    }

    /// How many threads `map` uses at most: one per core.
    private static let width = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// The stack of every thread started here: a main thread's usual 8 MiB.
    private static let stackSize = 8 << 20

    /// Runs `body` with every signal blocked but those of a crash, then restores the mask: a thread started
    /// in `body` keeps that mask, whatever the mask of the thread that started it (a thread of libdispatch's
    /// pool, say, blocks SIGABRT).
    private static func withSignalsBlocked(_ body: () -> Void) {
        var blocked = sigset_t()
        sigfillset(&blocked)
        for signal in [SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSEGV, SIGBUS] { sigdelset(&blocked, signal) }
        var previous = sigset_t()
        pthread_sigmask(SIG_SETMASK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        body()
    }

    /// The pieces of one `map`: which is next, their results, and how many are done, under one lock.
    /// The body is let go of, by every thread, before its piece is counted done, so that once `results`
    /// returns nothing holds it (`withoutActuallyEscaping` checks); a thread that starts after that finds
    /// no body and ends.
    private final class Batch<Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var body: (@Sendable (Int) -> Result)?
        private var next = 0
        private var done = 0
        private var slots: [Result?]

        init(count: Int, body: @escaping @Sendable (Int) -> Result) {
            self.body = body
            slots = Array(repeating: nil, count: count)
        }

        /// The next index nobody has taken, with the body to run it, or nil when all are taken.
        func claim() -> (Int, @Sendable (Int) -> Result)? {
            condition.lock()
            defer { condition.unlock() }
            guard let body, next < slots.count else { return nil }
            next += 1
            return (next - 1, body)
        }

        /// Runs pieces until none is left.
        func runPieces() {
            while case let (index, value)? = runNextPiece() { finish(index, value) }
        }

        /// Runs the next piece; the body is released when this returns.
        private func runNextPiece() -> (Int, Result)? {
            guard case let (index, piece)? = claim() else { return nil }
            return (index, piece(index))
        }

        func finish(_ index: Int, _ value: Result) {
            condition.lock()
            slots[index] = value
            done += 1
            if done == slots.count { condition.broadcast() }
            condition.unlock()
        }

        /// Every result in index order, once every piece is done; the body is let go of.
        func results() -> [Result] {
            condition.lock()
            defer { condition.unlock() }
            while done < slots.count { condition.wait() }
            body = nil
            return slots.map { $0! }
        }
    }

    private enum Either<First: Sendable, Second: Sendable>: Sendable {
        case first(First)
        case second(Second)
    }

    /// Holds a value until `release`, so that the last reference is let go on the thread that calls it.
    private final class ReleaseBox<Value>: @unchecked Sendable {
        /// Touched by the releasing thread only, once the box is made.
        private var value: Value?

        init(_ value: consuming Value) {
            self.value = consume value
        }

        func release() {
            value = nil
        }
    }
}
