/* perfreport C ABI: status codes and the error out-parameter. */
#ifndef PERFREPORT_ABI_STATUS_H
#define PERFREPORT_ABI_STATUS_H

#include <stdint.h>

/* Every call that can fail returns a status; values are never renumbered. */
typedef int32_t PR_Status;

#define PR_OK                   0
#define PR_ERR_INVALID_ARGUMENT 1 /* the caller passed something malformed     */
#define PR_ERR_INVALID_INPUT    2 /* the data cannot be analyzed as given       */
#define PR_ERR_MISSING_CONTEXT  3 /* a required context value is absent         */
#define PR_ERR_UNSUPPORTED      4 /* the service is not offered in this call    */
#define PR_ERR_CANCELLED        5 /* the host asked the work to stop            */
#define PR_ERR_IO               6 /* reading or writing a file failed           */
#define PR_ERR_INCOMPATIBLE     7 /* versions or layouts do not match           */
#define PR_ERR_INTERNAL         8 /* a bug or an unexpected failure             */
#define PR_SKIPPED              9 /* not a failure: `analyze` has nothing to say
                                     for this input; the message says why       */

/* Where a failing call puts its message. The host owns it; the plugin calls
 * `set_message`, and the host copies the text before returning, so no buffer
 * or allocator crosses the boundary. Calling it again replaces the message.
 * [same thread as the call that received it] */
typedef struct PR_Error {
    uint32_t struct_size;
    void*    host_data;
    void (*set_message)(struct PR_Error* self, const char* utf8, uint64_t size);
} PR_Error;

/* Severity of a diagnostic or log line. */
#define PR_LEVEL_DEBUG   0
#define PR_LEVEL_INFO    1
#define PR_LEVEL_WARNING 2
#define PR_LEVEL_ERROR   3

#endif
