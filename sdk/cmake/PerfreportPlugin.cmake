# perfreport_add_plugin(<target> SOURCES <file>... [OUTPUT_DIRECTORY <dir>])
#
# A perfreport plugin: a shared library the host opens with dlopen and that
# exports exactly one symbol, perfreport_plugin_entry. Everything else stays
# hidden, so no plugin can interpose another's symbols. One implementation
# serves perfreport's own build (the bundled plugins, the examples, the test
# fixtures) and every out-of-tree project, which gets it from
# find_package(perfreport).
#
# Where the library goes:
#   built into   OUTPUT_DIRECTORY; else PERFREPORT_PLUGIN_OUTPUT_DIRECTORY when
#                that variable is set (perfreport's build sets it for the
#                bundled plugins, which the command then depends on); else the
#                current binary folder
#   installed to PERFREPORT_PLUGIN_INSTALL_DIR, relative to the install prefix,
#                when that variable is set: find_package(perfreport) sets it to
#                the folder the installed perfreport searches, so a plugin
#                installed into perfreport's prefix is found without
#                --plugin-dir. Unset it to build a plugin that is not installed.
include_guard(GLOBAL)

function(perfreport_add_plugin target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_DIRECTORY" "SOURCES")
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "perfreport_add_plugin(${target}): SOURCES is required")
  endif()
  add_library(${target} MODULE ${arg_SOURCES})
  # The SDK brings its include folder, C++20 and Boost.JSON (its JSON type).
  target_link_libraries(${target} PRIVATE perfreport::sdk)
  set_target_properties(${target} PROPERTIES
    PREFIX "lib"
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)

  # The entry point is the only symbol the library exports, whatever the
  # headers it includes ask for (Boost marks some of its own types visible).
  set(exports "${CMAKE_CURRENT_BINARY_DIR}/${target}.exports")
  file(CONFIGURE OUTPUT "${exports}"
    CONTENT "{ global: perfreport_plugin_entry; local: *; };\n")
  # Unresolved symbols fail the build, not the load; static dependencies stay
  # hidden; no GNU "unique" symbols, which would pin the library in memory.
  target_link_options(${target} PRIVATE
    -Wl,--no-undefined -Wl,--exclude-libs,ALL "-Wl,--version-script=${exports}")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${exports}")
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-fno-gnu-unique>)
  endif()

  if(arg_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${arg_OUTPUT_DIRECTORY}")
  elseif(PERFREPORT_PLUGIN_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${PERFREPORT_PLUGIN_OUTPUT_DIRECTORY}")
    set_property(GLOBAL APPEND PROPERTY PERFREPORT_BUNDLED_PLUGINS ${target})
  endif()
  if(PERFREPORT_PLUGIN_INSTALL_DIR)
    install(TARGETS ${target} LIBRARY DESTINATION "${PERFREPORT_PLUGIN_INSTALL_DIR}")
  endif()
endfunction()
