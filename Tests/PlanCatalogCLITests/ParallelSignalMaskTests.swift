#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import PlanCatalog
@testable import PlanCatalogCLI
import Testing

/// Every thread `Parallel` starts has every signal of `InterruptHandler` blocked, so that its handler runs
/// on the main thread only, and none of `CrashHandler`'s, which must reach the thread that faults.
@Suite struct ParallelSignalMaskTests {
    /// The signals of `InterruptHandler` and of `CrashHandler` that the current thread blocks.
    private static func blockedSignals() -> (interrupts: [Int32], crashes: [Int32]) {
        var mask = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &mask)
        return (InterruptHandler.signals.filter { sigismember(&mask, $0) == 1 },
                CrashHandler.signals.filter { sigismember(&mask, $0) == 1 })
    }

    private static func expectWorkerMask(_ blocked: (interrupts: [Int32], crashes: [Int32])) {
        #expect(blocked.interrupts == InterruptHandler.signals)
        #expect(blocked.crashes == [])
    }

    @Test func startedWorkBlocksTheInterruptSignals() {
        Self.expectWorkerMask(Parallel.start { Self.blockedSignals() }.value)
    }

    /// The first waits for the second to start, so the second runs on another thread (two cores or more).
    @Test func theSecondOfBothBlocksTheInterruptSignals() {
        guard ProcessInfo.processInfo.activeProcessorCount >= 2 else { return }
        let secondStarted = DispatchSemaphore(value: 0)
        let (started, second) = Parallel.both({ secondStarted.wait(timeout: .now() + 10) == .success }, {
            secondStarted.signal()
            return Self.blockedSignals()
        })
        #expect(started)
        Self.expectWorkerMask(second)
    }

    /// Whatever piece of a `map` runs off the calling thread has them blocked; the calling thread's mask
    /// is left as it was.
    @Test func mapWorkersBlockTheInterruptSignals() {
        let caller = pthread_self()
        let before = Self.blockedSignals()
        let pieces = Parallel.map(8) { _ in
            usleep(2_000)
            return (pthread_equal(pthread_self(), caller) != 0, Self.blockedSignals())
        }
        for (onCaller, blocked) in pieces where !onCaller { Self.expectWorkerMask(blocked) }
        #expect(Self.blockedSignals() == before)
    }
}
