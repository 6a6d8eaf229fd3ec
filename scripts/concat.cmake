# cmake -DOUTPUT=file -DINPUTS="a;b;c" -P concat.cmake: writes the inputs one after another.
file(WRITE ${OUTPUT} "")
foreach(input ${INPUTS})
  file(READ ${input} content)
  file(APPEND ${OUTPUT} "${content}\n")
endforeach()
