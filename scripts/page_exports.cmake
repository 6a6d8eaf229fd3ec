# The functions the page's scripts call by name (Module._bp_*), read from web/platform/exports.cpp where
# each is one line `extern "C" EMSCRIPTEN_KEEPALIVE <type> bp_<name>(`.
# Included, it defines bp_read_page_exports() (web/platform/CMakeLists.txt makes -sEXPORTED_FUNCTIONS
# from it). Run as `cmake -DROOT=<source dir> -P scripts/page_exports.cmake` (a ctest entry), it checks
# the page's scripts against the list: every bp_* they call is exported, and every export is called.

# Sets `out` to the names exported in <root>/web/platform/exports.cpp, in their order there.
function(bp_read_page_exports root out)
  set(source ${root}/web/platform/exports.cpp)
  file(STRINGS ${source} lines REGEX "^[^/]*EMSCRIPTEN_KEEPALIVE")
  set(names "")
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^extern \"C\" EMSCRIPTEN_KEEPALIVE [^(]*[ *](bp_[a-z0-9_]+)\\(")
      message(FATAL_ERROR "web/platform/exports.cpp: an export must read "
                          "`extern \"C\" EMSCRIPTEN_KEEPALIVE <type> bp_<name>(` on one line, so the build can "
                          "list it; found: ${line}")
    endif()
    list(APPEND names ${CMAKE_MATCH_1})
  endforeach()
  if(NOT names)
    message(FATAL_ERROR "web/platform/exports.cpp: no export found")
  endif()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  cmake_minimum_required(VERSION 3.20)  # a script run with -P starts with no policies (IN_LIST below)
  if(NOT ROOT)
    message(FATAL_ERROR "page_exports.cmake: pass -DROOT=<source dir>")
  endif()
  bp_read_page_exports(${ROOT} exported)
  # The callers: the page's scripts, the JavaScript inside the platform layer, the browser tests.
  file(GLOB callers ${ROOT}/web/*.js ${ROOT}/web/demo/*.js ${ROOT}/web/platform/*.cpp ${ROOT}/tests/browser/*.mjs)
  list(FILTER callers EXCLUDE REGEX "/exports\\.cpp$")
  set(problems "")
  set(called "")
  foreach(file IN LISTS callers)
    file(READ ${file} text)
    # Module._bp_name(…) or a name passed as a string: call('bp_name', …).
    string(REGEX MATCHALL "[_'\"]bp_[a-z0-9_]+" uses "${text}")
    file(RELATIVE_PATH relative ${ROOT} ${file})
    foreach(use IN LISTS uses)
      string(SUBSTRING "${use}" 1 -1 name)
      list(APPEND called ${name})
      if(NOT name IN_LIST exported)
        list(APPEND problems "${relative} calls ${name}, which web/platform/exports.cpp does not export")
      endif()
    endforeach()
  endforeach()
  foreach(name IN LISTS exported)
    if(NOT name IN_LIST called)
      list(APPEND problems "web/platform/exports.cpp exports ${name}, which no script calls")
    endif()
  endforeach()
  if(problems)
    list(REMOVE_DUPLICATES problems)
    list(JOIN problems "\n  " listed)
    message(FATAL_ERROR "The page's scripts and the exports disagree:\n  ${listed}")
  endif()
  list(LENGTH exported count)
  message(STATUS "The page's scripts call exactly the ${count} exported functions")
endif()
