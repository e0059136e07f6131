#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import PlanCatalog
import Testing

/// `Parallel`, the one way plancat runs work at once: results come back in a fixed order whatever the
/// threads do, the pieces really run at once, a value started on its own thread is carried out, and a
/// value let go of is freed on another thread.
@Suite struct ParallelTests {
    /// The slowest pieces first, so that later indices finish before earlier ones: the order of the
    /// results is still the order of the indices.
    @Test(arguments: [0, 1, 2, 7, 100])
    func mapReturnsResultsInIndexOrder(count: Int) {
        let results = Parallel.map(count) { index -> String in
            if index < 3 { usleep(UInt32(3 - index) * 5_000) }
            return "piece \(index)"
        }
        #expect(results == (0..<count).map { "piece \($0)" })
    }

    /// With two cores or more, the first piece can wait for the second: they run at the same time. (On
    /// one core `map` runs them in turn, and the test says so rather than waiting.)
    @Test func mapRunsPiecesAtOnce() {
        guard ProcessInfo.processInfo.activeProcessorCount >= 2 else { return }
        let secondStarted = DispatchSemaphore(value: 0)
        let results = Parallel.map(2) { index -> Bool in
            guard index == 0 else {
                secondStarted.signal()
                return true
            }
            return secondStarted.wait(timeout: .now() + 10) == .success
        }
        #expect(results == [true, true])
    }

    /// `first` runs on the calling thread and, with two cores or more, `second` on another thread at the
    /// same time: the first waits for the second to have started.
    @Test func bothRunsTheSecondAlongside() {
        guard ProcessInfo.processInfo.activeProcessorCount >= 2 else { return }
        let caller = pthread_self()
        let secondStarted = DispatchSemaphore(value: 0)
        let (first, second) = Parallel.both({
            (pthread_equal(pthread_self(), caller) != 0, secondStarted.wait(timeout: .now() + 10) == .success)
        }, {
            secondStarted.signal()
            return pthread_equal(pthread_self(), caller) != 0
        })
        #expect(first == (true, true))
        #expect(second == false)
    }

    /// On a machine too busy to start another thread in time, or with one core, the calling thread runs
    /// both: the values are the same either way.
    @Test func bothCarriesBothValuesOut() {
        for round in 0..<200 {
            let (first, second) = Parallel.both({ "first \(round)" }, { [round, round + 1] })
            #expect(first == "first \(round)")
            #expect(second == [round, round + 1])
        }
    }

    /// `start` returns before its work is done, says so while it is not, and carries its value out.
    @Test func startCarriesItsValueOut() {
        let mayFinish = DispatchSemaphore(value: 0)
        let pending = Parallel.start { () -> [Int] in
            mayFinish.wait()
            return [3, 1, 2]
        }
        #expect(!pending.isDone(waitingAtMost: 10))
        mayFinish.signal()
        #expect(pending.isDone(waitingAtMost: 10_000))
        #expect(pending.value == [3, 1, 2])
        #expect(pending.value == [3, 1, 2])
    }

    /// `pipeline` runs the producer on another thread and consumes every item on the calling thread, in
    /// the order handed over, and returns the producer's value once both are done.
    @Test(arguments: [1, 4])
    func pipelineConsumesEveryItemInOrderOnTheCallingThread(capacity: Int) {
        let caller = pthread_self()
        var consumed: [Int] = []
        var everyItemOnTheCaller = true
        let producerThread = Parallel.pipeline(capacity: capacity, produce: { handOver -> Bool in
            for item in 0..<500 { handOver(item) }
            return pthread_equal(pthread_self(), caller) != 0
        }, consume: { item in
            consumed.append(item)
            if pthread_equal(pthread_self(), caller) == 0 { everyItemOnTheCaller = false }
        })
        #expect(consumed == Array(0..<500))
        #expect(everyItemOnTheCaller)
        #expect(producerThread == false)
    }

    /// A producer ahead of its consumer waits: at most `capacity` items are ever handed over and not yet
    /// consumed, besides the one being consumed.
    @Test func pipelineHoldsAtMostItsCapacity() {
        let handedOver = Counter()
        var mostAhead = 0
        Parallel.pipeline(capacity: 3, produce: { handOver in
            for item in 0..<200 {
                handOver(item)
                handedOver.increment()
            }
        }, consume: { item in
            if item % 20 == 0 { usleep(2_000) }
            mostAhead = max(mostAhead, handedOver.value - item)
        })
        #expect(mostAhead <= 3 + 1)
        #expect(handedOver.value == 200)
    }

    /// A producer with nothing to hand over ends the pipeline at once.
    @Test func pipelineWithNoItems() {
        var consumed = 0
        let value = Parallel.pipeline(capacity: 2, produce: { (_: (Int) -> Void) in "done" }, consume: { _ in
            consumed += 1
        })
        #expect(value == "done")
        #expect(consumed == 0)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }

    /// The last reference handed over is let go of on another thread, which frees the object there.
    @Test func releaseInBackgroundFreesOnAnotherThread() {
        let freed = FreedOn()
        Parallel.releaseInBackground(Tracked(freed))
        #expect(freed.done.wait(timeout: .now() + 10) == .success)
        #expect(pthread_equal(freed.thread!, freed.caller) == 0)
    }

    /// Where a `Tracked` was freed; written by its deinit before `done` is signalled.
    private final class FreedOn: @unchecked Sendable {
        let caller = pthread_self()
        var thread: pthread_t?
        let done = DispatchSemaphore(value: 0)
    }

    private final class Tracked: Sendable {
        let freed: FreedOn

        init(_ freed: FreedOn) {
            self.freed = freed
        }

        deinit {
            freed.thread = pthread_self()
            freed.done.signal()
        }
    }
}
