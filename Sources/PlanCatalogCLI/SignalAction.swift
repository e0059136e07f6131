#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A `sigaction` that calls `handler`, with no flags and an empty mask for the caller to fill in. The C
/// libraries name the handler's field three different ways; this file is the one place that knows them.
func signalAction(calling handler: @convention(c) (Int32) -> Void) -> sigaction {
    var action = sigaction()
    #if canImport(Darwin)
    action.__sigaction_u.__sa_handler = handler
    #elseif canImport(Glibc)
    action.__sigaction_handler.sa_handler = handler
    #elseif canImport(Musl)
    action.__sa_handler.sa_handler = handler
    #endif
    action.sa_flags = 0
    sigemptyset(&action.sa_mask)
    return action
}

/// The handler field of `action`, read as `signalAction(calling:)` writes it; SIG_DFL and SIG_IGN come back
/// as the small addresses the C library gives them.
func signalHandler(of action: sigaction) -> (@convention(c) (Int32) -> Void)? {
    #if canImport(Darwin)
    action.__sigaction_u.__sa_handler
    #elseif canImport(Glibc)
    action.__sigaction_handler.sa_handler
    #elseif canImport(Musl)
    action.__sa_handler.sa_handler
    #endif
}
