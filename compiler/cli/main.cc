#include <iostream>
#include <string>
#include <vector>

#include "compiler/cli/commands.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  return planc::cli::Main(args, {std::cout, std::cerr});
}
