/// A growable buffer of plain values that its owner refills for every line and frees itself.
///
/// An array stored in a class is retained and released each time code outside reads it (the class could
/// replace it meanwhile); the line rules read ``ManifestLine``'s lists a dozen times a line. This buffer is
/// two words and a pointer, so reading it through ``elements`` costs no reference counting. The owner calls
/// ``free()`` once, in its `deinit`; ``elements`` is valid until the next change.
struct ReusableBuffer<Element: BitwiseCopyable> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    /// The elements, in the order they were appended.
    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: storage, count: count) }

    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "index out of range")
            return storage[index]
        }
        set {
            precondition(index >= 0 && index < count, "index out of range")
            storage[index] = newValue
        }
    }

    mutating func append(_ element: Element) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            larger.initialize(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// Empties the buffer, keeping its memory.
    mutating func removeAll() {
        count = 0
    }

    /// Releases the memory; the buffer must not be used afterwards.
    func free() {
        storage.deallocate()
    }
}
