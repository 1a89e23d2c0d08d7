import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keys from a raw-mode terminal: one UTF-8 character at a time, escape sequences (arrow keys)
/// swallowed, a timeout so the screen's clock can tick.
enum TerminalInput {
    enum Key: Equatable {
        case character(Character)
        case enter, backspace, clearLine, escape, ignored, timeout, endOfInput
    }

    static func readKey(timeoutMilliseconds: Int32) -> Key {
        guard let first = readByte(timeout: timeoutMilliseconds) else { return .timeout }
        guard first >= 0 else { return .endOfInput }
        let byte = UInt8(first)
        switch byte {
        case 0x0D, 0x0A: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x15: return .clearLine
        case 0x1B:
            // A lone Escape cancels; ESC [ … is a key like an arrow, read to its end and ignored.
            guard let next = readByte(timeout: 25), next >= 0 else { return .escape }
            if next == 0x5B { while let b = readByte(timeout: 25), b >= 0, !(0x40...0x7E).contains(b) {} }
            return .ignored
        case 0..<0x20: return .ignored
        default:
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            var bytes = [byte]
            while bytes.count < length, let b = readByte(timeout: 50), b >= 0 { bytes.append(UInt8(b)) }
            return String(decoding: bytes, as: UTF8.self).first.map(Key.character) ?? .ignored
        }
    }

    /// A one-line editor for notes, reasons and topic names: Enter accepts, Escape cancels,
    /// Backspace removes a character (a whole Chinese character, not a byte), Ctrl-U clears.
    static func readLine(redraw: (String) -> Void) -> String? {
        var text = ""
        while true {
            redraw(text)
            switch readKey(timeoutMilliseconds: -1) {
            case .character(let c): text.append(c)
            case .backspace: if !text.isEmpty { text.removeLast() }
            case .clearLine: text = ""
            case .enter: return text
            case .escape, .endOfInput: return nil
            case .ignored, .timeout: continue
            }
        }
    }

    /// One byte, -1 at end of input, nil on timeout (negative timeout waits forever).
    private static func readByte(timeout: Int32) -> Int? {
        var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&poller, 1, timeout)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { return nil }
            var byte: UInt8 = 0
            let n = read(STDIN_FILENO, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            return n == 1 ? Int(byte) : -1
        }
    }
}
