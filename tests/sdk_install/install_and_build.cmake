# What a team outside perfreport does, as a CTest fixture (cmake -P):
#   1. installs perfreport from this build into a fresh prefix;
#   2. builds each example plugin out of tree against that prefix, from a copy
#      of its folder, with nothing but -DCMAKE_PREFIX_PATH=<prefix>;
#   3. does the same with the plugin project of sdk/README.md, extracted from
#      the guide's code blocks, runs its own tests and installs it into the
#      prefix (where the installed command finds it without --plugin-dir).
# On the way it checks what an outsider relies on: find_package found the
# prefix's package, the compiler saw no include folder outside the prefix,
# every plugin exports nothing but perfreport_plugin_entry, abi.h compiles
# as plain C, and the package refuses a request for another major version. The tests in sdk_install_test.cpp then run the
# installed command with what was built here.
#
# -D inputs: BUILD_DIR, SOURCE_DIR, WORK_DIR, GENERATOR, C_COMPILER,
# CXX_COMPILER, NM, CTEST_COMMAND, CMAKE_DIR (the package folder relative to
# the prefix).
cmake_minimum_required(VERSION 3.25)

foreach(input BUILD_DIR SOURCE_DIR WORK_DIR GENERATOR C_COMPILER CXX_COMPILER NM CTEST_COMMAND CMAKE_DIR)
  if(NOT DEFINED ${input})
    message(FATAL_ERROR "install_and_build.cmake needs -D${input}=...")
  endif()
endforeach()
set(prefix "${WORK_DIR}/prefix")

# Runs a command; stops the fixture with its output when it fails.
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${output}")
  endif()
endfunction()

# Configures and builds the plugin project in `source` as an outsider would.
function(build_out_of_tree name source)
  set(build "${WORK_DIR}/build/${name}")
  run("configuring ${name}" ${CMAKE_COMMAND} -S "${source}" -B "${build}" -G "${GENERATOR}"
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)
  run("building ${name}" ${CMAKE_COMMAND} --build "${build}")
  check_found_the_prefix(${name} "${build}")
  check_includes_only_the_prefix(${name} "${build}")
  check_exports(${name} "${build}")
endfunction()

function(check_found_the_prefix name build)
  file(STRINGS "${build}/CMakeCache.txt" found REGEX "^perfreport_DIR:")
  if(NOT found STREQUAL "perfreport_DIR:PATH=${prefix}/${CMAKE_DIR}")
    message(FATAL_ERROR "${name} found perfreport elsewhere than in ${prefix}: ${found}")
  endif()
endfunction()

# Every -I/-isystem folder of every compile command lies inside the prefix.
function(check_includes_only_the_prefix name build)
  file(READ "${build}/compile_commands.json" commands)
  string(REGEX MATCHALL "(-I|-isystem |-iquote )[^ \"]+" flags "${commands}")
  if(NOT flags)
    message(FATAL_ERROR "${name}: no include folder in its compile commands, not even the prefix's")
  endif()
  foreach(flag IN LISTS flags)
    string(REGEX REPLACE "^(-I|-isystem |-iquote )" "" folder "${flag}")
    cmake_path(IS_PREFIX prefix "${folder}" NORMALIZE inside)
    if(NOT inside)
      message(FATAL_ERROR "${name} compiles with ${flag}, outside the installed prefix ${prefix}")
    endif()
  endforeach()
endfunction()

function(check_exports name build)
  file(GLOB libraries "${build}/*.so")
  if(NOT libraries)
    message(FATAL_ERROR "${name} built no plugin library in ${build}")
  endif()
  foreach(library IN LISTS libraries)
    execute_process(COMMAND ${NM} -D --defined-only "${library}" OUTPUT_VARIABLE symbols RESULT_VARIABLE status)
    string(REGEX REPLACE "[^\n]* ([^ \n]+)\n" "\\1;" names "${symbols}")
    if(NOT status EQUAL 0 OR NOT names STREQUAL "perfreport_plugin_entry;")
      message(FATAL_ERROR "${library} exports ${names} (nm status ${status}), not only perfreport_plugin_entry")
    endif()
  endforeach()
endfunction()

# The files of sdk/README.md's plugin project: each fenced code block right
# after a line "<!-- file: NAME -->" is the file NAME.
function(extract_guide_project guide destination)
  file(READ "${guide}" text)
  set(marker "<!-- file: ")
  set(count 0)
  while(TRUE)
    string(FIND "${text}" "${marker}" at)
    if(at EQUAL -1)
      break()
    endif()
    string(LENGTH "${marker}" marker_length)
    math(EXPR at "${at} + ${marker_length}")
    string(SUBSTRING "${text}" ${at} -1 text)
    string(FIND "${text}" " -->\n```" name_end)
    if(name_end EQUAL -1)
      message(FATAL_ERROR "${guide}: a file marker is not followed by a code block")
    endif()
    string(SUBSTRING "${text}" 0 ${name_end} name)
    string(SUBSTRING "${text}" ${name_end} -1 text)
    string(FIND "${text}" "\n" fence_end)  # the end of the marker line
    math(EXPR fence_end "${fence_end} + 1")
    string(SUBSTRING "${text}" ${fence_end} -1 text)
    string(FIND "${text}" "\n" body_start)  # the end of the opening fence
    math(EXPR body_start "${body_start} + 1")
    string(SUBSTRING "${text}" ${body_start} -1 text)
    string(FIND "${text}" "\n```\n" body_end)
    math(EXPR body_end "${body_end} + 1")
    string(SUBSTRING "${text}" 0 ${body_end} body)
    file(WRITE "${destination}/${name}" "${body}")
    math(EXPR count "${count} + 1")
    string(SUBSTRING "${text}" ${body_end} -1 text)
  endwhile()
  if(count LESS 3)
    message(FATAL_ERROR "${guide}: found ${count} marked files, expected a CMakeLists.txt and two sources")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
run("installing perfreport" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

# The C ABI needs no C++ and no Boost: a C11 file that includes it compiles
# with the installed include folder alone.
file(WRITE "${WORK_DIR}/abi_only.c" "#include <perfreport/abi.h>\nconst PR_Version v = PR_ABI_VERSION_INIT;\n")
run("compiling perfreport/abi.h as C11" ${C_COMPILER} -std=c11 -Wall -Wextra -Werror -pedantic
  -I "${prefix}/include" -c "${WORK_DIR}/abi_only.c" -o "${WORK_DIR}/abi_only.o")

# SameMajorVersion: a project that needs perfreport 2 does not take this 1.x.
file(WRITE "${WORK_DIR}/src/needs-2/CMakeLists.txt"
  "cmake_minimum_required(VERSION 3.25)\nproject(needs_2 LANGUAGES CXX)\nfind_package(perfreport 2 CONFIG REQUIRED)\n")
execute_process(COMMAND ${CMAKE_COMMAND} -S "${WORK_DIR}/src/needs-2" -B "${WORK_DIR}/build/needs-2" -G "${GENERATOR}"
  -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${prefix}
  RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(status EQUAL 0 OR NOT output MATCHES "version: 1\\.0\\.0")
  message(FATAL_ERROR "find_package(perfreport 2) should refuse the installed 1.0.0:\n${output}")
endif()

foreach(example chip-prices energy markdown)
  file(COPY "${SOURCE_DIR}/examples/plugins/${example}" DESTINATION "${WORK_DIR}/src")
  build_out_of_tree(${example} "${WORK_DIR}/src/${example}")
endforeach()

extract_guide_project("${SOURCE_DIR}/sdk/README.md" "${WORK_DIR}/src/guide")
build_out_of_tree(guide "${WORK_DIR}/src/guide")
run("the guide project's own tests" ${CTEST_COMMAND} --test-dir "${WORK_DIR}/build/guide" --output-on-failure)
run("installing the guide project" ${CMAKE_COMMAND} --install "${WORK_DIR}/build/guide" --prefix "${prefix}")
