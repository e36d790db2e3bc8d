#ifndef PLANC_DRAW_PRN_H_
#define PLANC_DRAW_PRN_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

// Permanent random numbers, algorithm planc/prn/v1 (draw.md): the only
// source of randomness of a draw. Everything here is exact and the same on
// every machine; no std:: engine or distribution is involved.
namespace planc::draw {

inline constexpr std::string_view kAlgorithm = "planc/prn/v1";

// A seed: 64 lowercase hex digits (32 bytes).
bool IsSeedHex(std::string_view text);

// A fresh seed from the operating system's CSPRNG (getrandom); nullopt
// when the system cannot give one.
std::optional<std::string> FreshSeed();

// The commitment a bureau publishes before the draw: sha256(seed_hex), hex.
std::string Commitment(std::string_view seed_hex);

// h(stream, id): lowercase hex SHA-256 of
// "planc/prn/v1" US seed_hex US stream US id (US = U+001F).
std::string PrnHex(std::string_view seed_hex, std::string_view stream, std::string_view id);

// u(stream, id): the first 16 hex digits of h as an unsigned 64-bit integer.
std::uint64_t Prn(std::string_view seed_hex, std::string_view stream, std::string_view id);

// u(stream, id) for many ids of one stream: the SHA-256 state after the
// constant start of the text ("planc/prn/v1" US seed_hex …) is computed once,
// so each id costs one or two compressions instead of two or three. Gives
// exactly Prn(seed_hex, stream, id).
class PrnHasher {
 public:
  PrnHasher(std::string_view seed_hex, std::string_view stream);
  PrnHasher(const PrnHasher& other);
  PrnHasher& operator=(const PrnHasher& other);
  ~PrnHasher();
  std::uint64_t operator()(std::string_view id) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// `u` as draws.csv writes it: 16 lowercase hex digits.
std::string PrnText(std::uint64_t u);

// The streams of a group's tasks (draw.md "Coordination groups and streams").
std::string GroupStream(std::string_view group_id);  // "g:" + group id
std::string TaskStream(std::string_view task_id);    // "t:" + task id
std::string VisitStream(std::string_view visit_id);  // "i:" + visit id (inspector ranks)

// Negative coordination: the i-th (0-based, task-id order) of m tasks uses
// (u + floor(i·2^64/m)) mod 2^64.
std::uint64_t NegativeShift(std::uint64_t u, std::uint64_t i, std::uint64_t m);

}  // namespace planc::draw

#endif  // PLANC_DRAW_PRN_H_
