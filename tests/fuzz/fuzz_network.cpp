// libFuzzer target: network configurations from links and the learner's CSV. Whatever a link sets
// (layers, features, rates, weights, points) must build or be refused with a message, and a network
// that builds must train a step without a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "network/csv_points.hpp"
#include "state/link_codec.hpp"
#include "network/trainer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)bp::app::parse_csv_points(text);
  bp::app::DecodedState decoded = bp::app::decode_state("mode=network&" + text);
  bp::app::NetworkState& s = decoded.state.network;
  s.batch_size = std::min(s.batch_size, 50);  // keep one step cheap; sizes are bounded by the decoder
  bp::app::Trainer trainer;
  if (!trainer.configure(s).empty()) return 0;
  trainer.train_batch();
  (void)trainer.surface(8);
  return 0;
}
