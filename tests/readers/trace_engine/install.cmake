# Installs the packages of package-lock.json (DevTools' trace engine) into
# DIR with `npm ci`, once per build tree: again only when the lock changes.
#   cmake -DDIR=<folder holding package.json> -DNODE=<node> -DNPM=<npm> -P install.cmake
# Fails with a message saying what to do when node is missing or older than 20.
set(help "install node 20 or later with npm (nodesource; Debian 12's own nodejs is 18), then run the tests again")
if(NOT NODE OR NOT EXISTS "${NODE}")
  message(FATAL_ERROR "node was not found; the DevTools trace engine test needs node 20 or later: ${help}")
endif()
execute_process(COMMAND "${NODE}" --version OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE failed)
string(REGEX MATCH "^v([0-9]+)" _ "${version}")
if(failed OR NOT CMAKE_MATCH_1 OR CMAKE_MATCH_1 LESS 20)
  message(FATAL_ERROR "${NODE} is node '${version}'; the DevTools trace engine test needs node 20 or later: ${help}")
endif()

set(stamp "${DIR}/node_modules/.perfreport-installed-lock")
file(READ "${DIR}/package-lock.json" lock)
if(EXISTS "${stamp}")
  file(READ "${stamp}" installed)
  if(installed STREQUAL lock)
    message(STATUS "trace engine already installed in ${DIR}")
    return()
  endif()
endif()
if(NOT NPM OR NOT EXISTS "${NPM}")
  message(FATAL_ERROR "npm was not found; it installs the DevTools trace engine for the test: ${help}")
endif()
execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error WORKING_DIRECTORY "${DIR}"
                RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "npm ci in ${DIR} failed (the npm registry must be reachable)")
endif()
file(WRITE "${stamp}" "${lock}")
