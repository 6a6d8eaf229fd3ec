# cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=kName -P embed_file.cmake: the file's bytes as a C++ array.
file(READ ${INPUT} hex HEX)
if(TEXT)
  string(APPEND hex "00")  # a terminating NUL for text (shaders); the size counts it out
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
