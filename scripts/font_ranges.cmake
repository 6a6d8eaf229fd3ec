# The glyph ranges of web/platform/fonts.cpp (its arrays of first and last code points, ending in 0), as
# pyftsubset's --unicodes list: the fonts are cut down to exactly the glyphs the app asks ImGui for.
# Included, it defines bp_read_font_ranges() (web/platform/CMakeLists.txt).

# Sets `out` to "U+0020-007E,U+00A0-00FF,..." for the array named `array` in <root>/web/platform/fonts.cpp.
function(bp_read_font_ranges root array out)
  file(READ ${root}/web/platform/fonts.cpp source)
  if(NOT source MATCHES "${array}\\[\\] = {([^}]*)}")
    message(FATAL_ERROR "web/platform/fonts.cpp: no array ${array}[] = { ... }")
  endif()
  string(REGEX REPLACE "//[^\n]*" "" body "${CMAKE_MATCH_1}")  # comments name glyphs, not code points
  string(REGEX MATCHALL "0x[0-9A-Fa-f]+" points "${body}")
  list(LENGTH points count)
  math(EXPR odd "${count} % 2")
  if(count EQUAL 0 OR odd)
    message(FATAL_ERROR "web/platform/fonts.cpp: ${array} must hold pairs of code points")
  endif()
  set(ranges "")
  math(EXPR last "${count} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET points ${i} first)
    list(GET points ${j} second)
    string(SUBSTRING ${first} 2 -1 first)
    string(SUBSTRING ${second} 2 -1 second)
    list(APPEND ranges "U+${first}-${second}")
  endforeach()
  string(JOIN "," joined ${ranges})
  set(${out} ${joined} PARENT_SCOPE)
endfunction()
