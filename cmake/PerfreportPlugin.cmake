# perfreport_add_plugin(<target> SOURCES <files>... [OUTPUT_DIRECTORY <dir>])
#
# A plugin is a dlopen-only shared library that exports one symbol,
# perfreport_plugin_entry, and links everything else privately. Without
# OUTPUT_DIRECTORY it is a bundled plugin: built into the plugin folder the
# command searches by default, and built whenever the command is.
function(perfreport_add_plugin target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_DIRECTORY" "SOURCES")
  if(NOT arg_OUTPUT_DIRECTORY)
    set(arg_OUTPUT_DIRECTORY "${PERFREPORT_PLUGIN_OUTPUT_DIR}")
    set_property(GLOBAL APPEND PROPERTY PERFREPORT_BUNDLED_PLUGINS ${target})
  endif()
  add_library(${target} MODULE ${arg_SOURCES})
  target_link_libraries(${target} PRIVATE perfreport::sdk)
  set_target_properties(${target} PROPERTIES
    PREFIX "lib"
    LIBRARY_OUTPUT_DIRECTORY "${arg_OUTPUT_DIRECTORY}")
  # Unresolved symbols fail the build, not the load; static dependencies stay
  # hidden; no GNU "unique" symbols, which would pin the library in memory.
  target_link_options(${target} PRIVATE -Wl,--no-undefined -Wl,--exclude-libs,ALL)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-fno-gnu-unique>)
  endif()
endfunction()
