// Weights as base64url text.
#include "state/weights_text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace bp::app {

namespace {
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}

std::string encode_weights(const std::vector<double>& weights) {
  std::string bytes(weights.size() * 8, '\0');
  for (std::size_t i = 0; i < weights.size(); ++i) {
    std::uint64_t bits;
    std::memcpy(&bits, &weights[i], 8);
    for (std::size_t b = 0; b < 8; ++b) bytes[i * 8 + b] = static_cast<char>((bits >> (8 * b)) & 0xFF);
  }
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = 0;
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    for (std::size_t k = 0; k < n; ++k) {
      chunk |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + k])) << (16 - 8 * k);
    }
    for (std::size_t k = 0; k < n + 1; ++k) out += kBase64[(chunk >> (18 - 6 * k)) & 63];
  }
  return out;
}

std::optional<std::vector<double>> decode_weights(const std::string& text) {
  std::string bytes;
  std::uint32_t chunk = 0;
  int bits = 0;
  for (char c : text) {
    const char* at = std::strchr(kBase64, c);
    if (c == '\0' || at == nullptr) return std::nullopt;
    chunk = (chunk << 6) | static_cast<std::uint32_t>(at - kBase64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((chunk >> bits) & 0xFF);
    }
  }
  if (bytes.size() % 8 != 0) return std::nullopt;
  std::vector<double> weights(bytes.size() / 8);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    std::uint64_t v = 0;
    for (std::size_t b = 0; b < 8; ++b) {
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i * 8 + b])) << (8 * b);
    }
    std::memcpy(&weights[i], &v, 8);
  }
  return weights;
}

}  // namespace bp::app
