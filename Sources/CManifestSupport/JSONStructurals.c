// The first stage of JSONParser's fast path: where the structure of one JSON line is, 64 bytes at a time.
//
// The idea is simdjson's (Langdale and Lemire, "Parsing Gigabytes of JSON per Second", 2019): compare a
// block of bytes with the few characters that matter, turn each comparison into a 64-bit mask, find the
// strings with a prefix XOR of the quote mask, and list the positions of what is left. The code is ours and
// simpler: it declines any line with a backslash (escapes are rare in manifests) rather than work out which
// quotes they escape, and it leaves every check that needs context to the Swift side.

#include "CManifestSupport.h"

#include <string.h>
#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The masks of one 64-byte block; bit i stands for byte i.
typedef struct {
    uint64_t quotes;
    uint64_t backslashes;
    uint64_t structurals;  // { } [ ] : ,
    uint64_t whitespace;   // space, tab, line feed, carriage return
    uint64_t controls;     // below 0x20 (whitespace controls included)
    uint64_t high;         // 0x80 and above
} clm_block_masks;

#if defined(__SSE2__)
static inline uint64_t clm_movemask64(__m128i a, __m128i b, __m128i c, __m128i d) {
    return (uint64_t)(unsigned)_mm_movemask_epi8(a) | ((uint64_t)(unsigned)_mm_movemask_epi8(b) << 16)
        | ((uint64_t)(unsigned)_mm_movemask_epi8(c) << 32) | ((uint64_t)(unsigned)_mm_movemask_epi8(d) << 48);
}

static inline __m128i clm_equal(__m128i value, char byte) {
    return _mm_cmpeq_epi8(value, _mm_set1_epi8(byte));
}

static inline void clm_classify16(
    __m128i value, __m128i *quotes, __m128i *backslashes, __m128i *structurals, __m128i *whitespace,
    __m128i *controls
) {
    *quotes = clm_equal(value, '"');
    *backslashes = clm_equal(value, '\\');
    __m128i brackets = _mm_or_si128(
        _mm_or_si128(clm_equal(value, '{'), clm_equal(value, '}')),
        _mm_or_si128(clm_equal(value, '['), clm_equal(value, ']')));
    *structurals = _mm_or_si128(brackets, _mm_or_si128(clm_equal(value, ':'), clm_equal(value, ',')));
    *whitespace = _mm_or_si128(
        _mm_or_si128(clm_equal(value, ' '), clm_equal(value, '\t')),
        _mm_or_si128(clm_equal(value, '\n'), clm_equal(value, '\r')));
    // As signed bytes, the controls are 0 to 0x1F; bytes from 0x80 are negative, and excluded here.
    *controls = _mm_and_si128(
        _mm_cmplt_epi8(value, _mm_set1_epi8(0x20)), _mm_cmpgt_epi8(value, _mm_set1_epi8(-1)));
}

static inline clm_block_masks clm_classify64(const unsigned char *bytes) {
    __m128i value[4], quotes[4], backslashes[4], structurals[4], whitespace[4], controls[4];
    for (int part = 0; part < 4; part++) {
        value[part] = _mm_loadu_si128((const __m128i *)(bytes + 16 * part));
        clm_classify16(
            value[part], &quotes[part], &backslashes[part], &structurals[part], &whitespace[part], &controls[part]);
    }
    clm_block_masks masks;
    masks.quotes = clm_movemask64(quotes[0], quotes[1], quotes[2], quotes[3]);
    masks.backslashes = clm_movemask64(backslashes[0], backslashes[1], backslashes[2], backslashes[3]);
    masks.structurals = clm_movemask64(structurals[0], structurals[1], structurals[2], structurals[3]);
    masks.whitespace = clm_movemask64(whitespace[0], whitespace[1], whitespace[2], whitespace[3]);
    masks.controls = clm_movemask64(controls[0], controls[1], controls[2], controls[3]);
    masks.high = clm_movemask64(value[0], value[1], value[2], value[3]);
    return masks;
}
#else
static inline clm_block_masks clm_classify64(const unsigned char *bytes) {
    clm_block_masks masks = {0, 0, 0, 0, 0, 0};
    for (int index = 0; index < 64; index++) {
        unsigned char byte = bytes[index];
        uint64_t bit = (uint64_t)1 << index;
        if (byte == '"') masks.quotes |= bit;
        if (byte == '\\') masks.backslashes |= bit;
        if (byte == '{' || byte == '}' || byte == '[' || byte == ']' || byte == ':' || byte == ',')
            masks.structurals |= bit;
        if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r') masks.whitespace |= bit;
        if (byte < 0x20) masks.controls |= bit;
        if (byte >= 0x80) masks.high |= bit;
    }
    return masks;
}
#endif

/// Bit i of the result is the XOR of bits 0 to i of `mask`: with the quotes as `mask`, the bytes from each
/// opening quote up to (not including) its closing quote.
static inline uint64_t clm_prefix_xor(uint64_t mask) {
    mask ^= mask << 1;
    mask ^= mask << 2;
    mask ^= mask << 4;
    mask ^= mask << 8;
    mask ^= mask << 16;
    mask ^= mask << 32;
    return mask;
}

/// What one block contributes, from its masks and the state the previous block left.
typedef struct {
    uint64_t in_string_carry;  // all ones when the previous block ended inside a string
    uint64_t break_carry;      // 1 when the previous byte ends a token (the line's start does)
    uint64_t high;             // every high byte seen so far
} clm_scan_state;

/// The positions to list from a block's masks (see clm_json_structurals); sets `*declined` when the line
/// needs the byte parser.
static inline uint64_t clm_listed(clm_block_masks masks, uint64_t in_string, clm_scan_state *state, int *declined) {
    state->in_string_carry = (uint64_t)0 - (in_string >> 63);
    // A backslash, or a control character in a string (an error the byte parser names), declines the line.
    *declined |= (masks.backslashes | (masks.controls & in_string)) != 0;
    state->high |= masks.high;
    uint64_t outside = ~in_string;
    uint64_t structurals = masks.structurals & outside;
    // Quotes open and close strings: both are listed, so a string is two consecutive positions.
    uint64_t breaks = structurals | (masks.whitespace & outside) | (masks.quotes & outside);
    // Any other byte outside a string that follows a break starts a scalar (number, literal, or something
    // invalid that the Swift side rejects).
    uint64_t others = outside & ~breaks;  // (an opening quote is inside its string, a closing one a break)
    uint64_t starts = others & ((breaks << 1) | state->break_carry);
    state->break_carry = breaks >> 63;
    return structurals | masks.quotes | starts;
}

/// Writes the offsets of the set bits of `bits` (plus `offset`) at `out`; returns how many. Writes in groups
/// of four, so up to three slots past the last offset may be overwritten.
static inline long clm_flatten(uint64_t bits, uint32_t offset, uint32_t *out) {
    long total = __builtin_popcountll(bits);
    while (bits != 0) {
        out[0] = offset + (uint32_t)__builtin_ctzll(bits);
        bits &= bits - 1;
        out[1] = offset + (uint32_t)__builtin_ctzll(bits | ((uint64_t)1 << 63));
        bits &= bits - 1;
        out[2] = offset + (uint32_t)__builtin_ctzll(bits | ((uint64_t)1 << 63));
        bits &= bits - 1;
        out[3] = offset + (uint32_t)__builtin_ctzll(bits | ((uint64_t)1 << 63));
        bits &= bits - 1;
        out += 4;
    }
    return total;
}

/// The line's blocks, classified by `CLASSIFY` (a function from 64 bytes to clm_block_masks).
#define CLM_SCAN_LINE(CLASSIFY, PREFIX_XOR)                                                                    \
    long found = 0;                                                                                            \
    int declined = 0;                                                                                          \
    clm_scan_state state = {0, 1, 0};                                                                          \
    unsigned char tail[64];                                                                                    \
    for (long offset = 0; offset < count; offset += 64) {                                                      \
        const unsigned char *block = bytes + offset;                                                           \
        if (count - offset < 64) {                                                                             \
            /* Spaces after the end: whitespace, so they add nothing. */                                       \
            memset(tail, ' ', sizeof tail);                                                                    \
            memcpy(tail, block, (size_t)(count - offset));                                                     \
            block = tail;                                                                                      \
        }                                                                                                      \
        clm_block_masks masks = CLASSIFY(block);                                                               \
        uint64_t in_string = PREFIX_XOR(masks.quotes) ^ state.in_string_carry;                                 \
        uint64_t listed = clm_listed(masks, in_string, &state, &declined);                                     \
        if (declined) return -1;                                                                               \
        found += clm_flatten(listed, (uint32_t)offset, positions + found);                                     \
    }                                                                                                          \
    if (state.in_string_carry != 0) return -1; /* An unterminated string. */                                   \
    *has_high_bytes = state.high != 0;                                                                         \
    return found;

long clm_json_structurals_portable(const unsigned char *bytes, long count, uint32_t *positions, int *has_high_bytes) {
    CLM_SCAN_LINE(clm_classify64, clm_prefix_xor)
}

#if defined(__x86_64__)
#include <immintrin.h>

/// Classifies 32 bytes with two table lookups (on the low and the high half of each byte) instead of one
/// comparison per character: each table holds, per nibble, the classes a byte with that nibble can be in,
/// and a byte is in the classes both of its nibbles allow. Classes: 1 `,`, 2 `:`, 4 brackets, 8 space,
/// 16 tab, line feed or carriage return. Bytes from 0x80 look up nothing (the shuffle gives 0).
__attribute__((target("avx2,bmi,pclmul")))
static inline void clm_classify32_avx2(
    __m256i value, uint32_t *quotes, uint32_t *backslashes, uint32_t *structurals, uint32_t *whitespace,
    uint32_t *controls, uint32_t *high
) {
    const __m256i low_table = _mm256_setr_epi8(
        8, 0, 0, 0, 0, 0, 0, 0, 0, 16, 2 | 16, 4, 1, 4 | 16, 0, 0,
        8, 0, 0, 0, 0, 0, 0, 0, 0, 16, 2 | 16, 4, 1, 4 | 16, 0, 0);
    const __m256i high_table = _mm256_setr_epi8(
        16, 0, 1 | 8, 2, 0, 4, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0,
        16, 0, 1 | 8, 2, 0, 4, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    __m256i low = _mm256_shuffle_epi8(low_table, value);
    __m256i high_half = _mm256_and_si256(_mm256_srli_epi16(value, 4), nibble);
    __m256i classes = _mm256_and_si256(low, _mm256_shuffle_epi8(high_table, high_half));
    __m256i zero = _mm256_setzero_si256();
    *structurals = ~(uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(_mm256_and_si256(classes, _mm256_set1_epi8(7)), zero));
    *whitespace = ~(uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(_mm256_and_si256(classes, _mm256_set1_epi8(24)), zero));
    *quotes = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(value, _mm256_set1_epi8('"')));
    *backslashes = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(value, _mm256_set1_epi8('\\')));
    // Unsigned bytes up to 0x1F: those equal to their maximum with 0x1F.
    __m256i limit = _mm256_set1_epi8(0x1F);
    *controls = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(value, limit), limit));
    *high = (uint32_t)_mm256_movemask_epi8(value);
}

__attribute__((target("avx2,bmi,pclmul")))
static inline clm_block_masks clm_classify64_avx2(const unsigned char *bytes) {
    uint32_t quotes[2], backslashes[2], structurals[2], whitespace[2], controls[2], high[2];
    for (int half = 0; half < 2; half++) {
        __m256i value = _mm256_loadu_si256((const __m256i *)(bytes + 32 * half));
        clm_classify32_avx2(
            value, &quotes[half], &backslashes[half], &structurals[half], &whitespace[half], &controls[half],
            &high[half]);
    }
    clm_block_masks masks;
    masks.quotes = quotes[0] | ((uint64_t)quotes[1] << 32);
    masks.backslashes = backslashes[0] | ((uint64_t)backslashes[1] << 32);
    masks.structurals = structurals[0] | ((uint64_t)structurals[1] << 32);
    masks.whitespace = whitespace[0] | ((uint64_t)whitespace[1] << 32);
    masks.controls = controls[0] | ((uint64_t)controls[1] << 32);
    masks.high = high[0] | ((uint64_t)high[1] << 32);
    return masks;
}

/// The prefix XOR as one carry-less multiplication by all ones.
__attribute__((target("avx2,bmi,pclmul")))
static inline uint64_t clm_prefix_xor_clmul(uint64_t mask) {
    __m128i product = _mm_clmulepi64_si128(_mm_set_epi64x(0, (long long)mask), _mm_set1_epi8((char)0xFF), 0);
    return (uint64_t)_mm_cvtsi128_si64(product);
}

__attribute__((target("avx2,bmi,pclmul")))
static long clm_structurals_avx2(const unsigned char *bytes, long count, uint32_t *positions, int *has_high_bytes) {
    CLM_SCAN_LINE(clm_classify64_avx2, clm_prefix_xor_clmul)
}
#endif

long clm_json_structurals(const unsigned char *bytes, long count, uint32_t *positions, int *has_high_bytes) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("pclmul")) {
        return clm_structurals_avx2(bytes, count, positions, has_high_bytes);
    }
#endif
    return clm_json_structurals_portable(bytes, count, positions, has_high_bytes);
}
