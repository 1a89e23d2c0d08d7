#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the server could listen on `host:port`, asked before anything else starts: a port in use was
/// found only after the data folder was opened and a first-admin link printed, a secret pointing at
/// whatever other server held the port (an operator's probe). NIO binds the same way a moment later;
/// this only says why, in words, before the setup link is made.
enum PortCheck {
    enum Problem {
        case inUse, notThisMachine, other(Int32)
    }

    static func problem(host: String, port: Int) -> Problem? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else { return nil }   // NIO says why
        defer { freeaddrinfo(first) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // As NIO's server socket does, so a port left in TIME_WAIT by a stopped server is not "in use".
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return nil }
        switch errno {
        case EADDRINUSE: return .inUse
        case EADDRNOTAVAIL: return .notThisMachine
        default: return .other(errno)
        }
    }
}
