// The second stage of JSONParser's fast path: the nodes of one JSON line, from the positions the first
// stage (JSONStructurals.c) listed.
//
// It writes exactly the nodes JSONParser's byte-by-byte parser writes, and declines (returns -1) anything it
// does not settle on its own: a syntax error, nesting deeper than allowed, an object with more than 32
// members or a repeated key (the byte parser records duplicates, and names every error). Written in C
// because the loop keeps a dozen values live at once: Swift's build of the same walk spilled most of them to
// the stack, and it and its duplicate-key check took a quarter more instructions than this (125 M against
// 100 M on 20,000 benchmark lines).

#include "CManifestSupport.h"

#include <stdint.h>
#include <string.h>

/// Whether `byte` is an ASCII digit.
static inline int clm_is_digit(unsigned char byte) {
    return (unsigned char)(byte - '0') < 10;
}

/// Whether the bytes from `start` to `end` are one to eight digits without a leading zero, checked in one
/// 64-bit word (so only when the line has eight bytes from `start`).
static inline int clm_is_short_integer(const unsigned char *base, long count, long start, long end) {
    long length = end - start;
    if (length <= 0 || length > 8 || start + 8 > count || (length > 1 && base[start] == '0')) return 0;
    uint64_t mask = length == 8 ? ~(uint64_t)0 : (((uint64_t)1 << (length * 8)) - 1);
    uint64_t word;
    memcpy(&word, base + start, 8);
    word &= mask;
    // A digit is 0x30 to 0x39: its high nibble is 3, and adding 6 leaves it 3 (0x3A and up carry into it).
    uint64_t threes = 0x3030303030303030ull & mask;
    return (word & 0xF0F0F0F0F0F0F0F0ull) == threes
        && ((word + (0x0606060606060606ull & mask)) & 0xF0F0F0F0F0F0F0F0ull) == threes;
}

/// The end of the number at `start` by JSON's grammar, and in `*flags` CLM_NODE_INTEGER when it has no
/// fraction or exponent; `start` when the grammar fails.
static long clm_number_end(const unsigned char *base, long count, long start, uint8_t *flags) {
    long position = start;
    *flags = CLM_NODE_INTEGER;
    if (base[position] == '-') position++;
    if (position >= count || !clm_is_digit(base[position])) return start;
    if (base[position] == '0') {
        position++;
        if (position < count && clm_is_digit(base[position])) return start;
    } else {
        while (position < count && clm_is_digit(base[position])) position++;
    }
    if (position < count && base[position] == '.') {
        *flags = 0;
        position++;
        if (position >= count || !clm_is_digit(base[position])) return start;
        while (position < count && clm_is_digit(base[position])) position++;
    }
    if (position < count && (base[position] | 0x20) == 'e') {
        *flags = 0;
        position++;
        if (position < count && (base[position] == '+' || base[position] == '-')) position++;
        if (position >= count || !clm_is_digit(base[position])) return start;
        while (position < count && clm_is_digit(base[position])) position++;
    }
    return position;
}

/// Whether a number or literal that ends at `end` ends where a token may: at the end of the line, before
/// whitespace, or before a structural character or quote (which the walk then reads).
static inline int clm_ends_token(const unsigned char *base, long count, long end) {
    if (end >= count) return 1;
    switch (base[end]) {
    case ' ': case '\t': case '\n': case '\r': case ',': case '}': case ']': case ':': case '{': case '[': case '"':
        return 1;
    default:
        return 0;
    }
}

/// Whether the keys of the object at `object` (at most 32 members, no escapes: the first stage declines any
/// backslash) are all different. A key is compared with the earlier ones only when one of them has the same
/// length (one bit per length modulo 64), which settles almost every key at once. Not inlined: inside the
/// walk's loop, its values would push the walk's own out of registers (15% more instructions).
__attribute__((noinline)) static int clm_keys_distinct(const unsigned char *base, const clm_json_node *nodes,
                                                        long object) {
    uint64_t lengths = 0;
    long end = nodes[object].next;
    for (long key = object + 1; key < end; key = nodes[key + 1].next) {
        uint32_t length = nodes[key].end - nodes[key].start;
        uint64_t bit = (uint64_t)1 << (length & 63);
        if (lengths & bit) {
            for (long earlier = object + 1; earlier < key; earlier = nodes[earlier + 1].next) {
                if (nodes[earlier].end - nodes[earlier].start == length
                    && memcmp(base + nodes[earlier].start, base + nodes[key].start, length) == 0) {
                    return 0;
                }
            }
        }
        lengths |= bit;
    }
    return 1;
}

/// Set on an open object's node while two of its keys so far have the same length; cleared when it closes.
enum { CLM_OPEN_LENGTHS_REPEAT = 0x80 };

static inline void clm_set_scalar(clm_json_node *node, uint32_t start, uint32_t end, long index, uint8_t kind,
                                  uint8_t flags) {
    node->start = start;
    node->end = end;
    node->next = (uint32_t)(index + 1);
    node->count = 0;
    node->kind = kind;
    node->flags = flags;
}

long clm_json_nodes(const unsigned char *base, long count, const uint32_t *positions, long listed,
                    clm_json_node *out, uint32_t *stack, long max_depth) {
    long produced = 0;
    long next = 0;
    long depth = 0;
    // The innermost open container; its member count is kept in its node's `count` as the walk goes.
    long container = -1;
    uint32_t position;
    unsigned char byte;

value:
    if (next >= listed) return -1;
    position = positions[next++];
    byte = base[position];
    switch (byte) {
    case '{':
    case '[': {
        if (depth >= max_depth || next >= listed) return -1;
        long index = produced++;
        out[index].start = position;
        out[index].end = 0;
        out[index].next = 0;
        out[index].count = 0;
        out[index].kind = byte == '{' ? CLM_KIND_OBJECT : CLM_KIND_ARRAY;
        out[index].flags = 0;
        stack[depth++] = (uint32_t)index;
        uint32_t following = positions[next];
        if (base[following] == byte + 2) {  // `}` and `]` follow `{` and `[` by two in ASCII.
            out[index].end = following + 1;
            out[index].next = (uint32_t)produced;
            next++;
            depth--;
            break;
        }
        container = index;
        if (byte == '{') goto key;
        goto value;
    }
    case '"':
        // The closing quote is the next position: nothing inside a string is listed.
        if (next >= listed) return -1;
        clm_set_scalar(&out[produced], position, positions[next] + 1, produced, CLM_KIND_STRING, 0);
        produced++;
        next++;
        break;
    case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8':
    case '9': {
        // Most numbers are short integers right before the next listed position: one word settles them.
        long limit = next < listed ? (long)positions[next] : count;
        long end = limit;
        uint8_t flags = CLM_NODE_INTEGER;
        if (!clm_is_short_integer(base, count, position, limit)) {
            end = clm_number_end(base, count, position, &flags);
            if (end <= (long)position || !clm_ends_token(base, count, end)) return -1;
        }
        clm_set_scalar(&out[produced], position, (uint32_t)end, produced, CLM_KIND_NUMBER, flags);
        produced++;
        break;
    }
    case 't':
    case 'f':
    case 'n': {
        const char *literal = byte == 't' ? "true" : byte == 'f' ? "false" : "null";
        uint8_t kind = byte == 't' ? CLM_KIND_TRUE : byte == 'f' ? CLM_KIND_FALSE : CLM_KIND_NULL;
        long length = byte == 'f' ? 5 : 4;
        long end = (long)position + length;
        if (end > count || memcmp(base + position, literal, (size_t)length) != 0
            || !clm_ends_token(base, count, end)) {
            return -1;
        }
        clm_set_scalar(&out[produced], position, (uint32_t)end, produced, kind, 0);
        produced++;
        break;
    }
    default:
        return -1;
    }

after_value:
    // After a value: a comma (then the next member or element) or the container's closing bracket.
    if (depth == 0) return next == listed ? produced : -1;
    out[container].count++;
    if (next >= listed) return -1;
    position = positions[next++];
    byte = base[position];
    if (out[container].kind == CLM_KIND_OBJECT) {
        if (byte == ',') goto key;
        if (byte != '}') return -1;
        out[container].end = position + 1;
        out[container].next = (uint32_t)produced;
        // Large objects and repeated keys go to the byte parser, which records the duplicates. Keys are
        // compared only when two had the same length (see `key:`).
        uint8_t lengths_repeat = out[container].flags & CLM_OPEN_LENGTHS_REPEAT;
        out[container].flags = 0;
        if (out[container].count > 32 || (lengths_repeat && !clm_keys_distinct(base, out, container))) {
            return -1;
        }
    } else {
        if (byte == ',') goto value;
        if (byte != ']') return -1;
        out[container].end = position + 1;
        out[container].next = (uint32_t)produced;
    }
    depth--;
    if (depth > 0) container = stack[depth - 1];
    goto after_value;

key:
    // A key is a string, so its quotes are two consecutive positions; a colon follows.
    if (next + 3 >= listed || base[positions[next]] != '"' || base[positions[next + 2]] != ':') return -1;
    {
        // While the object is open, its node's `end` and `next` (set when it closes) hold one bit per key
        // length modulo 64; a length seen twice marks the object for the full comparison of its keys.
        uint64_t bit = (uint64_t)1 << ((positions[next + 1] - positions[next]) & 63);
        uint64_t lengths = (uint64_t)out[container].next << 32 | out[container].end;
        if (lengths & bit) out[container].flags |= CLM_OPEN_LENGTHS_REPEAT;
        lengths |= bit;
        out[container].end = (uint32_t)lengths;
        out[container].next = (uint32_t)(lengths >> 32);
    }
    clm_set_scalar(&out[produced], positions[next], positions[next + 1] + 1, produced, CLM_KIND_STRING, 0);
    produced++;
    next += 3;
    goto value;
}
