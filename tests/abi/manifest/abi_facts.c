/* Every size, alignment, offset, type and value of the ABI manifest, as this
 * compiler sees abi.h. Compiled as C11 here and as C++20 by abi_facts.cpp,
 * so both languages are held to the same manifest. The X-macro lists come
 * from sdk/abi/perfreport_abi_1.json (abi_manifest.py checks). */
#include "perfreport/abi.h"

#include <string.h>

#include "abi_facts.h"
#include "abi_manifest_checks.h"

#ifdef __cplusplus
#include <type_traits>
#define SAME_TYPE(a, b) (std::is_same<a, b>::value ? 1 : 0)
#define TYPE_OF(expression) std::remove_reference<decltype(expression)>::type
#define ALIGN_OF(type) alignof(type)
#define FACTS_FUNCTION perfreport_abi_facts_in_cxx
#else
#define SAME_TYPE(a, b) __builtin_types_compatible_p(a, b)
#define TYPE_OF(expression) __typeof__(expression)
#define ALIGN_OF(type) _Alignof(type)
#define FACTS_FUNCTION perfreport_abi_facts_in_c
#endif

#if UINTPTR_MAX != UINT64_MAX
#error "perfreport_abi_1.json records the LP64 layout (64-bit Linux)"
#endif

#define MEMBER(type, field) (((type*)0)->field)

size_t FACTS_FUNCTION(PerfreportAbiFact* out, size_t capacity)
{
    size_t count = 0;
#define ADD(description, actual_value, expected_value)             \
    do {                                                           \
        if (count < capacity) {                                    \
            out[count].what = (description);                       \
            out[count].actual = (int64_t)(actual_value);           \
            out[count].expected = (int64_t)(expected_value);       \
        }                                                          \
        ++count;                                                   \
    } while (0)
#define SIZE(type, size, align)                                    \
    ADD("sizeof(" #type ")", sizeof(type), size);                  \
    ADD("alignof(" #type ")", ALIGN_OF(type), align);
#define FIELD(type, field, offset, size, ...)                      \
    ADD("offsetof(" #type ", " #field ")", offsetof(type, field), offset); \
    ADD("sizeof(" #type "." #field ")", sizeof(MEMBER(type, field)), size); \
    ADD(#type "." #field " has type " #__VA_ARGS__,                \
        SAME_TYPE(TYPE_OF(MEMBER(type, field)), __VA_ARGS__), 1);
#define VALUE(name, value) ADD(#name " == " #value, name, value);
#define TEXT(name, value) ADD(#name " == " #value, strcmp(name, value) == 0, 1);
#define TYPEDEF(name, ...) ADD(#name " is " #__VA_ARGS__, SAME_TYPE(name, __VA_ARGS__), 1);
#define FUNCTION(name, ...) \
    ADD(#name " has type " #__VA_ARGS__, SAME_TYPE(TYPE_OF(&name), __VA_ARGS__), 1);
/* The exported function's type is a typedef, checked by TYPEDEF. */
#define EXPORTED(name, symbol, type) ADD(#symbol " names " #name, strcmp(symbol, #name) == 0, 1);

    PERFREPORT_ABI_SIZES(SIZE)
    PERFREPORT_ABI_FIELDS(FIELD)
    PERFREPORT_ABI_VALUES(VALUE)
    PERFREPORT_ABI_TEXTS(TEXT)
    PERFREPORT_ABI_DECLARATIONS(TYPEDEF, FUNCTION, EXPORTED)
    return count;
}
