#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// libcurl's stable ABI numbers (curl/curl.h), so that no development headers are needed to build.
enum {
    opt_noprogress = 43,
    opt_nobody = 44,
    opt_post = 47,
    opt_fresh_connect = 74,
    opt_forbid_reuse = 75,
    opt_connecttimeout = 78,
    opt_httpget = 80,
    opt_nosignal = 99,
    opt_protocols = 181,
    opt_writedata = 10001,
    opt_url = 10002,
    opt_errorbuffer = 10010,
    opt_postfields = 10015,
    opt_httpheader = 10023,
    opt_headerdata = 10029,
    opt_customrequest = 10036,
    opt_xferinfodata = 10057,
    opt_cainfo = 10065,
    opt_writefunction = 20011,
    opt_headerfunction = 20079,
    opt_xferinfofunction = 20219,
    opt_postfieldsize_large = 30120,
    info_response_code = 0x200002,
    info_connect_time = 0x300005,
    proto_http = 1,
    proto_https = 2,
    global_default = 3,
    code_out_of_memory = 27,
    code_operation_timedout = 28,
    code_aborted_by_callback = 42,
    error_size = 256,
};

typedef struct curl_slist curl_slist;
typedef int (*global_init_fn)(long);
typedef void *(*easy_init_fn)(void);
typedef int (*easy_setopt_fn)(void *, int, ...);
typedef int (*easy_perform_fn)(void *);
typedef int (*easy_getinfo_fn)(void *, int, ...);
typedef void (*easy_cleanup_fn)(void *);
typedef void (*easy_reset_fn)(void *);
typedef const char *(*easy_strerror_fn)(int);
typedef curl_slist *(*slist_append_fn)(curl_slist *, const char *);
typedef void (*slist_free_all_fn)(curl_slist *);
typedef const char *(*version_fn)(void);

static struct {
    global_init_fn global_init;
    easy_init_fn easy_init;
    easy_setopt_fn easy_setopt;
    easy_perform_fn easy_perform;
    easy_getinfo_fn easy_getinfo;
    easy_cleanup_fn easy_cleanup;
    easy_reset_fn easy_reset;
    easy_strerror_fn easy_strerror;
    slist_append_fn slist_append;
    slist_free_all_fn slist_free_all;
    version_fn version;
} curl;

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static int loaded = 0;

static int bind_symbols(void *library, char *error, size_t size) {
    struct { void **slot; const char *name; } symbols[] = {
        {(void **)&curl.global_init, "curl_global_init"},
        {(void **)&curl.easy_init, "curl_easy_init"},
        {(void **)&curl.easy_setopt, "curl_easy_setopt"},
        {(void **)&curl.easy_perform, "curl_easy_perform"},
        {(void **)&curl.easy_getinfo, "curl_easy_getinfo"},
        {(void **)&curl.easy_cleanup, "curl_easy_cleanup"},
        {(void **)&curl.easy_reset, "curl_easy_reset"},
        {(void **)&curl.easy_strerror, "curl_easy_strerror"},
        {(void **)&curl.slist_append, "curl_slist_append"},
        {(void **)&curl.slist_free_all, "curl_slist_free_all"},
        {(void **)&curl.version, "curl_version"},
    };
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        *symbols[i].slot = dlsym(library, symbols[i].name);
        if (*symbols[i].slot == NULL) {
            snprintf(error, size, "the library has no %s", symbols[i].name);
            return 0;
        }
    }
    return 1;
}

int clm_curl_load(const char *path, char *error, size_t size) {
    pthread_mutex_lock(&load_lock);
    if (loaded) {
        pthread_mutex_unlock(&load_lock);
        return 1;
    }
    // The OpenSSL build first (Debian and Ubuntu's libcurl4, Fedora's libcurl), then the GnuTLS one.
    const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
    void *library = NULL;
    if (path != NULL) {
        library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (library == NULL) snprintf(error, size, "%s", dlerror());
    } else {
        for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
            library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        }
        if (library == NULL) snprintf(error, size, "no libcurl.so.4 on this machine");
    }
    int ok = library != NULL && bind_symbols(library, error, size) && curl.global_init(global_default) == 0;
    if (library != NULL && !ok && error[0] == 0) snprintf(error, size, "libcurl did not start");
    loaded = ok;
    pthread_mutex_unlock(&load_lock);
    return ok;
}

const char *clm_curl_version(void) { return loaded ? curl.version() : NULL; }

void *clm_curl_handle_new(void) { return loaded ? curl.easy_init() : NULL; }

void clm_curl_handle_free(void *handle) {
    if (handle != NULL) curl.easy_cleanup(handle);
}

static size_t append(clm_buffer *buffer, const char *bytes, size_t count) {
    if (buffer->count + count > buffer->capacity) {
        size_t capacity = buffer->capacity < 4096 ? 4096 : buffer->capacity;
        while (capacity < buffer->count + count) capacity *= 2;
        unsigned char *grown = realloc(buffer->bytes, capacity);
        if (grown == NULL) {
            buffer->failed = 1;
            return 0;  // libcurl stops the transfer with a write error.
        }
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->count, bytes, count);
    buffer->count += count;
    return count;
}

static size_t receive_body(char *bytes, size_t size, size_t count, void *buffer) {
    return append(buffer, bytes, size * count);
}

static size_t receive_header(char *bytes, size_t size, size_t count, void *buffer) {
    // A status line starts a new block (after "100 Continue", say): only the last one is kept.
    if (size * count >= 5 && memcmp(bytes, "HTTP/", 5) == 0) ((clm_buffer *)buffer)->count = 0;
    return append(buffer, bytes, size * count);
}

/// When bytes last moved, to end a transfer after a while without any (libcurl's own low-speed limit
/// averages over seconds, so a request body sent keeps a silent server alive for longer than the timeout).
typedef struct idle_watch {
    double last_change;
    long long received;
    long long sent;
    long seconds;
    int expired;
} idle_watch;

static double now(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (double)time.tv_sec + (double)time.tv_nsec / 1e9;
}

static int watch_progress(void *data, long long receive_total, long long received, long long send_total, long long sent) {
    (void)receive_total;
    (void)send_total;
    idle_watch *watch = data;
    double time = now();
    if (received != watch->received || sent != watch->sent) {
        watch->received = received;
        watch->sent = sent;
        watch->last_change = time;
    } else if (time - watch->last_change >= (double)watch->seconds) {
        watch->expired = 1;
        return 1;  // libcurl ends the transfer
    }
    return 0;
}

void clm_curl_perform(void *handle, const clm_request *request, clm_result *result) {
    memset(result, 0, sizeof *result);
    curl.easy_reset(handle);
    curl_slist *headers = NULL;
    int out_of_memory = 0;
    for (size_t i = 0; i < request->header_count && !out_of_memory; i++) {
        curl_slist *next = curl.slist_append(headers, request->headers[i]);
        if (next == NULL) out_of_memory = 1;
        else headers = next;
    }
    // No header libcurl would add on its own: no form type for a body, no "Expect: 100-continue".
    const char *suppressed[] = {"Expect:", "Content-Type:", "Accept:"};
    for (size_t i = 0; i < sizeof suppressed / sizeof suppressed[0] && !out_of_memory; i++) {
        int given = 0;
        size_t length = strlen(suppressed[i]);
        for (size_t j = 0; j < request->header_count; j++) {
            if (strncasecmp(request->headers[j], suppressed[i], length) == 0) given = 1;
        }
        if (given) continue;
        curl_slist *next = curl.slist_append(headers, suppressed[i]);
        if (next == NULL) out_of_memory = 1;
        else headers = next;
    }
    if (out_of_memory) {
        curl.slist_free_all(headers);
        result->code = code_out_of_memory;
        snprintf(result->error, sizeof result->error, "out of memory");
        return;
    }
    char error[error_size] = {0};
    curl.easy_setopt(handle, opt_url, request->url);
    curl.easy_setopt(handle, opt_protocols, (long)(proto_http | proto_https));
    curl.easy_setopt(handle, opt_nosignal, 1L);
    curl.easy_setopt(handle, opt_errorbuffer, error);
    curl.easy_setopt(handle, opt_httpheader, headers);
    curl.easy_setopt(handle, opt_connecttimeout, request->timeout_seconds);
    if (request->ca_file != NULL) curl.easy_setopt(handle, opt_cainfo, request->ca_file);
    idle_watch watch = {now(), 0, 0, request->timeout_seconds, 0};
    curl.easy_setopt(handle, opt_noprogress, 0L);
    curl.easy_setopt(handle, opt_xferinfofunction, watch_progress);
    curl.easy_setopt(handle, opt_xferinfodata, &watch);
    if (!request->may_reuse_connection) {
        curl.easy_setopt(handle, opt_fresh_connect, 1L);
        curl.easy_setopt(handle, opt_forbid_reuse, 1L);
    }
    if (strcmp(request->method, "HEAD") == 0) {
        curl.easy_setopt(handle, opt_nobody, 1L);
    } else if (strcmp(request->method, "GET") == 0 && request->body_count == 0) {
        curl.easy_setopt(handle, opt_httpget, 1L);
    } else {
        curl.easy_setopt(handle, opt_post, 1L);
        curl.easy_setopt(handle, opt_postfields, request->body_count == 0 ? (const void *)"" : request->body);
        curl.easy_setopt(handle, opt_postfieldsize_large, (long long)request->body_count);
        if (strcmp(request->method, "POST") != 0) curl.easy_setopt(handle, opt_customrequest, request->method);
    }
    curl.easy_setopt(handle, opt_writefunction, receive_body);
    curl.easy_setopt(handle, opt_writedata, &result->body);
    curl.easy_setopt(handle, opt_headerfunction, receive_header);
    curl.easy_setopt(handle, opt_headerdata, &result->head);
    result->code = curl.easy_perform(handle);
    if (result->code == code_aborted_by_callback && watch.expired) result->code = code_operation_timedout;
    double connect_time = 0;
    curl.easy_getinfo(handle, info_connect_time, &connect_time);
    result->connected = connect_time > 0;
    curl.easy_getinfo(handle, info_response_code, &result->status);
    if (result->head.failed || result->body.failed) {
        snprintf(result->error, sizeof result->error, "out of memory for the response");
    } else if (result->code != 0) {
        snprintf(result->error, sizeof result->error, "%s", error[0] != 0 ? error : curl.easy_strerror(result->code));
    }
    // The handle keeps the option pointers: clear the ones into this frame before it ends.
    curl.easy_setopt(handle, opt_errorbuffer, (char *)NULL);
    curl.easy_setopt(handle, opt_xferinfodata, (void *)NULL);
    curl.easy_setopt(handle, opt_noprogress, 1L);
    curl.easy_setopt(handle, opt_httpheader, (curl_slist *)NULL);
    curl.slist_free_all(headers);
}

void clm_result_free(clm_result *result) {
    free(result->head.bytes);
    free(result->body.bytes);
    result->head = (clm_buffer){0};
    result->body = (clm_buffer){0};
}
