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
        /// Text the terminal says was pasted (bracketed paste, `TerminalRawMode`), whole.
        case paste(String)
        /// Ctrl-C while a line is being typed (signals are off then, so the line can be kept).
        case interrupt
        case enter, backspace, clearLine, escape, ignored, timeout, endOfInput
    }

    /// What the line editor ends with.
    enum Line: Equatable {
        case accepted(String)
        case cancelled
        /// Ctrl-C: the text so far, to keep before stopping.
        case interrupted(String)
    }

    /// At most this much of one paste is kept; the rest is read and dropped (a paste is a note, not a file).
    static let pasteLimit = 20_000

    static func readKey(timeoutMilliseconds: Int32) -> Key {
        guard let first = readByte(timeout: timeoutMilliseconds) else { return .timeout }
        guard first >= 0 else { return .endOfInput }
        let byte = UInt8(first)
        switch byte {
        case 0x0D, 0x0A: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x15: return .clearLine
        case 0x03: return .interrupt
        case 0x1B:
            // A lone Escape cancels; ESC [ … is a key like an arrow, read to its end and ignored, except
            // ESC [ 200 ~, which opens a paste.
            guard let next = readByte(timeout: 25), next >= 0 else { return .escape }
            // ESC O P … S (F1–F4 in most terminals, ESC O 2 P with a modifier): read to its final letter,
            // or it came as the command 'P'.
            if next == 0x4F {
                while let b = readByte(timeout: 25), b >= 0, !(0x40...0x7E).contains(b) {}
                return .ignored
            }
            guard next == 0x5B else { return .ignored }
            var parameters: [UInt8] = []
            while let b = readByte(timeout: 25), b >= 0 {
                parameters.append(UInt8(b))
                // ESC [ [ A … E: the Linux console's F1–F5, whose '[' is no final byte.
                if parameters == [0x5B] { continue }
                if (0x40...0x7E).contains(b) { break }
            }
            return parameters == Array("200~".utf8) ? .paste(readPaste()) : .ignored
        case 0..<0x20: return .ignored
        default:
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            var bytes = [byte]
            while bytes.count < length, let b = readByte(timeout: 50), b >= 0 { bytes.append(UInt8(b)) }
            return String(decoding: bytes, as: UTF8.self).first.map(Key.character) ?? .ignored
        }
    }

    /// The pasted bytes up to ESC [ 201 ~, as text: the first `pasteLimit` bytes kept, the rest read and
    /// dropped. A terminal sends a paste at once; a pause of ten seconds ends one whose end never came.
    private static func readPaste() -> String {
        let end = Array("\u{1B}[201~".utf8)
        var kept: [UInt8] = [], tail: [UInt8] = []
        while let b = readByte(timeout: 10_000), b >= 0 {
            tail.append(UInt8(b))
            if tail.count > end.count { tail.removeFirst() }
            if tail == end { break }
            if kept.count < pasteLimit + end.count { kept.append(UInt8(b)) }
        }
        // The end marker's first bytes went into `kept` before it was whole.
        if kept.count >= end.count - 1, tail == end { kept.removeLast(min(kept.count, end.count - 1)) }
        return String(decoding: kept.prefix(pasteLimit), as: UTF8.self)
    }

    /// A paste as one line of a note: its line breaks and tabs become spaces, other control characters go.
    static func pastedLine(_ text: String) -> String {
        var line = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: if !line.hasSuffix(" ") && !line.isEmpty { line.append(" ") }
            case 0..<0x20, 0x7F: continue
            default: line.unicodeScalars.append(scalar)
            }
        }
        // The line break a copied line usually ends with is no part of the note.
        while line.hasSuffix(" ") && text.last.map({ $0.isNewline }) == true { line.removeLast() }
        return line
    }

    /// A one-line editor for notes, reasons and topic names: Enter accepts, Escape cancels,
    /// Backspace removes a character (a whole Chinese character, not a byte), Ctrl-U clears. A paste
    /// goes in whole, its lines joined (its second line was read as commands, and rated a question);
    /// Ctrl-C gives back what was typed, to be kept before stopping (it was lost, while the exit said
    /// everything was saved).
    static func readLine(redraw: (String) -> Void) -> Line {
        var text = ""
        TerminalRawMode.signals(false)
        TerminalRawMode.typing(true)
        defer { TerminalRawMode.signals(true); TerminalRawMode.typing(false) }
        while true {
            redraw(text)
            // Half a second, not forever: a window resized while a note is typed is drawn anew within it
            // (it stayed blank or 40 columns wide until the next key: a terminal probe).
            let key = readKey(timeoutMilliseconds: 500)
            if TerminalRawMode.isTerminationRequested { return .interrupted(text) }
            switch key {
            case .character(let c): text.append(c)
            case .paste(let pasted): text += pastedLine(pasted)
            case .backspace: if !text.isEmpty { text.removeLast() }
            case .clearLine: text = ""
            case .enter: return .accepted(text)
            case .interrupt: return .interrupted(text)
            case .escape: return .cancelled
            // The terminal is gone (closed, hung up): what was typed is kept, and the run stops.
            case .endOfInput: return text.isEmpty ? .cancelled : .interrupted(text)
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
