// libFuzzer target: the URL-hash decoder (links come from anyone). Any hash must decode without a
// crash, and whatever state it gives must survive its own encode → decode round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <string>

#include "state/embed_options.hpp"
#include "state/link_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string hash(reinterpret_cast<const char*>(data), size);
  const bp::app::DecodedState decoded = bp::app::decode_state(hash);
  const std::string again = bp::app::encode_state(decoded.state);
  const bp::app::DecodedState round = bp::app::decode_state(again);
  if (!round.notices.empty() || bp::app::encode_state(round.state) != again) __builtin_trap();
  (void)bp::app::parse_embed_options(hash);
  return 0;
}
