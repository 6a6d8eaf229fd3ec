# cmake -DSITE=dir "-DFILES=a|b|…" -P site.cmake: makes SITE hold exactly FILES (their names, flat), the
# folder a host publishes. Emptied first, so a file dropped from the list does not linger from an older build.
string(REPLACE "|" ";" FILES "${FILES}")
file(REMOVE_RECURSE ${SITE})
file(MAKE_DIRECTORY ${SITE})
foreach(source IN LISTS FILES)
  if(NOT EXISTS ${source})
    message(FATAL_ERROR "site.cmake: ${source} is missing")
  endif()
  file(COPY ${source} DESTINATION ${SITE})
endforeach()
