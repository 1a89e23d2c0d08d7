import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw keyboard input (no line buffering, no echo) on the alternate screen, undone on every way out:
/// a normal return, and SIGINT, SIGTERM or SIGHUP, whose handler restores the terminal before exiting.
/// Events are fsync'd as they happen, so exiting from a signal loses nothing recorded.
enum TerminalRawMode {
    static func enable() -> Bool {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return false }
        terminalOriginal = original
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else { return false }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in
                TerminalRawMode.restore()
                _exit(128 + received)
            }
        }
        writeAll(enterSequence)
        return true
    }

    /// Safe to call twice, and from a signal handler: only tcsetattr and write.
    static func restore() {
        guard var original = terminalOriginal else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
        writeAll(leaveSequence)
    }

    /// Window size in columns and rows, with a fallback for terminals that do not say.
    static func size() -> (columns: Int, rows: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return (100, 30) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    private static let enterSequence: [UInt8] = Array("\u{1B}[?1049h\u{1B}[?25l".utf8)
    private static let leaveSequence: [UInt8] = Array("\u{1B}[?25h\u{1B}[?1049l".utf8)

    private static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}

/// The terminal settings to restore; written once before the handlers are installed, then only read.
nonisolated(unsafe) private var terminalOriginal: termios?
