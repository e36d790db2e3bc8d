#include <malloc.h>

#include <iostream>
#include <string>
#include <vector>

#include "compiler/cli/commands.h"

int main(int argc, char** argv) {
  // Blocks of 1 MiB and more (read buffers, the output files, the
  // duplicate-code runs) are mapped on their own and returned when freed,
  // and a growing one's unused room is never touched: without this, glibc
  // raises the threshold after the first such block is freed, and later
  // ones stay in the heap, resident, until the end.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  std::vector<std::string> args(argv, argv + argc);
  return planc::cli::Main(args, {std::cout, std::cerr});
}
