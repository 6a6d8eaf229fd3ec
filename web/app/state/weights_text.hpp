// The trained weights as text for a link and back: IEEE doubles, little-endian, base64url. Exact to
// the last bit. No ImGui, no network: the link codec needs only this.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace bp::app {

std::string encode_weights(const std::vector<double>& weights);
// nullopt when `text` is not base64url of whole doubles (a link cut short, a typo).
std::optional<std::vector<double>> decode_weights(const std::string& text);

}  // namespace bp::app
