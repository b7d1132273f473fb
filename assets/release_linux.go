package assets

import (
	"syscall"
	"unsafe"
)

// release advises the kernel that the whole pages inside b are not needed
// for now (MADV_DONTNEED). b must be data of the executable that nothing
// ever writes (embedded files: the index in read-only data, the communes
// among dataFS's files): its pages are then read again from the file when
// next touched, so the data never changes. Only pages wholly inside b are
// released, never one shared with another variable.
func release(b []byte) {
	if len(b) == 0 {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	first := (start + uintptr(pageSize) - 1) &^ (uintptr(pageSize) - 1)
	last := (start + uintptr(len(b))) &^ (uintptr(pageSize) - 1)
	if last <= first {
		return
	}
	pages := unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), first-start)), last-first)
	_ = syscall.Madvise(pages, syscall.MADV_DONTNEED) // advice only: nothing to do if refused
}
