/// `map` and `filter` for arrays of large records, handing each element over where it is, by pointer.
///
/// Hot path: `map`, `filter` and `for … in` copy each element before using it, and copying a record
/// retains every string, array and source location it holds — for a catalog of 100,000 plans, copying
/// the model's plans and prices cost more than compiling them. Through the pointer, reading a field
/// (`plan.pointee.name`) copies that field alone. The pointer is valid only during the call.
extension Array {
    /// `map`, reading each element through a pointer.
    func mapInPlace<Transformed>(_ transform: (UnsafePointer<Element>) -> Transformed) -> [Transformed] {
        withUnsafeBufferPointer { elements in
            guard let start = elements.baseAddress else { return [] }
            return elements.indices.map { transform(start + $0) }
        }
    }

    /// `forEach`, reading each element through a pointer.
    func forEachInPlace(_ body: (UnsafePointer<Element>) -> Void) {
        withUnsafeBufferPointer { elements in
            guard let start = elements.baseAddress else { return }
            for index in elements.indices { body(start + index) }
        }
    }

    /// `filter`, testing each element through a pointer and copying only those chosen: for a few
    /// elements of many.
    func filterInPlace(_ isIncluded: (UnsafePointer<Element>) -> Bool) -> [Element] {
        var chosen: [Element] = []
        forEachInPlace { element in
            if isIncluded(element) { chosen.append(element.pointee) }
        }
        return chosen
    }
}
