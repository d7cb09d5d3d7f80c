// The manifest's facts as a C++20 compiler sees abi.h: the host and the C++
// SDK's plugins must agree with plain-C plugins byte for byte.
#include "abi_facts.c"
