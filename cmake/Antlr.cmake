# Generates the C++ lexer and parser for a grammar at build time with the
# `antlr4` tool of Debian's antlr4 package (4.7.2), whose output compiles
# against the 4.9 runtime as C++17. The generated code is never committed.
find_program(ANTLR4_TOOL NAMES antlr4 REQUIRED)

# planc_antlr_generate(<out-var-sources> <grammar> <namespace>)
function(planc_antlr_generate out_sources grammar namespace)
  get_filename_component(name "${grammar}" NAME_WE)
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/generated")
  set(sources
    "${dir}/${name}Lexer.cpp" "${dir}/${name}Lexer.h"
    "${dir}/${name}Parser.cpp" "${dir}/${name}Parser.h")
  add_custom_command(
    OUTPUT ${sources}
    COMMAND "${CMAKE_COMMAND}" -E rm -rf "${dir}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
    COMMAND "${ANTLR4_TOOL}" -Werror -Dlanguage=Cpp -no-listener -no-visitor
            -package "${namespace}" -Xexact-output-dir -o "${dir}" "${grammar}"
    MAIN_DEPENDENCY "${grammar}"
    COMMENT "Generating the ${name} parser with ANTLR"
    VERBATIM)
  set(${out_sources} ${sources} PARENT_SCOPE)
  set(PLANC_ANTLR_GENERATED_DIR "${dir}" PARENT_SCOPE)
endfunction()
