#ifndef CMANIFESTSUPPORT_H
#define CMANIFESTSUPPORT_H

// What Swift cannot say itself, for ManifestKit's hot paths: a prefetch hint, byte masks that SSE2 computes
// in a few instructions (Swift's SIMD types have no "mask of lanes" operation), the first stage of the JSON
// parser's fast path (JSONStructurals.c), which needs table lookups and carry-less multiplication, and its
// second stage (JSONNodes.c), a loop that keeps more values in registers than Swift's build of it did.

#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// One value of a parsed line, laid out exactly as ManifestKit's `JSONNode` (20 bytes; StructuralIndexTests
/// checks the layout): byte offsets of its first byte and just past its last, the node index just past its
/// subtree, its members or elements, its kind (`JSONNode.Kind`'s raw value) and flags.
typedef struct {
    uint32_t start;
    uint32_t end;
    uint32_t next;
    uint32_t count;
    uint8_t kind;
    uint8_t flags;
} clm_json_node;

/// `JSONNode.Kind`'s raw values.
enum { CLM_KIND_OBJECT, CLM_KIND_ARRAY, CLM_KIND_STRING, CLM_KIND_NUMBER, CLM_KIND_TRUE, CLM_KIND_FALSE, CLM_KIND_NULL };
/// `JSONNode.isInteger`: a number written without a fraction or an exponent.
enum { CLM_NODE_INTEGER = 2 };

/// Asks the processor to start loading the cache line at `address` for a read soon; never faults, and
/// costs nothing to wait for.
static inline void clm_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// Bit i is set when byte i of the 16 at `bytes` ends the fast scan of a JSON string: a quote, a
/// backslash, a control character (below 0x20) or a byte of a multi-byte UTF-8 sequence (0x80 and up).
static inline unsigned clm_string_stops16(const unsigned char *bytes) {
#if defined(__SSE2__)
    __m128i value = _mm_loadu_si128((const __m128i *)bytes);
    __m128i quote = _mm_cmpeq_epi8(value, _mm_set1_epi8('"'));
    __m128i backslash = _mm_cmpeq_epi8(value, _mm_set1_epi8('\\'));
    // Signed bytes below 0x20 are the controls and, read as negative, every byte from 0x80.
    __m128i other = _mm_cmplt_epi8(value, _mm_set1_epi8(0x20));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), other));
#else
    unsigned mask = 0;
    for (int index = 0; index < 16; index++) {
        unsigned char byte = bytes[index];
        if (byte == '"' || byte == '\\' || byte < 0x20 || byte >= 0x80) mask |= 1u << index;
    }
    return mask;
#endif
}

/// The positions, in order, of what structures the JSON line `bytes[0..<count]`: every `{ } [ ] : ,` outside
/// strings, every quote (so a string is two consecutive positions: its opening and its closing quote), and
/// the first byte of each other token outside strings (a number, a literal, or something invalid).
///
/// Writes at most `count + 3` positions to `positions`. Returns how many, or -1 when the line needs the
/// byte-by-byte parser: it has a backslash, a control character in a string, or an unterminated string.
/// Sets `*has_high_bytes` to 1 when a byte is 0x80 or above (UTF-8 the caller must still validate), else 0.
long clm_json_structurals(const unsigned char *bytes, long count, uint32_t *positions, int *has_high_bytes);

/// `clm_json_structurals` without AVX2 (SSE2 on x86-64, plain C elsewhere), which that function falls back
/// to; public so that tests compare the two on machines that have AVX2.
long clm_json_structurals_portable(const unsigned char *bytes, long count, uint32_t *positions, int *has_high_bytes);

/// The nodes of the JSON line `bytes[0..<count]` from the `listed` positions `clm_json_structurals` found, in
/// document order, exactly as JSONParser's byte-by-byte parser writes them.
///
/// `out` must hold `listed` nodes (each node takes at least one position) and `stack` `min(max_depth, listed)`
/// entries. Returns the number of nodes, or -1 when the line needs the byte-by-byte parser: any syntax
/// error, nesting deeper than `max_depth`, an object of more than 32 members, or a repeated key. The line's
/// UTF-8 must have been validated, and it must have no backslash (`clm_json_structurals` declines those).
long clm_json_nodes(const unsigned char *bytes, long count, const uint32_t *positions, long listed,
                    clm_json_node *out, uint32_t *stack, long max_depth);

#endif
