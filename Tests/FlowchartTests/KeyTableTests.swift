import Testing
@testable import Flowchart

/// The key table hashes keys a word at a time with loads that overlap at the ends (issue 16): every
/// length must reach every byte, and keys that differ in one byte anywhere must stay apart.
@Suite("Key table: keys of every length")
struct KeyTableTests {
    @Test func everyKeyIsFoundAndNoOtherIs() {
        // setup: keys of 0–40 bytes, and for each its copies with one byte changed at every place.
        var keys: [[UInt8]] = []
        for length in 0...40 {
            let key = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            keys.append(key)
            for i in 0..<length {
                var changed = key
                changed[i] = UInt8(ascii: "Z")
                keys.append(changed)
            }
        }
        var table = KeyTable()
        // act
        for (index, key) in keys.enumerated() {
            key.withUnsafeBufferPointer { table.insert(index: index, key: $0, hash: KeyTable.hash($0)) }
        }
        // verify
        for (index, key) in keys.enumerated() {
            let found = key.withUnsafeBufferPointer { table.find($0, hash: KeyTable.hash($0)) }
            #expect(found == index, "\(String(decoding: key, as: UTF8.self))")
        }
        let absent = Array("not-a-key".utf8)
        #expect(absent.withUnsafeBufferPointer { table.find($0, hash: KeyTable.hash($0)) } == nil)
    }

    @Test func oneByteChangedChangesTheHash() {
        for length in 1...40 {
            // setup
            let key = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let hash = key.withUnsafeBufferPointer { KeyTable.hash($0) }
            for i in 0..<length {
                var changed = key
                changed[i] ^= 1
                // verify: the hash reads every byte, whatever the key's length.
                #expect(changed.withUnsafeBufferPointer { KeyTable.hash($0) } != hash, "length \(length), byte \(i)")
            }
        }
    }
}
