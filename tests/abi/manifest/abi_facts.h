/* What the compiler says about each fact the ABI manifest records, computed
 * by a C11 and by a C++20 compilation of abi.h (abi_facts.c). */
#ifndef PERFREPORT_TESTS_ABI_FACTS_H
#define PERFREPORT_TESTS_ABI_FACTS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct PerfreportAbiFact {
    const char* what;  /* e.g. "offsetof(PR_Host, log)" */
    int64_t     actual;
    int64_t     expected;
} PerfreportAbiFact;

/* Write at most `capacity` facts to `out`; return how many there are. */
size_t perfreport_abi_facts_in_c(PerfreportAbiFact* out, size_t capacity);
size_t perfreport_abi_facts_in_cxx(PerfreportAbiFact* out, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
