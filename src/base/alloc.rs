//! The allocator the binary, its benchmarks and the parse floor run on: mimalloc, asked the way
//! it is fastest.
//!
//! Parsing allocates a syntax tree node by node and frees it file by file; mimalloc does that
//! markedly faster than the system allocator (see `benches/lint.rs`). The `mimalloc` crate's
//! allocator hands every request to `mi_malloc_aligned`, and mimalloc 3 takes its plain path
//! there only for power-of-two block sizes: a 48-byte node went through the over-allocating path
//! (more instructions, and a 64-byte block). A request aligned to at most 16 bytes whose size is
//! a multiple of its alignment fits a plain size class as it is — classes are multiples of 8
//! bytes, of 16 above 64, and blocks start 16-byte aligned — so it takes `mi_malloc`; any other
//! keeps the aligned calls.

use std::alloc::{GlobalAlloc, Layout};

use libmimalloc_sys as mi;

/// The largest alignment every plain mimalloc block of a fitting size has (`MI_MAX_ALIGN_SIZE`).
const PLAIN_ALIGN: usize = 16;

/// Blocks up to this size move to a block of their new size when they shrink. mimalloc's
/// realloc keeps a block where it is when it shrinks to half its size or more, so the lists the
/// run keeps (facts, template trees), shrunk to fit once parsed, still held the room they grew
/// into — a quarter of them on average. A copy of at most this much, once per list, gives it back.
const MOVE_ON_SHRINK: usize = 64 * 1024;

/// mimalloc as the global allocator.
pub struct Mimalloc;

/// Backs the process with the kernel's ordinary 4 KiB pages only, never transparent huge pages
/// (Linux; elsewhere nothing to do). Call it first thing in `main`, before the run allocates
/// much: it is a setting of the process, so the library never calls it.
///
/// mimalloc asks for huge pages on the memory it reserves, and gives freed memory back to the
/// kernel in small pieces soon after. A run frees each file's syntax tree as it goes, so the
/// same addresses are given back and touched again all run long — and with huge pages every
/// touch of a given-back piece makes the kernel zero a whole 2 MiB page. On the benchmark's
/// 5,000 pages that zeroing was a tenth of a one-thread run's profile (`clear_page_erms` under
/// page faults), and half-used huge pages added 36 MB to its peak memory; with small pages the
/// kernel zeroes only what is used.
pub fn use_small_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: `prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0)` takes integers only and sets one flag of
    // this process; on a kernel without it the call fails with EINVAL and changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_e`, which the `-sys` crate does
/// not name.
const PURGE_DELAY: mi::mi_option_t = 15;

/// Gives memory freed back to the kernel after 10 ms (mimalloc 2's delay), not after mimalloc
/// 3's one second. Call it first thing in `main`, with [`use_small_pages`]; `MIMALLOC_PURGE_DELAY`
/// still overrides it.
///
/// A run frees each file's syntax tree once its facts are extracted, and a lint of a large app
/// lasts a second or two: with a one-second delay most of what it freed while loading was still
/// counted in its memory when the project pass peaked. On the benchmark's 5,000 pages the peak
/// fell from 141 to 132 MiB, and the time did not change; purging at once (a delay of 0) cost a
/// tenth more time for 2 MiB less.
pub fn return_freed_memory_soon() {
    // SAFETY: sets the default of one integer option, before the threads that read it start.
    unsafe { mi::mi_option_set_default(PURGE_DELAY, 10) }
}

/// Whether a block of `size` bytes from the plain calls is aligned to `align`.
fn plain(size: usize, align: usize) -> bool {
    align <= PLAIN_ALIGN && size.is_multiple_of(align)
}

// SAFETY: each method passes the caller's size and alignment on to mimalloc's matching call,
// whose blocks are at least that size and, on the plain calls, aligned as `plain` requires
// (checked for every alignment up to 64 and sizes up to 64 KiB by the tests below); mimalloc
// returns null when it is out of memory, as `GlobalAlloc` asks.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: plain FFI calls with no pointer arguments.
        unsafe {
            if plain(layout.size(), layout.align()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: plain FFI calls with no pointer arguments.
        unsafe {
            if plain(layout.size(), layout.align()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the caller's contract), so from mimalloc.
        unsafe { mi::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout` (the caller's contract); the block
        // it moves to must be aligned for the new size, hence the check on `new_size`; a moved
        // block gets the `new_size` bytes it keeps, which the old one holds.
        unsafe {
            if plain(new_size, layout.align()) {
                if new_size < layout.size() && layout.size() <= MOVE_ON_SHRINK {
                    let moved = mi::mi_malloc(new_size).cast::<u8>();
                    if !moved.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, moved, new_size);
                        mi::mi_free(ptr.cast());
                    }
                    return moved;
                }
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn small_pages_turn_huge_pages_off_for_the_process() {
        use_small_pages();
        // SAFETY: integers only; reads one flag of this process.
        let disabled = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(disabled, 1);
    }

    /// `PURGE_DELAY` names the right option: the only one of mimalloc 3 whose default is 1000
    /// (which is why the test process must not set `MIMALLOC_PURGE_DELAY`).
    #[test]
    fn the_purge_delay_is_mimallocs() {
        // SAFETY: reads one integer option.
        let default = unsafe { mi::mi_option_get(PURGE_DELAY) };
        assert_eq!(
            default, 1000,
            "not mimalloc 3's purge delay, or MIMALLOC_PURGE_DELAY is set"
        );
    }

    /// Sizes of every small class and its neighbours, then larger steps into mimalloc's large
    /// and huge blocks.
    fn sizes() -> impl Iterator<Item = usize> {
        (1..=1024).chain((1025..=65_536).step_by(511))
    }

    #[test]
    fn blocks_are_aligned_as_asked() {
        let allocator = Mimalloc;
        for align in [1, 2, 4, 8, 16, 32, 64] {
            for size in sizes().filter(|s| s.is_multiple_of(align)) {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; each block is freed with the layout it was made with.
                unsafe {
                    let p = allocator.alloc(layout);
                    assert!(!p.is_null());
                    assert!(
                        (p as usize).is_multiple_of(align),
                        "{size} bytes aligned to {align}"
                    );
                    p.write_bytes(0xA5, size);
                    let grown = allocator.realloc(p, layout, size * 3);
                    assert!(
                        (grown as usize).is_multiple_of(align),
                        "{size} grown, aligned to {align}"
                    );
                    assert_eq!(*grown.add(size - 1), 0xA5, "realloc keeps the contents");
                    let grown_layout = Layout::from_size_align(size * 3, align).unwrap();
                    let shrunk = allocator.realloc(grown, grown_layout, size);
                    assert!(
                        (shrunk as usize).is_multiple_of(align),
                        "{size} shrunk, aligned to {align}"
                    );
                    assert!(
                        std::slice::from_raw_parts(shrunk, size)
                            .iter()
                            .all(|&b| b == 0xA5),
                        "shrinking keeps the contents"
                    );
                    allocator.dealloc(shrunk, layout);
                    let z = allocator.alloc_zeroed(layout);
                    assert!((z as usize).is_multiple_of(align));
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    allocator.dealloc(z, layout);
                }
            }
        }
    }
}
