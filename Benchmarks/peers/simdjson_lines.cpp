// The parsing limit, as a peer: simdjson (DOM, one thread) parses every line of a JSON Lines file with
// parse_many and counts the documents. Validation is full (simdjson rejects invalid JSON), nothing more
// is checked. Built by measure.py when the simdjson headers and library are installed
// (Debian: libsimdjson-dev).
//
// Usage: simdjson-lines FILE
// Prints the number of documents and the seconds the parse took, the file's loading excluded; exits 1 on
// a parse error.
#include <chrono>
#include <cstdio>
#include <simdjson.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: simdjson-lines FILE\n");
        return 2;
    }
    simdjson::padded_string text;
    if (simdjson::padded_string::load(argv[1]).get(text)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    auto start = std::chrono::steady_clock::now();
    simdjson::dom::parser parser;
    simdjson::dom::document_stream documents;
    if (parser.parse_many(text).get(documents)) {
        std::fprintf(stderr, "cannot start parsing %s\n", argv[1]);
        return 1;
    }
    long count = 0;
    for (auto document : documents) {
        if (document.error()) {
            std::fprintf(stderr, "document %ld: %s\n", count + 1, simdjson::error_message(document.error()));
            return 1;
        }
        count++;
    }
    std::chrono::duration<double> parsing = std::chrono::steady_clock::now() - start;
    std::printf("%ld %.6f\n", count, parsing.count());
    return 0;
}
