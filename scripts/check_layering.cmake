# The browser stays behind one door: Emscripten headers, EM_JS/EM_ASM, emscripten_* calls, exports
# and __EMSCRIPTEN__ switches only under web/platform/ and web/bindings/, and among the platform's files
# exports only in exports.cpp (where the build lists them). engine/ and web/app/ then build for any
# platform. Fails naming each file, line and what it found.
# Usage: cmake -DROOT=<source dir> -P scripts/check_layering.cmake   (a ctest entry and a build step)
if(NOT ROOT)
  message(FATAL_ERROR "check_layering.cmake: pass -DROOT=<source dir>")
endif()

# What marks browser code. A comment may name Emscripten; code may not.
set(browser_only
  "#[ \t]*include[ \t]*[<\"]emscripten"
  "EM_JS"
  "EM_ASM"
  "EMSCRIPTEN_KEEPALIVE"
  "emscripten_[a-z]"
  "__EMSCRIPTEN__"
  "extern \"C\"")

set(problems "")

# Appends to `problems` every line of `file` outside comments that matches one of `patterns`.
function(scan file patterns)
  # One list item per line: ';', '[' and ']' would split or join CMake list items, so they go first.
  file(READ ${file} text)
  string(REGEX REPLACE "[][;]" "_" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(number 0)
  set(found "")
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    string(REGEX REPLACE "//.*$" "" code "${line}")
    foreach(pattern IN LISTS patterns)
      if(code MATCHES "${pattern}")
        file(RELATIVE_PATH relative ${ROOT} ${file})
        string(STRIP "${line}" shown)
        list(APPEND found "${relative}:${number}: ${shown}")
        break()
      endif()
    endforeach()
  endforeach()
  set(problems ${problems} ${found} PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE layered ${ROOT}/engine/*.cpp ${ROOT}/engine/*.hpp ${ROOT}/engine/*.h
                          ${ROOT}/web/app/*.cpp ${ROOT}/web/app/*.hpp ${ROOT}/web/app/*.h)
foreach(file IN LISTS layered)
  scan(${file} "${browser_only}")
endforeach()

file(GLOB platform_files ${ROOT}/web/platform/*.cpp ${ROOT}/web/platform/*.hpp)
list(FILTER platform_files EXCLUDE REGEX "/exports\\.cpp$")
foreach(file IN LISTS platform_files)
  scan(${file} "EMSCRIPTEN_KEEPALIVE")
endforeach()

if(problems)
  list(JOIN problems "\n  " listed)
  message(FATAL_ERROR "Browser code outside web/platform/ and web/bindings/ (move it behind page.hpp or "
                      "platform.hpp), or an export outside web/platform/exports.cpp:\n  ${listed}")
endif()
list(LENGTH layered count)
message(STATUS "Layering: ${count} files of engine/ and web/app/ hold no browser code")
