#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A block of zero-filled memory that lives as long as this object: for hash tables whose empty slot is
/// all zero bytes.
///
/// A large block comes straight from the kernel (already zero: nothing to fill) and is asked to be backed
/// by 2 MiB pages, because random lookups in a table of many megabytes miss the TLB on almost every access
/// with 4 KiB pages (costly in a virtual machine, and a prefetch waits for it). A small block, or any block
/// when the kernel says no, comes from the allocator.
final class ZeroedMemory {
    /// The start of the block, aligned to at least 16 bytes.
    let base: UnsafeMutableRawPointer
    /// The whole mapping, when the block was mapped (it starts before `base` when `base` was aligned).
    private let mapping: (start: UnsafeMutableRawPointer, length: Int)?

    private static let hugePage = 2 << 20

    /// A zeroed block of `byteCount` bytes (at least 1).
    init(byteCount requested: Int) {
        let byteCount = max(1, requested)
        #if os(Linux)
            if byteCount >= 2 * Self.hugePage {
                // One huge page more than needed, so that the block can start on a huge page boundary.
                let length = (byteCount + 2 * Self.hugePage - 1) & ~(Self.hugePage - 1)
                let mapped = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
                if let mapped, mapped != MAP_FAILED {
                    let aligned = (Int(bitPattern: mapped) + Self.hugePage - 1) & ~(Self.hugePage - 1)
                    let start = UnsafeMutableRawPointer(bitPattern: aligned).unsafelyUnwrapped
                    let hugeLength = (byteCount + Self.hugePage - 1) & ~(Self.hugePage - 1)
                    _ = madvise(start, hugeLength, MADV_HUGEPAGE)  // A hint: without it, 4 KiB pages.
                    base = start
                    mapping = (mapped, length)
                    return
                }
            }
        #endif
        base = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 16)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        mapping = nil
    }

    deinit {
        if let mapping {
            munmap(mapping.start, mapping.length)
        } else {
            base.deallocate()
        }
    }
}
