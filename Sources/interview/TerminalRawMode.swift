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
    /// `interrupted`: printed after the terminal is restored when a signal ends the run (Ctrl-C left a blank
    /// screen and no word that nothing was lost, or how to go on).
    static func enable(interrupted: String = "") -> Bool {
        let note = Array((interrupted.isEmpty ? "" : interrupted + "\n").utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(note.count, 1))
        buffer.initialize(from: note, count: note.count)
        (interruptNote, interruptNoteLength) = (buffer, note.count)
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
                // The terminal closed while a note was typed: the read that waits for the next key ends
                // (end of input), and the runner keeps the note before stopping. Exiting here lost it (a
                // terminal probe closed the window mid-note).
                if received == SIGHUP && typingLine != 0 { return }
                // SIGTERM while a note is typed: the line editor sees the request within half a second,
                // keeps the note and stops (it was lost: a recheck).
                if received == SIGTERM && typingLine != 0 { terminationRequested = 1; return }
                TerminalRawMode.restore()
                if let note = interruptNote, interruptNoteLength > 0 { _ = write(STDERR_FILENO, note, interruptNoteLength) }
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

    /// Ctrl-C as a signal (`true`, the runner's keys) or as a key (`false`, while a note is typed, so the
    /// note can be kept before stopping).
    static func signals(_ on: Bool) {
        var settings = termios()
        guard terminalOriginal != nil, tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        if on { settings.c_lflag |= tcflag_t(ISIG) } else { settings.c_lflag &= ~tcflag_t(ISIG) }
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }

    /// Whether a line (a note, a reason) is being typed, for the hang-up handler.
    static func typing(_ on: Bool) { typingLine = on ? 1 : 0 }

    /// SIGTERM arrived while a line was typed.
    static var isTerminationRequested: Bool { terminationRequested != 0 }

    /// Window size in columns and rows, with a fallback for terminals that do not say.
    static func size() -> (columns: Int, rows: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return (100, 30) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    // Bracketed paste on (?2004): the terminal marks pasted text, so a pasted note's lines are not
    // read as keys (`TerminalInput.readPaste`).
    private static let enterSequence: [UInt8] = Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h".utf8)
    private static let leaveSequence: [UInt8] = Array("\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l".utf8)

    private static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}

/// The terminal settings to restore; written once before the handlers are installed, then only read.
nonisolated(unsafe) private var terminalOriginal: termios?
/// Made before the handlers are installed and never freed, so the handler only calls write(2) on it.
nonisolated(unsafe) private var interruptNote: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var interruptNoteLength = 0
/// Set while a line is typed (`TerminalRawMode.typing`); read by the signal handler.
nonisolated(unsafe) private var typingLine: Int32 = 0
/// Set by the SIGTERM handler while a line is typed; read by the line editor.
nonisolated(unsafe) private var terminationRequested: Int32 = 0
