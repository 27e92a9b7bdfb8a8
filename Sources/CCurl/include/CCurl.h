// libcurl, loaded when the first request is sent rather than linked: the clmanifest binary then starts
// on any Linux with glibc, and only the commands that talk to AWS need libcurl on the machine (see
// Sources/ManifestUpload/Client/CurlTransport.swift).
#ifndef CCURL_H
#define CCURL_H

#include <stddef.h>

/// Bytes received, grown as they come.
typedef struct clm_buffer {
    unsigned char *bytes;
    size_t count;
    size_t capacity;
    /// Set when memory ran out; the transfer is then stopped.
    int failed;
} clm_buffer;

/// One request.
typedef struct clm_request {
    const char *url;
    const char *method;
    /// Header lines, "Name: value", without line ends.
    const char *const *headers;
    size_t header_count;
    const unsigned char *body;
    size_t body_count;
    /// Seconds to connect, and seconds without a byte received before the request is given up.
    long timeout_seconds;
    /// Whether the request may travel on a connection the handle used before.
    int may_reuse_connection;
    /// A file of certificate authorities to trust instead of the system's (AWS_CA_BUNDLE), or NULL.
    const char *ca_file;
} clm_request;

/// What came back.
typedef struct clm_result {
    /// libcurl's result code: 0 when a whole response came back.
    int code;
    /// Whether a connection to the server was made.
    int connected;
    long status;
    /// The last response's header block, as received.
    clm_buffer head;
    clm_buffer body;
    /// libcurl's words for a failure (its error buffer, or its text for the code).
    char error[256];
} clm_result;

/// Loads libcurl once: from `path` when it is not NULL, else by the names distributions give it.
/// Returns 1 when loaded; otherwise 0 with what went wrong in `error`.
int clm_curl_load(const char *path, char *error, size_t error_size);

/// The loaded library's version text ("libcurl/8.5.0 OpenSSL/3.0.13 ..."), or NULL before loading.
const char *clm_curl_version(void);

/// A new transfer handle (NULL when libcurl is not loaded or memory ran out).
void *clm_curl_handle_new(void);

/// Frees a handle from clm_curl_handle_new, closing its connections.
void clm_curl_handle_free(void *handle);

/// Sends `request` on `handle` and fills `result`; free it with clm_result_free.
void clm_curl_perform(void *handle, const clm_request *request, clm_result *result);

/// Frees what `result` holds.
void clm_result_free(clm_result *result);

#endif
