# cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=kName -P embed_file.cmake: the file's bytes as a C++ array.
if(TEXT)
  # A shader: its comments and indentation are for the reader of shaders/, not for the page's download.
  # (GLSL has no string literals, so every // starts a comment.)
  file(READ ${INPUT} text)
  string(REGEX REPLACE "//[^\n]*" "" text "${text}")
  string(REGEX REPLACE "[ \t]+\n" "\n" text "${text}")
  string(REGEX REPLACE "\n[ \t]+" "\n" text "${text}")
  string(REGEX REPLACE "\n\n+" "\n" text "${text}")
  file(WRITE ${OUTPUT}.text "${text}")
  file(READ ${OUTPUT}.text hex HEX)
  string(APPEND hex "00")  # a terminating NUL for text (shaders); the size counts it out
else()
  file(READ ${INPUT} hex HEX)
endif()
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
if(TEXT)
  math(EXPR size "${size} - 1")
endif()
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT_NAME} by scripts/embed_file.cmake.\n"
  "extern const unsigned char ${SYMBOL}[] = {\n${bytes}};\n"
  "extern const unsigned int ${SYMBOL}Size = ${size};\n")
